/**
 * Locking never loses a keystroke: every screen that saves on change (use-autosave.ts) registers
 * its flush here, and the lock waits for all of them before the key leaves memory.
 */
const flushes = new Set<() => Promise<void>>();

export function registerFlush(flush: () => Promise<void>): () => void {
  flushes.add(flush);
  return () => {
    flushes.delete(flush);
  };
}

/** Resolves once every save asked for so far has reached IndexedDB (a failed one too). */
export async function flushAll(): Promise<void> {
  await Promise.all([...flushes].map((flush) => flush().catch(() => undefined)));
}
