/**
 * The commune's villages as this phone last fetched them (GET /api/v1/villages, with its ETag),
 * in its own idb-keyval store, so the visit form's village picker works offline. The only module
 * that touches it. Absent until the first fetch: the picker then says to connect once.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';
import type { Village } from '../domain/campaign';

export const VILLAGES_DB_NAME = 'mot-cua-luu-dong-villages';

export interface CachedVillages {
  villages: Village[];
  etag: string | null;
  fetchedAt: number;
}

export interface VillagesCache {
  getCachedVillages(): Promise<CachedVillages | undefined>;
  putCachedVillages(entry: CachedVillages): Promise<void>;
}

export function createVillagesCache(dbName: string = VILLAGES_DB_NAME): VillagesCache {
  const store: UseStore = createStore(dbName, 'villages');
  return {
    getCachedVillages: () => get<CachedVillages>('current', store),
    putCachedVillages: (entry) => set('current', entry, store),
  };
}
