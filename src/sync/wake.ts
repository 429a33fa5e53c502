/** Names the page and the service worker share to wake each other about the outbox. */

/** The Background Sync tag the page registers after queueing a dossier (Chromium only). */
export const OUTBOX_SYNC_TAG = 'mcld-outbox';

/** Messages the service worker posts to its pages. */
export type WorkerMessage =
  /** Older workers only woke the page; the page then syncs itself. */
  | { type: 'sync-wakeup' }
  /** The worker's own engine finished a background sync. */
  | { type: 'sync-done'; report: unknown }
  /** The server refused this app's protocol: ask the user to update. */
  | { type: 'update-required' };

export function isWorkerMessage(data: unknown): data is WorkerMessage {
  const type = (data as { type?: unknown } | null)?.type;
  return type === 'sync-wakeup' || type === 'sync-done' || type === 'update-required';
}
