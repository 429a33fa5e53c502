/**
 * The page's one sync engine: wires the DOM-free engine to fetch, the clock, Web Locks and the
 * browser's wake-up events. Screens only call requestSync() and listen to events.
 */
import { createSyncEngine, type SyncEvent, type SyncReason } from '../sync/engine';
import { startSyncScheduler } from '../sync/scheduler';
import { webLock } from '../sync/lock';
import { getDeviceId } from '../storage/settings';

type Listener = (event: SyncEvent) => void;

const listeners = new Set<Listener>();
let engine: ReturnType<typeof createSyncEngine> | null = null;

function getEngine() {
  if (!engine) {
    engine = createSyncEngine({
      fetch: (input, init) => fetch(input, init),
      now: () => Date.now(),
      random: Math.random,
      deviceId: getDeviceId,
      lock: webLock('mcld-sync'),
    });
    engine.on((event) => listeners.forEach((listener) => listener(event)));
  }
  return engine;
}

export function requestSync(reason: SyncReason): void {
  void getEngine().sync(reason).catch((error: unknown) => console.error('sync failed', error));
  registerBackgroundSync();
}

export function onSyncEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Starts syncing on startup, `online`, focus and a timer; the service worker may also wake us. */
export function startSync(): void {
  startSyncScheduler({
    engine: getEngine(),
    target: window,
    visibility: document,
    setTimer: (fn, ms) => window.setTimeout(fn, ms),
    clearTimer: (handle) => window.clearTimeout(handle as number),
  });
  navigator.serviceWorker?.addEventListener('message', (event: MessageEvent) => {
    if ((event.data as { type?: string } | null)?.type === 'sync-wakeup') requestSync('background-sync');
  });
}

/** Asks the browser (Chromium) to wake the service worker when connectivity returns. */
function registerBackgroundSync(): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready
    .then((registration) => {
      const sync = (registration as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync;
      return sync?.register('mcld-outbox');
    })
    .catch(() => undefined);
}
