/**
 * The page's one sync engine: wires the DOM-free engine to fetch, the clock, Web Locks and the
 * browser's wake-up events (start, `online`, focus, a timer, "Gửi ngay"; Safari has no Background
 * Sync, so these always run). The service worker runs the same engine on Background Sync under
 * the same lock. Screens only call requestSync() and listen to events.
 */
import type { SyncEngine, SyncEvent, SyncReason } from '../sync/engine';
import { createPhoneSyncEngine } from '../sync/phone-sync';
import { startSyncScheduler } from '../sync/scheduler';
import { OUTBOX_SYNC_TAG, isWorkerMessage } from '../sync/wake';
import { phone } from './phone';
import { announceUpdateRequired } from './update-required';

type Listener = (event: SyncEvent) => void;

const listeners = new Set<Listener>();
let engine: SyncEngine | null = null;

/** The app's own data-saver switch (no personal data: a plain flag in localStorage). */
const DATA_SAVER_KEY = 'mcld-data-saver';

/** The phone asks to save data (Chrome's Lite mode, Android's Data Saver), or the user chose it here. */
export function dataSaverOn(): boolean {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  return Boolean(connection?.saveData) || dataSaverChosen();
}

export function dataSaverChosen(): boolean {
  try {
    return localStorage.getItem(DATA_SAVER_KEY) === '1';
  } catch {
    return false;
  }
}

export function chooseDataSaver(on: boolean): void {
  try {
    if (on) localStorage.setItem(DATA_SAVER_KEY, '1');
    else localStorage.removeItem(DATA_SAVER_KEY);
  } catch {
    // Private mode without storage: the choice lasts until the page closes.
  }
}

function getEngine(): SyncEngine {
  if (!engine) {
    engine = createPhoneSyncEngine(phone(), {
      fetch: (input, init) => fetch(input, init),
      now: () => Date.now(),
      random: Math.random,
      dataSaver: dataSaverOn,
    });
    engine.on((event) => {
      if (event.type === 'update-required') announceUpdateRequired();
      listeners.forEach((listener) => listener(event));
    });
  }
  return engine;
}

/** Syncs now ('button' ignores backoff), and asks the browser to wake the worker if this fails. */
export function requestSync(reason: SyncReason): void {
  void getEngine()
    .sync(reason)
    .catch((error: unknown) => console.error('sync failed', error));
  registerBackgroundSync();
}

export function onSyncEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Starts syncing on startup, `online`, focus and a timer; listens to the service worker. */
export function startSync(): void {
  startSyncScheduler({
    engine: getEngine(),
    target: window,
    visibility: document,
    setTimer: (fn, ms) => window.setTimeout(fn, ms),
    clearTimer: (handle) => window.clearTimeout(handle as number),
  });
  navigator.serviceWorker?.addEventListener('message', (event: MessageEvent) => {
    if (!isWorkerMessage(event.data)) return;
    if (event.data.type === 'sync-wakeup') requestSync('background-sync');
    if (event.data.type === 'update-required') announceUpdateRequired();
  });
}

/** Asks the browser (Chromium) to fire `sync` in the service worker when connectivity returns. */
function registerBackgroundSync(): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready
    .then((registration) => {
      const sync = (registration as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync;
      return sync?.register(OUTBOX_SYNC_TAG);
    })
    .catch(() => undefined);
}
