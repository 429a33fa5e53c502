/**
 * "Ready for offline": what the service worker tells its pages about its precache, and the state
 * a page shows. The page claims readiness only when the worker says every file is in its cache
 * and it is the active worker (`precache-ready`); progress never goes backwards within one
 * install, and a failed install says so until the next attempt starts.
 */

export type ReadinessMessage =
  /** `done` of `total` files are in the cache (already there from an earlier version counts). */
  | { type: 'precache-progress'; done: number; total: number }
  /** Every file is cached and this worker controls the app: it opens with no network. */
  | { type: 'precache-ready'; at: number }
  /** The install gave up (a file could not be fetched); the page tries again at `retryAt`. */
  | { type: 'precache-failed'; done: number; total: number; retryAt: number };

/** A page asks the worker where it stands; the worker answers with one ReadinessMessage. */
export const READINESS_QUERY = 'precache-status' as const;

export type Readiness =
  | { state: 'unknown' }
  | { state: 'loading'; done: number; total: number }
  | { state: 'ready'; at: number }
  | { state: 'failed'; done: number; total: number; retryAt: number };

export function isReadinessMessage(data: unknown): data is ReadinessMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  const count = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (m['type'] === 'precache-progress') return count(m['done']) && count(m['total']) && (m['done'] as number) <= (m['total'] as number);
  if (m['type'] === 'precache-ready') return typeof m['at'] === 'number';
  if (m['type'] === 'precache-failed') return count(m['done']) && count(m['total']) && typeof m['retryAt'] === 'number';
  return false;
}

/**
 * The state after `message`. Within one install (same total) `done` only grows; a progress
 * message after `ready` is an update being fetched: the app stays ready (the old version's files
 * are still cached), so it is ignored.
 */
export function nextReadiness(current: Readiness, message: ReadinessMessage): Readiness {
  switch (message.type) {
    case 'precache-ready':
      return { state: 'ready', at: message.at };
    case 'precache-failed':
      return current.state === 'ready' ? current : { state: 'failed', done: message.done, total: message.total, retryAt: message.retryAt };
    case 'precache-progress': {
      if (current.state === 'ready') return current;
      const done = current.state === 'loading' && current.total === message.total ? Math.max(current.done, message.done) : message.done;
      return { state: 'loading', done, total: message.total };
    }
  }
}

/** Whole percent, never 100 before the worker says ready (the last file may still be writing). */
export function readinessPercent(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(99, Math.floor((done / total) * 100));
}
