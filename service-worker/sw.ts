/**
 * The service worker: precaches the app shell so the app opens with no signal, answers every
 * navigation with that shell (never /api/), and wakes the page's sync engine on Background Sync.
 * Updates wait for the user's "yes" (SKIP_WAITING message); old chunks stay until then.
 */
/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { clientsClaim } from 'workbox-core';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }));

// First install takes control at once so the very first visit already works offline;
// later versions only activate when the user accepts the update.
clientsClaim();

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

/** Background Sync is only a wake-up: the outbox lives in IndexedDB and the page's engine sends it. */
self.addEventListener('sync', ((event: SyncEvent) => {
  if (event.tag !== 'mcld-outbox') return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((clients) => {
      for (const client of clients) client.postMessage({ type: 'sync-wakeup' });
    }),
  );
}) as EventListener);
