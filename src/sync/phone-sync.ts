/**
 * The one place the phone's sync engine is put together, for the page and the service worker
 * alike: the engine gets the phone's storage as ports, photos go up before their dossiers
 * (HEAD, then PUT what the server lacks), and one Web Lock serialises tabs and the worker.
 */
import type { PhoneStorage } from '../storage/phone-storage';
import { createBlobsFirst } from './blobs-first';
import { createSyncEngine, type SyncEngine } from './engine';
import { SYNC_LOCK_NAME, webLock, type SyncLock } from './lock';
import { createVisitLane } from './visit-lane';

export interface PhoneSyncEnv {
  fetch: typeof fetch;
  now: () => number;
  random?: () => number;
  /** Origin of the API, '' (the default) for the page's own origin. */
  baseUrl?: string;
  /** The Web Lock shared by tabs and the worker by default. */
  lock?: SyncLock;
  /** Data saver: dossiers without photos go first (sync/progress.ts). */
  dataSaver?: () => boolean;
}

export function createPhoneSyncEngine(storage: PhoneStorage, env: PhoneSyncEnv): SyncEngine {
  return createSyncEngine({
    ...env,
    lock: env.lock ?? webLock(SYNC_LOCK_NAME),
    outbox: storage.outbox,
    phoneData: storage,
    dossiers: storage.dossiers,
    cursor: storage.settings,
    blobs: storage.blobs,
    device: storage.settings,
    ...createBlobsFirst(storage.blobs),
    lanes: [createVisitLane(storage.visits)],
  });
}
