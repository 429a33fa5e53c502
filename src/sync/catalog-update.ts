/**
 * Keeps the phone's catalogue current: revalidates with the stored ETag, checks what arrives
 * with validateCatalog and keeps the newest version seen. A malformed catalogue is refused and
 * the last good one stays. DOM-free; fetch and clock are passed in.
 */
import { type Catalog, validateCatalog } from '../domain/catalog';
import type { CatalogCache } from '../storage/catalog-cache';

export type CatalogUpdateResult =
  { outcome: 'updated'; catalog: Catalog } | { outcome: 'not-modified' | 'older' | 'offline' } | { outcome: 'rejected'; errors: string[] };

/** Newer means a higher version, or the same version published later. */
export function isNewer(a: Catalog, b: Catalog): boolean {
  return a.version > b.version || (a.version === b.version && a.publishedOn > b.publishedOn);
}

/** The catalogue to show: the newer of the bundled copy and the one kept from the server. */
export async function currentCatalog(cache: CatalogCache, bundled: Catalog): Promise<Catalog> {
  const cached = await cache.getCachedCatalog().catch(() => undefined);
  return cached && isNewer(cached.catalog, bundled) ? cached.catalog : bundled;
}

export async function updateCatalog(deps: {
  fetch: typeof fetch;
  now: () => number;
  bundled: Catalog;
  cache: CatalogCache;
  baseUrl?: string;
}): Promise<CatalogUpdateResult> {
  const { cache } = deps;
  const cached = await cache.getCachedCatalog().catch(() => undefined);
  const headers: Record<string, string> = {};
  if (cached?.etag) headers['If-None-Match'] = cached.etag;
  let response: Response;
  try {
    response = await deps.fetch(`${deps.baseUrl ?? ''}/api/v1/catalog`, { headers });
  } catch {
    return { outcome: 'offline' };
  }
  if (response.status === 304) return { outcome: 'not-modified' };
  if (!response.ok) return { outcome: 'offline' };
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { outcome: 'rejected', errors: ['body: not JSON'] };
  }
  const check = validateCatalog((body as { catalog?: unknown } | null)?.catalog);
  if (!check.ok) return { outcome: 'rejected', errors: check.errors };
  const best = cached && isNewer(cached.catalog, deps.bundled) ? cached.catalog : deps.bundled;
  const etag = response.headers.get('ETag');
  if (!isNewer(check.catalog, best)) {
    // The same edition as ours: remember its ETag so the next check costs a 304.
    const same = !isNewer(best, check.catalog);
    if (same) await cache.putCachedCatalog({ catalog: best, etag, fetchedAt: deps.now() });
    return { outcome: same ? 'not-modified' : 'older' };
  }
  await cache.putCachedCatalog({ catalog: check.catalog, etag, fetchedAt: deps.now() });
  return { outcome: 'updated', catalog: check.catalog };
}
