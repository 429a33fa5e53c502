/**
 * Per-test PostgreSQL databases in the server the global setup provided: each test gets an
 * empty database of its own (CREATE DATABASE, dropped afterwards), so tests stay independent
 * and may run in parallel files.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { postgresRequired, type PostgresForTests } from './postgres-context';

export function postgresForTests(): PostgresForTests {
  // Undefined when the project lacks the global setup: say how to fix it rather than crash.
  return (
    (inject('postgres') as PostgresForTests | undefined) ?? {
      available: false,
      required: postgresRequired(),
      reason: "the server project has no globalSetup: add globalSetup: ['tests/server/global-setup.ts'] to it in vite.config.ts",
    }
  );
}

/** Why PostgreSQL variants fail (required but missing), skip (missing), or null when they run. */
export function postgresUnavailable(): { reason: string; required: boolean } | null {
  const context = postgresForTests();
  return context.available ? null : { reason: context.reason, required: context.required };
}

/** BIGINT as numbers, so raw rows compare with the numbers the app wrote. */
const NUMERIC_TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === pg.types.builtins.INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

/** A client on `url` whose BIGINT columns come back as numbers. */
export function rawClient(url: string): pg.Client {
  return new pg.Client({ connectionString: url, types: NUMERIC_TYPES });
}

export interface TestPostgresDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database in the provided server; throws the clear reason when there is none. */
export async function createTestDatabase(): Promise<TestPostgresDatabase> {
  const context = postgresForTests();
  if (!context.available) {
    throw new Error(
      context.required
        ? `PostgreSQL is required for these tests (CI or REQUIRE_POSTGRES=1) but unavailable: ${context.reason}`
        : `PostgreSQL unavailable: ${context.reason}`,
    );
  }
  const name = `mcld_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: context.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(context.url);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: context.url });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
