/**
 * The newest procedure catalogue this phone has seen from the server, with its ETag, in its
 * own idb-keyval store. The only module that touches it. Absent until the first update, when
 * the catalogue bundled with the app is used.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';
import type { Catalog } from '../domain/catalog';

export const CATALOG_DB_NAME = 'mot-cua-luu-dong-catalog';

export interface CachedCatalog {
  catalog: Catalog;
  etag: string | null;
  /** When this phone stored it (ms). */
  fetchedAt: number;
}

export interface CatalogCache {
  getCachedCatalog(): Promise<CachedCatalog | undefined>;
  putCachedCatalog(entry: CachedCatalog): Promise<void>;
}

/** The cache in database `dbName` (tests pass a fresh name each time). */
export function createCatalogCache(dbName: string = CATALOG_DB_NAME): CatalogCache {
  const store: UseStore = createStore(dbName, 'catalog');
  return {
    getCachedCatalog: () => get<CachedCatalog>('current', store),
    putCachedCatalog: (entry) => set('current', entry, store),
  };
}
