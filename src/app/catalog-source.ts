/**
 * The one door through which screens get the procedure catalogue: the newer of the copy bundled
 * with the app and the last valid one the server sent (kept on the phone). Checks the server once
 * per app start; a malformed catalogue is refused by sync/catalog-update and the last good one stays.
 * WARNING: importing this pulls the whole catalogue in, so only lazy screens may import it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Catalog } from '../domain/catalog';
import { BUNDLED_CATALOG } from '../content/catalog';
import { createCatalogCache } from '../storage/catalog-cache';
import { currentCatalog, updateCatalog } from '../sync/catalog-update';

const cache = createCatalogCache();
let current: Catalog = BUNDLED_CATALOG;
let loading: Promise<void> | null = null;
const listeners = new Set<(catalog: Catalog) => void>();

function publish(catalog: Catalog): void {
  current = catalog;
  listeners.forEach((listener) => listener(catalog));
}

function load(): Promise<void> {
  loading ??= currentCatalog(cache, BUNDLED_CATALOG)
    .then(publish)
    .then(() => updateCatalog({ fetch: (input, init) => fetch(input, init), now: Date.now, bundled: BUNDLED_CATALOG, cache }))
    .then((result) => {
      if (result.outcome === 'updated') publish(result.catalog);
      if (result.outcome === 'rejected') console.warn('catalogue from the server refused', result.errors);
    })
    .catch((error: unknown) => console.warn('catalogue update failed', error));
  return loading;
}

export function useCatalog(): Catalog {
  const [catalog, setCatalog] = useState(current);
  useEffect(() => {
    listeners.add(setCatalog);
    void load();
    return () => {
      listeners.delete(setCatalog);
    };
  }, []);
  return catalog;
}
