/**
 * The service worker: precaches the app shell so the app opens with no signal, answers every
 * navigation with that shell (never /api/), and on Background Sync (Chromium) sends the outbox
 * itself with the same engine the page runs, under the same Web Lock, so a dossier leaves even
 * when no tab is open. Updates wait for the user's "yes" (SKIP_WAITING message); old chunks stay
 * until then. Pages hear about every background sync and about "update required".
 */
/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { clientsClaim } from 'workbox-core';
import type { SyncEngine } from '../src/sync/engine';
import { createPhoneSyncEngine } from '../src/sync/phone-sync';
import { createPhoneStorage } from '../src/storage/phone-storage';
import { OUTBOX_SYNC_TAG, type WorkerMessage } from '../src/sync/wake';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// The console at /can-bo/ is another page, served by the server: a browser that also holds the
// phone app must not be handed the phone's shell for it.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//, /^\/can-bo(\/|$)/] }));

// First install takes control at once so the very first visit already works offline;
// later versions only activate when the user accepts the update.
clientsClaim();

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

let engine: SyncEngine | null = null;

async function tellPages(message: WorkerMessage): Promise<void> {
  const clients = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const client of clients) client.postMessage(message);
}

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
