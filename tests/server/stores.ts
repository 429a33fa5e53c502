/**
 * The store adapters every store-dependent server test runs against (`describe.each`):
 * SQLite always; PostgreSQL when the global setup found or started one. Each test database is
 * fresh and empty, and can be read with plain SQL to prove what really is stored.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import type { StoreKind } from '../../src/server/db/store-kind';
import { openPostgresStores, openSqliteStores, type Stores } from '../../src/server/stores';
import { makeTempDir, startTestServer, type TestServer } from './fixtures';
import type { AppOptions } from '../../src/server/http/app';
import { createTestDatabase, postgresUnavailable, rawClient } from './postgres';

export interface StoreOpenOptions {
  codeSuffix?: () => string;
  /** PostgreSQL pool size (default 4); ignored by SQLite. */
  poolSize?: number;
}

export interface TestDatabase {
  kind: StoreKind;
  /** Environment for src/server/main.ts so a server process uses this database. */
  env: Record<string, string>;
  /** New repositories over their own connection or pool on this database; cleanup closes them. */
  open(options?: StoreOpenOptions): Promise<Stores>;
  /** Rows read directly with SQL (`?` placeholders), as an operator would. */
  rows(sql: string, ...params: unknown[]): Promise<Record<string, unknown>[]>;
  /** Column names of a table. */
  columns(table: string): Promise<string[]>;
  /** A write done behind the store's back (`?` placeholders), to set up odd states. */
  execute(sql: string, ...params: unknown[]): Promise<void>;
  cleanup(): Promise<void>;
}

export interface StoreBackend {
  kind: StoreKind;
  /** Why this backend's tests are skipped; undefined when they run (or must fail). */
  skipReason: string | undefined;
  createDatabase(): Promise<TestDatabase>;
}

async function sqliteDatabase(): Promise<TestDatabase> {
  const temp = await makeTempDir();
  const dataDir = join(temp.dir, 'data');
  const path = join(dataDir, 'test.sqlite');
  const opened: Stores[] = [];
  return {
    kind: 'sqlite',
    env: { DATA_DIR: dataDir, DATABASE_PATH: path },
    open: async (options = {}) => {
      const store = openSqliteStores(path, options.codeSuffix ? { codeSuffix: options.codeSuffix } : {});
      opened.push(store);
      return store;
    },
    rows: async (sql, ...params) => {
      const db = new Database(path, { readonly: true });
      try {
        return db.prepare(sql).all(...params) as Record<string, unknown>[];
      } finally {
        db.close();
      }
    },
    columns: async (table) => {
      const db = new Database(path, { readonly: true });
      try {
        return (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
      } finally {
        db.close();
      }
    },
    execute: async (sql, ...params) => {
      const db = new Database(path);
      try {
        db.prepare(sql).run(...params);
      } finally {
        db.close();
      }
    },
    cleanup: async () => {
      for (const store of opened.splice(0)) await store.close();
      await temp.cleanup();
    },
  };
}

/** `?` placeholders to PostgreSQL's `$1, $2, …`. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

async function postgresDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  const opened: Stores[] = [];
  const query = async (sql: string, params: unknown[]): Promise<Record<string, unknown>[]> => {
    const client = rawClient(database.url);
    await client.connect();
    try {
      return (await client.query(numbered(sql), params)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  };
  return {
    kind: 'postgres',
    env: { DATABASE_URL: database.url },
    open: async (options = {}) => {
      const store = await openPostgresStores(database.url, {
        poolSize: options.poolSize ?? 4,
        ...(options.codeSuffix ? { codeSuffix: options.codeSuffix } : {}),
      });
      opened.push(store);
      return store;
    },
    rows: (sql, ...params) => query(sql, params),
    columns: async (table) =>
      (await query('SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position', [table])).map(
        (row) => row.column_name as string,
      ),
    execute: async (sql, ...params) => {
      await query(sql, params);
    },
    cleanup: async () => {
      for (const store of opened.splice(0)) await store.close();
      await database.drop();
    },
  };
}

export const SQLITE_BACKEND: StoreBackend = { kind: 'sqlite', skipReason: undefined, createDatabase: sqliteDatabase };

function postgresBackend(): StoreBackend {
  const missing = postgresUnavailable();
  // Required but missing: run the tests so they fail with createTestDatabase's clear message.
  return { kind: 'postgres', skipReason: missing && !missing.required ? missing.reason : undefined, createDatabase: postgresDatabase };
}

export const STORE_BACKENDS: readonly StoreBackend[] = [SQLITE_BACKEND, postgresBackend()];

/** Inside a `describe.each(STORE_BACKENDS)`: marks every test skipped when the backend is absent. */
export function skipWhenUnavailable(backend: StoreBackend): void {
  beforeEach((context) => {
    if (backend.skipReason !== undefined) context.skip(`${backend.kind} unavailable: ${backend.skipReason}`);
  });
}

/**
 * The app over a fresh database of `backend` for each test (skipped with its reason when the
 * backend is unavailable). The returned object always stands for the current test's server.
 */
export function useTestServer(backend: StoreBackend, options: Partial<AppOptions> = {}): TestServer {
  let current: TestServer | null = null;
  skipWhenUnavailable(backend);
  beforeEach(async () => {
    current = await startTestServer(backend, options);
  });
  afterEach(async () => {
    await current?.cleanup();
    current = null;
  });
  return new Proxy({} as TestServer, {
    get(_, key: keyof TestServer) {
      if (!current) throw new Error('no test server outside a test');
      return current[key];
    },
  });
}
