/** The worker's precache: parallel but bounded, each file once, kept files kept, progress monotonic. */
import { describe, expect, it } from 'vitest';
import {
  PRECACHE_CONCURRENCY,
  cacheKeyOf,
  deleteStale,
  isComplete,
  precacheAll,
  type CacheLike,
  type PrecacheEntry,
} from '../../../service-worker/precache';
import type { ReadinessMessage } from '../../../src/domain/offline-readiness';

const BASE = 'https://xa.example/';

function memoryCache(): CacheLike & { map: Map<string, Response> } {
  const map = new Map<string, Response>();
  const key = (r: RequestInfo | URL) => (typeof r === 'string' ? r : r instanceof URL ? r.href : r.url);
  return {
    map,
    match: async (r) => map.get(key(r))?.clone(),
    put: async (r, response) => void map.set(key(r), response),
    keys: async () => [...map.keys()].map((url) => new Request(url)),
    delete: async (r) => map.delete(key(r)),
  } as CacheLike & { map: Map<string, Response> };
}

const ENTRIES: PrecacheEntry[] = [
  { url: 'index.html', revision: 'r1' },
  ...Array.from({ length: 20 }, (_, i) => ({ url: `assets/chunk-${i}.js`, revision: null })),
  { url: 'index.html', revision: 'r1' },
  { url: 'icons/icon-192.png', revision: 'p1' },
];

interface Harness {
  requests: Request[];
  maxInFlight: number;
  messages: ReadinessMessage[];
}

function run(entries: PrecacheEntry[], cache: CacheLike, failing: (url: string, attempt: number) => boolean = () => false) {
  const h: Harness = { requests: [], maxInFlight: 0, messages: [] };
  let inFlight = 0;
  const attempts = new Map<string, number>();
  const promise = precacheAll(entries, {
    cache,
    base: BASE,
    report: (m) => h.messages.push(m),
    sleep: async () => undefined,
    fetch: async (request) => {
      h.requests.push(request);
      const n = (attempts.get(request.url) ?? 0) + 1;
      attempts.set(request.url, n);
      inFlight += 1;
      h.maxInFlight = Math.max(h.maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight -= 1;
      if (failing(request.url, n)) throw new TypeError('network');
      return new Response(`bytes of ${request.url}`, { status: 200, headers: { 'content-encoding': 'br', 'content-length': '9' } });
    },
  });
  return { h, promise };
}

describe('precacheAll', () => {
  it('fetches each file once, at most PRECACHE_CONCURRENCY at a time, and more than one at a time', async () => {
    const cache = memoryCache();
    const { h, promise } = run(ENTRIES, cache);
    await promise;
    const urls = h.requests.map((r) => r.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toHaveLength(22);
    expect(h.maxInFlight).toBeLessThanOrEqual(PRECACHE_CONCURRENCY);
    expect(h.maxInFlight).toBeGreaterThan(1);
    expect(await isComplete(ENTRIES, cache, BASE)).toBe(true);
    const shell = await cache.match(cacheKeyOf({ url: 'index.html', revision: 'r1' }, BASE));
    expect(shell?.headers.get('content-encoding')).toBeNull();
  });

  it('goes through the HTTP cache for hashed files and revalidates files with a revision', async () => {
    const { h, promise } = run(ENTRIES, memoryCache());
    await promise;
    const byUrl = new Map(h.requests.map((r) => [r.url, r.cache]));
    expect(byUrl.get(`${BASE}assets/chunk-0.js`)).toBe('default');
    expect(byUrl.get(`${BASE}index.html`)).toBe('no-cache');
  });

  it('reports progress that never goes backwards and ends at the total', async () => {
    const { h, promise } = run(ENTRIES, memoryCache());
    await promise;
    const done = h.messages.map((m) => (m.type === 'precache-progress' ? m.done : -1));
    expect(done[0]).toBe(0);
    for (let i = 1; i < done.length; i++) expect(done[i]).toBeGreaterThanOrEqual(done[i - 1] as number);
    expect(h.messages.at(-1)).toEqual({ type: 'precache-progress', done: 22, total: 22 });
  });

  it('keeps what an earlier version cached and fetches only what changed', async () => {
    const cache = memoryCache();
    await run(ENTRIES, cache).promise;
    const next = ENTRIES.map((e) => (e.url === 'index.html' ? { ...e, revision: 'r2' } : e));
    const { h, promise } = run(next, cache);
    await promise;
    expect(h.requests.map((r) => r.url)).toEqual([`${BASE}index.html`]);
    expect(h.messages[0]).toEqual({ type: 'precache-progress', done: 21, total: 22 });
    await deleteStale(next, cache, BASE);
    expect(await cache.match(cacheKeyOf({ url: 'index.html', revision: 'r1' }, BASE))).toBeUndefined();
    expect(await isComplete(next, cache, BASE)).toBe(true);
  });

  it('tries a failing file again, and fails the install when it keeps failing', async () => {
    const flaky = run(ENTRIES, memoryCache(), (url, attempt) => url.endsWith('chunk-3.js') && attempt < 3);
    await flaky.promise;
    expect(flaky.h.requests.filter((r) => r.url.endsWith('chunk-3.js'))).toHaveLength(3);

    const cache = memoryCache();
    const broken = run(ENTRIES, cache, (url) => url.endsWith('chunk-3.js'));
    await expect(broken.promise).rejects.toThrow();
    expect(await isComplete(ENTRIES, cache, BASE)).toBe(false);
  });
});
