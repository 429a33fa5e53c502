/** Brings an SQLite file up to the newest schema, one transaction per migration; refuses a newer database. */
import type BetterSqlite3 from 'better-sqlite3';
import { RECORD_MIGRATION_SQL, SCHEMA_MIGRATIONS_SQL, SCHEMA_VERSION_SQL, migrationSql, pendingMigrations } from '../migrations';

export function migrateSqlite(connection: BetterSqlite3.Database): void {
  connection.exec(SCHEMA_MIGRATIONS_SQL);
  const run = connection.transaction(() => {
    const row = connection.prepare(SCHEMA_VERSION_SQL).get() as { v: number | null };
    const record = connection.prepare(RECORD_MIGRATION_SQL);
    for (const migration of pendingMigrations(row.v ?? 0)) {
      connection.exec(migrationSql(migration, 'sqlite'));
      record.run(migration.version, migration.name, Date.now());
    }
  });
  // IMMEDIATE: another process starting at the same moment waits, then finds nothing to do.
  run.immediate();
}
