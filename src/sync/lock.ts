/** One sync at a time across tabs and the service worker, through the Web Locks API. */

export type SyncLock = <T>(fn: () => Promise<T>) => Promise<T>;

export const SYNC_LOCK_NAME = 'mcld-sync';

/** The part of LockManager we use; typed here so the page (DOM) and the worker (WebWorker) both compile. */
interface Locks {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** Runs `fn` holding the exclusive Web Lock `name`; runs it directly where Web Locks are missing. */
export function webLock(name: string = SYNC_LOCK_NAME): SyncLock {
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const locks = (globalThis as { navigator?: { locks?: Locks } }).navigator?.locks;
    return locks ? locks.request(name, fn) : fn();
  };
}
