/**
 * Switching a new file to WAL needs it alone for a moment, and SQLite does not wait (no busy
 * handler) for that: when several server processes open a new file at once, some would fail
 * with "database is locked". They retry until the busy timeout instead.
 */
import type BetterSqlite3 from 'better-sqlite3';

/** A synchronous pause: opening is synchronous, and this runs only while processes race to start. */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

function isBusy(error: unknown): boolean {
  return typeof (error as { code?: unknown })?.code === 'string' && (error as { code: string }).code.startsWith('SQLITE_BUSY');
}

export function enableWal(connection: BetterSqlite3.Database, timeoutMs: number): void {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      connection.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
      Atomics.wait(PAUSE, 0, 0, 5 + Math.random() * 20);
    }
  }
}
