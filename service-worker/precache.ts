/**
 * The precache, without Workbox's one-at-a-time install: files are fetched PRECACHE_CONCURRENCY
 * at a time (on 2G each request waits ~0.8 s of round trip; several in flight overlap the waits
 * while the downlink stays full), through the HTTP cache, so what the page has just loaded is not
 * downloaded again (hashed files are immutable; files with a revision are revalidated, a 304 when
 * unchanged). Each entry once; an entry already cached for its revision (an earlier version) is
 * kept, not fetched. Progress goes to the pages as it happens. A file that fails is tried again a
 * few times, then the install fails and says so. Pure of the worker's globals: the cache, fetch
 * and the clock are passed in (tests/unit/service-worker/precache.test.ts).
 */
import type { ReadinessMessage } from '../src/domain/offline-readiness';

export interface PrecacheEntry {
  url: string;
  revision: string | null;
}

/** How many files are fetched at once (Chromium opens at most 6 connections per host on HTTP/1.1). */
export const PRECACHE_CONCURRENCY = 6;
/** A file that sends nothing for this long is abandoned and tried again (a stalled link). */
export const PRECACHE_TIMEOUT_MS = 60_000;
/** Attempts per file before the install gives up. */
export const PRECACHE_ATTEMPTS = 4;

export type CacheLike = Pick<Cache, 'match' | 'put' | 'keys' | 'delete'>;

export interface PrecacheDeps {
  cache: CacheLike;
  fetch: (request: Request) => Promise<Response>;
  /** The worker's scope, e.g. https://example/ : entries are relative to it. */
  base: string;
  report: (message: ReadinessMessage) => void;
  sleep: (ms: number) => Promise<void>;
  concurrency?: number;
  timeoutMs?: number;
  attempts?: number;
}

/** The cache key of an entry: its URL, with its revision when the file name has none. */
export function cacheKeyOf(entry: PrecacheEntry, base: string): string {
  const url = new URL(entry.url, base);
  if (entry.revision) url.searchParams.set('__rev', entry.revision);
  return url.href;
}

/** Each URL once (the first entry wins), in the manifest's order. */
export function uniqueEntries(entries: readonly PrecacheEntry[], base: string): PrecacheEntry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const url = new URL(entry.url, base).href;
    if (seen.has(url)) return false;
    seen.add(url);
    return true;
  });
}

/** The URL a page asks for → the cache key holding it. */
export function routesOf(entries: readonly PrecacheEntry[], base: string): Map<string, string> {
  return new Map(uniqueEntries(entries, base).map((entry) => [new URL(entry.url, base).href, cacheKeyOf(entry, base)]));
}

async function fetchOne(entry: PrecacheEntry, deps: PrecacheDeps): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs ?? PRECACHE_TIMEOUT_MS);
  try {
    // Hashed names never change: the HTTP cache's copy is right. A file with a revision is revalidated.
    const request = new Request(new URL(entry.url, deps.base).href, {
      cache: entry.revision ? 'no-cache' : 'default',
      credentials: 'same-origin',
      signal: controller.signal,
    });
    const response = await deps.fetch(request);
    if (response.status !== 200 || response.redirected || response.type === 'opaque') throw new Error(`precache: ${response.status}`);
    // The whole body inside the timeout, so a stalled download is abandoned too.
    const body = await response.arrayBuffer();
    // The body is decoded already: the copy must not claim an encoding or the encoded length.
    const headers = new Headers(response.headers);
    headers.delete('Content-Encoding');
    headers.delete('Content-Length');
    return new Response(body, { status: 200, headers });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Fills the cache with every entry; resolves when all are in, rejects (after the last attempt of
 * a failing file) otherwise. Reports progress after each file.
 */
export async function precacheAll(entries: readonly PrecacheEntry[], deps: PrecacheDeps): Promise<void> {
  const unique = uniqueEntries(entries, deps.base);
  const total = unique.length;
  let done = 0;
  const todo: PrecacheEntry[] = [];
  for (const entry of unique) {
    if (await deps.cache.match(cacheKeyOf(entry, deps.base))) done += 1;
    else todo.push(entry);
  }
  deps.report({ type: 'precache-progress', done, total });
  let next = 0;
  let failure: unknown = null;
  const attempts = deps.attempts ?? PRECACHE_ATTEMPTS;
  async function worker(): Promise<void> {
    while (failure === null && next < todo.length) {
      const entry = todo[next++] as PrecacheEntry;
      for (let attempt = 1; ; attempt++) {
        try {
          const response = await fetchOne(entry, deps);
          await deps.cache.put(cacheKeyOf(entry, deps.base), response);
          break;
        } catch (error) {
          if (attempt >= attempts || failure !== null) {
            failure ??= error;
            return;
          }
          await deps.sleep(1000 * 2 ** (attempt - 1));
        }
      }
      done += 1;
      deps.report({ type: 'precache-progress', done, total });
    }
  }
  await Promise.all(Array.from({ length: Math.min(deps.concurrency ?? PRECACHE_CONCURRENCY, todo.length) }, worker));
  if (failure !== null) throw failure instanceof Error ? failure : new Error('precache failed');
}

/** Deletes every cached entry the current manifest does not name (after activation only). */
export async function deleteStale(
  entries: readonly PrecacheEntry[],
  cache: CacheLike,
  base: string,
  keep: readonly string[] = [],
): Promise<void> {
  const wanted = new Set([...uniqueEntries(entries, base).map((entry) => cacheKeyOf(entry, base)), ...keep]);
  for (const request of await cache.keys()) if (!wanted.has(request.url)) await cache.delete(request);
}

/** Whether every entry is in the cache. */
export async function isComplete(entries: readonly PrecacheEntry[], cache: CacheLike, base: string): Promise<boolean> {
  for (const entry of uniqueEntries(entries, base)) if (!(await cache.match(cacheKeyOf(entry, base)))) return false;
  return true;
}
