/**
 * The service worker: precaches the app shell so the app opens with no signal (precache.ts: in
 * parallel, through the HTTP cache, with progress for the pages), answers every navigation with
 * that shell (never /api/, never the console at /can-bo/), and on Background Sync (Chromium)
 * sends the outbox itself with the same engine the page runs, under the same Web Lock, so a
 * dossier leaves even when no tab is open. Updates wait for the user's "yes" (SKIP_WAITING
 * message); old files stay until then. Pages hear about every background sync, "update
 * required", and how far the precache is (domain/offline-readiness.ts).
 */
/// <reference lib="webworker" />
import { READINESS_QUERY, type ReadinessMessage } from '../src/domain/offline-readiness';
import type { SyncEngine } from '../src/sync/engine';
import { createPhoneSyncEngine } from '../src/sync/phone-sync';
import { createPhoneStorage } from '../src/storage/phone-storage';
import { OUTBOX_SYNC_TAG, type WorkerMessage } from '../src/sync/wake';
import { deleteStale, isComplete, precacheAll, routesOf, type PrecacheEntry } from './precache';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: PrecacheEntry[] };

const MANIFEST = self.__WB_MANIFEST;
const CACHE_NAME = 'mot-cua-precache';
/** When this version's precache completed: kept in the cache itself, beside the files. */
const READY_KEY = new URL('/__mot-cua/precache-ready', self.location.href).href;
const BASE = self.registration.scope;
const ROUTES = routesOf(MANIFEST, BASE);
const SHELL_KEY = ROUTES.get(new URL('index.html', BASE).href);
/** Before this file's own precache: the caches of the Workbox-based versions. */
const OLD_CACHE_PREFIX = 'workbox-precache';

/** Where this worker stands, for pages that ask (a worker restarted from idle starts at null). */
let last: ReadinessMessage | null = null;

async function tellPages(message: WorkerMessage | ReadinessMessage): Promise<void> {
  const clients = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const client of clients) client.postMessage(message);
}

function report(message: ReadinessMessage): void {
  last = message;
  void tellPages(message);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE_NAME);
      try {
        await precacheAll(MANIFEST, {
          cache,
          fetch: (request) => self.fetch(request),
          base: BASE,
          report,
          sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        });
      } catch (error) {
        const done = last?.type === 'precache-progress' ? last.done : 0;
        report({ type: 'precache-failed', done, total: ROUTES.size, retryAt: Date.now() + 15_000 });
        throw error;
      }
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE_NAME);
      await deleteStale(MANIFEST, cache, BASE, [READY_KEY]);
      for (const name of await caches.keys()) if (name.startsWith(OLD_CACHE_PREFIX)) await caches.delete(name);
      const at = Date.now();
      await cache.put(READY_KEY, new Response(JSON.stringify({ at })));
      // The first install takes control at once, so the very first visit already works offline;
      // later versions only activate when the user accepts the update.
      await self.clients.claim();
      report({ type: 'precache-ready', at });
    })(),
  );
});

/** What to tell a page that asks: ready only when this worker is active and every file is there. */
async function status(): Promise<ReadinessMessage | null> {
  if (self.registration.active?.scriptURL !== self.location.href) return last;
  const cache = await caches.open(CACHE_NAME);
  if (!(await isComplete(MANIFEST, cache, BASE))) return last;
  const stored = (await (await cache.match(READY_KEY))?.json().catch(() => null)) as { at?: unknown } | null;
  return { type: 'precache-ready', at: typeof stored?.at === 'number' ? stored.at : Date.now() };
}

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const type = (event.data as { type?: string } | null)?.type;
  if (type === 'SKIP_WAITING') void self.skipWaiting();
  if (type === READINESS_QUERY) {
    const source = event.source;
    event.waitUntil(
      status().then((message) => {
        if (message && source) source.postMessage(message);
      }),
    );
  }
});

async function fromCache(key: string, request: Request): Promise<Response> {
  const cached = await caches.match(key, { cacheName: CACHE_NAME });
  return cached ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/can-bo') || !SHELL_KEY) return;
    event.respondWith(fromCache(SHELL_KEY, request));
    return;
  }
  url.hash = '';
  const key = ROUTES.get(url.href);
  if (key) event.respondWith(fromCache(key, request));
});

let engine: SyncEngine | null = null;

/** Made on the first sync event: a worker woken only to serve a file never opens the database. */
function getEngine(): SyncEngine {
  if (!engine) {
    engine = createPhoneSyncEngine(createPhoneStorage(), { fetch: (input, init) => self.fetch(input, init), now: () => Date.now() });
    engine.on((event) => {
      if (event.type === 'update-required') void tellPages({ type: 'update-required' });
      if (event.type === 'done') void tellPages({ type: 'sync-done', report: event.report });
    });
  }
  return engine;
}

interface BackgroundSyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance?: boolean;
}

/**
 * The outbox lives in IndexedDB; this only sends it. If the network is still gone the engine
 * reschedules the rows with backoff and we reject, so the browser fires `sync` again later.
 */
self.addEventListener('sync', ((event: BackgroundSyncEvent) => {
  if (event.tag !== OUTBOX_SYNC_TAG) return;
  event.waitUntil(
    getEngine()
      .sync('background-sync')
      .then((report) => {
        if (report.offline && !event.lastChance) throw new Error('still offline: ask the browser to retry');
      }),
  );
}) as EventListener);
