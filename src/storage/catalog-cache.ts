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

let store: UseStore | null = null;
const catalogStore = () => (store ??= createStore(CATALOG_DB_NAME, 'catalog'));

/** Points the cache at another database (tests use a fresh one each). */
export function useCatalogDatabase(name: string): void {
  store = createStore(name, 'catalog');
}

export function getCachedCatalog(): Promise<CachedCatalog | undefined> {
  return get<CachedCatalog>('current', catalogStore());
}

export function putCachedCatalog(entry: CachedCatalog): Promise<void> {
  return set('current', entry, catalogStore());
}
