/**
 * Blobs first: a phone uploads photos before the dossier that names them, so a blob can stay
 * unreferenced for good (a dossier refused or deleted on the phone, a stranger filling the disk).
 * A blob no stored dossier referenced within UNREFERENCED_GRACE_MS of its upload is deleted by
 * this job, run at start and then every PURGE_INTERVAL_MS by main.ts. The grace period lets a
 * phone that uploaded its photos and lost coverage before the push come back the next day; should
 * it come later, the push answers `missing-blobs` and the phone uploads them again.
 */
import type { SyncRepository } from './sync-repository';

export const UNREFERENCED_GRACE_MS = 24 * 60 * 60 * 1000;
export const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/** Deletes the blobs unreferenced for longer than the grace period; answers how many. */
export function purgeUnreferencedBlobs(sync: SyncRepository, now: number, graceMs: number = UNREFERENCED_GRACE_MS): Promise<number> {
  return sync.purgeUnreferencedBlobs(now - graceMs);
}

export interface PurgeSchedule {
  stop(): void;
}

/**
 * Runs the purge now and every `intervalMs`, logging one line when something was deleted (a
 * count, never a hash) and one line when it failed; the timer never keeps the process alive.
 */
export function schedulePurge(
  sync: SyncRepository,
  clock: () => number,
  log: Pick<Console, 'log' | 'error'> = console,
  intervalMs: number = PURGE_INTERVAL_MS,
): PurgeSchedule {
  let running = false;
  const run = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      const deleted = await purgeUnreferencedBlobs(sync, clock());
      if (deleted > 0) log.log(`Deleted ${deleted} uploaded file(s) that no dossier referenced within 24 hours.`);
    } catch (error) {
      log.error(`The purge of unreferenced uploads failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
