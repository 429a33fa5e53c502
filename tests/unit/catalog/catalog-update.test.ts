/** The phone keeps the newest valid catalogue it has seen and refuses a malformed one. */
import { beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED_CATALOG } from '../../../src/content/catalog';
import type { Catalog } from '../../../src/domain/catalog';
import { currentCatalog, updateCatalog } from '../../../src/sync/catalog-update';
import { createCatalogCache, type CatalogCache } from '../../../src/storage/catalog-cache';

/** A tiny catalogue server speaking the real route's protocol (ETag / If-None-Match). */
function catalogServer(initial: unknown) {
  let body: unknown = initial;
  let etag = '"v1"';
  const seen: Array<string | null> = [];
  const fetchFn = (async (_url: string, init?: RequestInit) => {
    const sent = new Headers(init?.headers).get('If-None-Match');
    seen.push(sent);
    if (sent === etag) return new Response(null, { status: 304, headers: { ETag: etag } });
    return new Response(JSON.stringify(body), { status: 200, headers: { ETag: etag, 'Content-Type': 'application/json' } });
  }) as typeof fetch;
  return {
    fetch: fetchFn,
    seen,
    publish(next: unknown, tag: string) {
      body = next;
      etag = tag;
    },
  };
}

const newer = (patch: Partial<Catalog> = {}): Catalog => ({
  ...BUNDLED_CATALOG,
  version: BUNDLED_CATALOG.version + 1,
  publishedOn: '2026-12-01',
  ...patch,
});

let run = 0;
let cache: CatalogCache;
beforeEach(() => {
  cache = createCatalogCache(`catalog-test-${++run}`);
});

describe('catalogue updates from the server', () => {
  it('stores a newer catalogue, then revalidates with its ETag (304)', async () => {
    const server = catalogServer({ catalog: newer() });
    const deps = { fetch: server.fetch, now: () => 1000, bundled: BUNDLED_CATALOG, cache };
    const first = await updateCatalog(deps);
    expect(first.outcome).toBe('updated');
    expect((await currentCatalog(cache, BUNDLED_CATALOG)).publishedOn).toBe('2026-12-01');
    expect(await updateCatalog(deps)).toEqual({ outcome: 'not-modified' });
    expect(server.seen).toEqual([null, '"v1"']);
  });

  it('refuses a malformed catalogue and keeps the last good one', async () => {
    const server = catalogServer({ catalog: newer() });
    const deps = { fetch: server.fetch, now: () => 1000, bundled: BUNDLED_CATALOG, cache };
    await updateCatalog(deps);
    server.publish({ catalog: { version: 99, publishedOn: 'tomorrow', procedures: 'none' } }, '"bad"');
    const result = await updateCatalog(deps);
    expect(result.outcome).toBe('rejected');
    expect((await currentCatalog(cache, BUNDLED_CATALOG)).version).toBe(BUNDLED_CATALOG.version + 1);
    server.publish('not even an object', '"worse"');
    expect((await updateCatalog(deps)).outcome).toBe('rejected');
    expect((await cache.getCachedCatalog())?.etag).toBe('"v1"');
  });

  it('ignores a catalogue older than the one the app ships', async () => {
    const server = catalogServer({ catalog: { ...BUNDLED_CATALOG, publishedOn: '2025-01-01' } });
    const result = await updateCatalog({ fetch: server.fetch, now: () => 1, bundled: BUNDLED_CATALOG, cache });
    expect(result).toEqual({ outcome: 'older' });
    expect(await currentCatalog(cache, BUNDLED_CATALOG)).toBe(BUNDLED_CATALOG);
  });

  it('stays on what it has when offline', async () => {
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await updateCatalog({ fetch: offline, now: () => 1, bundled: BUNDLED_CATALOG, cache })).toEqual({ outcome: 'offline' });
    expect(await currentCatalog(cache, BUNDLED_CATALOG)).toBe(BUNDLED_CATALOG);
  });
});
