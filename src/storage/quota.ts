/**
 * A full disk, named. IndexedDB fails a write with QuotaExceededError when the origin's quota is
 * used up; Dexie passes it on directly, as the `inner` of an AbortError, or inside a BulkError.
 * Every storage write that the user waits for runs through guardQuota, which turns that into one
 * typed StorageFullError and tells the listeners (the UI shows what to do). The write itself was
 * one transaction, so when it fails nothing of it is kept. No Dexie import: the app shell can use
 * this file without loading the database.
 */

export class StorageFullError extends Error {
  override name = 'StorageFullError';
  constructor(readonly original: unknown) {
    super('The phone has no room left for this app’s data (QuotaExceededError).');
  }
}

type Listener = (error: StorageFullError) => void;
const listeners = new Set<Listener>();

/** True when `error` is, or wraps, a QuotaExceededError (depth-limited: error chains can loop). */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  if (error instanceof StorageFullError) return true;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown; code?: unknown };
  if (e.name === 'QuotaExceededError' || e.code === 22) return true;
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  const failures = Array.isArray(e.failures) ? e.failures : e.failures && typeof e.failures === 'object' ? Object.values(e.failures) : [];
  return failures.some((failure) => isQuotaError(failure, depth + 1));
}

/** Runs a storage write; a quota failure comes out as StorageFullError and is announced. */
export async function guardQuota<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    const full = error instanceof StorageFullError ? error : new StorageFullError(error);
    for (const listener of [...listeners]) {
      try {
        listener(full);
      } catch (listenerError) {
        console.error('storage-full listener failed', listenerError);
      }
    }
    throw full;
  }
}

/** Subscribes to "the phone is full" (the banner); returns unsubscribe. */
export function onStorageFull(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
