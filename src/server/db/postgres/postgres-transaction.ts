/** One transaction on one pooled connection, retried when PostgreSQL picks it as a deadlock victim. */
import type pg from 'pg';

/** Deadlocks and serialisation failures are the database asking us to try the transaction again. */
const RETRYABLE_CODES = new Set(['40P01', '40001']);
const MAX_TRANSACTION_ATTEMPTS = 3;

function isRetryable(error: unknown): boolean {
  return error instanceof Error && RETRYABLE_CODES.has((error as { code?: string }).code ?? '');
}

/** Runs `work` in one transaction, retrying deadlock victims; `work` must be safe to run again. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken = false;
    try {
      // Explicitly READ COMMITTED, whatever the database's default: a re-read after ON CONFLICT
      // DO NOTHING must see the row another writer has just committed.
      await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      if (attempt < MAX_TRANSACTION_ATTEMPTS && isRetryable(error)) continue;
      throw error;
    } finally {
      // A connection that could not even roll back is destroyed, not handed to the next request.
      client.release(broken);
    }
  }
}
