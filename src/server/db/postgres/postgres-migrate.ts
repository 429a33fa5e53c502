/**
 * Brings a PostgreSQL database up to the newest schema. Several server processes may start at
 * the same moment (a rolling deploy, a scaled-out service), so the whole run is one transaction
 * under an advisory lock: the first process migrates, the others wait, then find nothing to do.
 * PostgreSQL DDL is transactional, so a failed migration leaves the schema as it was.
 */
import type pg from 'pg';
import { RECORD_MIGRATION_SQL, SCHEMA_MIGRATIONS_SQL, SCHEMA_VERSION_SQL, migrationSql, pendingMigrations } from '../migrations';
import { ADVISORY_LOCK_SPACE, MIGRATION_LOCK } from './advisory-locks';
import { numbered } from './placeholders';

const RECORD_MIGRATION = numbered(RECORD_MIGRATION_SQL);

export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [ADVISORY_LOCK_SPACE, MIGRATION_LOCK]);
    await client.query(SCHEMA_MIGRATIONS_SQL);
    const { rows } = await client.query<{ v: number | null }>(SCHEMA_VERSION_SQL);
    for (const migration of pendingMigrations(rows[0]?.v ?? 0)) {
      await client.query(migrationSql(migration, 'postgres'));
      await client.query(RECORD_MIGRATION, [migration.version, migration.name, Date.now()]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
