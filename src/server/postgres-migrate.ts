/**
 * Brings a PostgreSQL database up to the newest schema. Several server processes may start at
 * the same moment (a rolling deploy, a scaled-out service), so the whole run is one transaction
 * under an advisory lock: the first process migrates, the others wait, then find nothing to do.
 * PostgreSQL DDL is transactional, so a failed migration leaves the schema as it was.
 */
import type pg from 'pg';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, SCHEMA_MIGRATIONS_SQL, migrationSql } from './migrations';

/** First key of every advisory lock we take ("mcld" in ASCII), so we never clash with others'. */
export const ADVISORY_LOCK_SPACE = 0x6d636c64;
/** Second keys: one lock per purpose. */
export const MIGRATION_LOCK = 1;
export const STATUS_SEQ_LOCK = 2;

export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [ADVISORY_LOCK_SPACE, MIGRATION_LOCK]);
    await client.query(SCHEMA_MIGRATIONS_SQL);
    const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
    const current = rows[0]?.v ?? 0;
    if (current > LATEST_SCHEMA_VERSION) {
      throw new Error(`Database schema version ${current} is newer than this server (${LATEST_SCHEMA_VERSION}); upgrade the server.`);
    }
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      await client.query(migrationSql(migration, 'postgres'));
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        Date.now(),
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
