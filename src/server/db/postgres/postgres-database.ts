/**
 * PostgreSQL through node-postgres (pg 8), so several stateless API processes can share one
 * database behind a load balancer: ONE pool per process, which every capability's repository
 * queries through. Same migrations as SQLite (../migrations.ts).
 */
import pg from 'pg';
import { migratePostgres } from './postgres-migrate';
import { inTransaction } from './postgres-transaction';

export const DEFAULT_POOL_SIZE = 10;

export interface PostgresDatabase {
  readonly kind: 'postgres';
  /** For single statements, each its own transaction. */
  readonly pool: pg.Pool;
  /** Runs `work` in one READ COMMITTED transaction on one connection, retrying deadlock victims. */
  transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  /** Ends the pool; a second call does nothing. */
  close(): Promise<void>;
}

export interface PostgresOpenOptions {
  /** Most connections this process opens (DATABASE_POOL_SIZE; default 10). */
  poolSize?: number;
  /** How long to wait for a connection before failing (default 10 000 ms). */
  connectionTimeoutMs?: number;
}

/** Opens a pool, checks the database is reachable and migrates it; throws if either fails. */
export async function openPostgresDatabase(url: string, options: PostgresOpenOptions = {}): Promise<PostgresDatabase> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 10_000,
    application_name: 'mot-cua-luu-dong',
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process;
  // the pool replaces it and the next query reports any lasting problem.
  pool.on('error', (error) => console.error('PostgreSQL connection lost:', error.message));
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  let closed = false;
  return {
    kind: 'postgres',
    pool,
    transaction: (work) => inTransaction(pool, work),
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
