/**
 * The embedded database: one SQLite file (better-sqlite3 12, WAL) and ONE connection, which
 * every capability's repository prepares its statements on. Every table row is tagged with its
 * commune code (see ../migrations.ts).
 *
 * synchronous=FULL, not NORMAL: in WAL mode NORMAL survives an app crash but may lose the last
 * commits on power loss or an OS crash. Our "stored" answer lets the phone delete its only copy,
 * so a commit must be on disk before we answer. A push is one transaction, so FULL costs one
 * extra fsync per push, not per dossier.
 */
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { migrateSqlite } from './sqlite-migrate';
import { enableWal } from './sqlite-wal';

export interface SqliteDatabase {
  readonly kind: 'sqlite';
  /** Shared by all repositories; SQLite has one writer, so one connection loses nothing. */
  readonly connection: BetterSqlite3.Database;
  /** Closes the connection; a second call does nothing. */
  close(): Promise<void>;
}

export interface SqliteOpenOptions {
  /** FULL (default) or NORMAL; see the file comment for why FULL. */
  synchronous?: 'FULL' | 'NORMAL';
  /** How long a writer waits for another process's lock before failing (default 5000 ms). */
  busyTimeoutMs?: number;
}

/**
 * Creates the directory (0700) and the file (0600) before SQLite opens it: the file holds
 * residents' personal data, and SQLite gives its -wal and -shm files the file's own mode. An
 * existing file is narrowed to 0600 too (where this process owns it).
 */
function prepareFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
  try {
    chmodSync(path, 0o600);
  } catch {
    // Not the owner: SQLite opens it as it is; the operator chose its mode.
  }
}

/** Opens (creating the file and its directory on first start) and migrates the database. */
export function openSqliteDatabase(path: string, options: SqliteOpenOptions = {}): SqliteDatabase {
  if (path !== ':memory:' && !path.startsWith('file:')) prepareFile(path);
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const connection = new BetterSqlite3(path, { timeout: busyTimeoutMs });
  try {
    enableWal(connection, busyTimeoutMs);
    connection.pragma(`synchronous = ${options.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
    connection.pragma('foreign_keys = ON');
    migrateSqlite(connection);
  } catch (error) {
    connection.close();
    throw error;
  }
  return {
    kind: 'sqlite',
    connection,
    close: async () => {
      if (connection.open) connection.close();
    },
  };
}
