/**
 * vitest globalSetup of the server project: makes ONE PostgreSQL available for the whole run
 * (TEST_DATABASE_URL, or a throwaway cluster started here and deleted at the end) and hands its
 * URL to the test files; each test then creates its own database in it (see postgres.ts).
 */
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { findPostgresBinDir, startThrowawayCluster, type ThrowawayCluster } from './postgres-cluster';
import { postgresRequired, type PostgresForTests } from './postgres-context';

async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function preparePostgres(): Promise<{ context: PostgresForTests; cluster?: ThrowawayCluster }> {
  const required = postgresRequired();
  const given = process.env.TEST_DATABASE_URL?.trim();
  if (given) {
    try {
      await checkReachable(given);
      return { context: { available: true, url: given, source: 'TEST_DATABASE_URL' } };
    } catch (error) {
      // Someone asked for this database: not reaching it is a failure, never a silent skip.
      return {
        context: { available: false, required: true, reason: `TEST_DATABASE_URL is set but unreachable: ${(error as Error).message}` },
      };
    }
  }
  if (!findPostgresBinDir()) {
    return {
      context: {
        available: false,
        required,
        reason: 'no PostgreSQL server binaries (looked in /usr/lib/postgresql/*/bin, PG_BIN_DIR and PATH) and no TEST_DATABASE_URL',
      },
    };
  }
  try {
    const cluster = await startThrowawayCluster();
    return { context: { available: true, url: cluster.url, source: `throwaway cluster in ${cluster.dir}` }, cluster };
  } catch (error) {
    return { context: { available: false, required, reason: (error as Error).message } };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { context, cluster } = await preparePostgres();
  project.provide('postgres', context);
  if (!context.available) {
    const what = context.required ? 'will FAIL (CI or REQUIRE_POSTGRES=1)' : 'are SKIPPED';
    console.warn(
      `\n[server tests] PostgreSQL unavailable: ${context.reason}.\n` +
        `[server tests] The PostgreSQL variants of the server tests ${what}. ` +
        'Install PostgreSQL (npm test runs tests/server/ensure-postgres.ts) or set TEST_DATABASE_URL.\n',
    );
  }
  return async () => {
    await cluster?.stop();
  };
}
