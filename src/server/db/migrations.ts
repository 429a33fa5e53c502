/**
 * The server schema as a versioned list of SQL scripts, shared by every store adapter.
 * Written in the SQL that SQLite and PostgreSQL both accept; the things they spell differently
 * (an auto-incrementing sequence column, a bytes column) are tokens each dialect fills in.
 * Never edit a published migration: append a new version. Each adapter's runner (sqlite/,
 * postgres/) only adds how it holds the database still while migrating.
 */
import type { StoreKind } from './store-kind';

export type SqlDialect = StoreKind;

export interface Migration {
  version: number;
  name: string;
  /** One or more statements separated by semicolons; may contain DIALECT_TOKENS keys. */
  sql: string;
}

/**
 * Per-dialect spellings; `{{SEQ_PK}}` must give a monotonic, never-reused integer key,
 * `{{BYTES}}` a column of raw bytes.
 */
export const DIALECT_TOKENS: Readonly<Record<string, Readonly<Record<SqlDialect, string>>>> = {
  '{{SEQ_PK}}': {
    sqlite: 'INTEGER PRIMARY KEY AUTOINCREMENT',
    postgres: 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
  },
  '{{BYTES}}': {
    sqlite: 'BLOB',
    postgres: 'BYTEA',
  },
};

/** Which migrations have run; created before any migration. */
export const SCHEMA_MIGRATIONS_SQL = `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at BIGINT NOT NULL
)`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'dossiers and status changes',
    sql: `
CREATE TABLE dossiers (
  id TEXT PRIMARY KEY,
  dossier_code TEXT NOT NULL UNIQUE,
  commune_code TEXT NOT NULL,
  device_id TEXT NOT NULL,
  form_id TEXT NOT NULL,
  form_version INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  answers_json TEXT NOT NULL,
  submitted_at BIGINT NOT NULL,
  received_at BIGINT NOT NULL,
  status TEXT NOT NULL
);
CREATE INDEX dossiers_commune_received ON dossiers (commune_code, received_at);
CREATE TABLE status_changes (
  seq {{SEQ_PK}},
  dossier_id TEXT NOT NULL REFERENCES dossiers (id),
  commune_code TEXT NOT NULL,
  device_id TEXT NOT NULL,
  status TEXT NOT NULL,
  note TEXT,
  changed_at BIGINT NOT NULL
);
CREATE INDEX status_changes_device_seq ON status_changes (device_id, seq);
CREATE INDEX status_changes_dossier ON status_changes (dossier_id)`,
  },
  {
    version: 2,
    name: 'blobs and consent',
    // Photos live in the database, not in files beside it: with PostgreSQL the API servers are
    // stateless processes behind a load balancer, and a PUT answered by one must be visible to
    // the push another one handles, inside the same transaction that stores the dossier. One
    // database also means one backup, one retention job and no orphan files. A blob is at most
    // MAX_BLOB_BYTES (5 MiB by default), a size both bytea and SQLite BLOB handle well.
    // Keyed per commune, like every table: one commune's data can be exported or erased alone.
    // Consent as columns, not JSON, so "which dossiers were agreed under version X" is a query.
    sql: `
CREATE TABLE blobs (
  commune_code TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  bytes {{BYTES}} NOT NULL,
  stored_at BIGINT NOT NULL,
  PRIMARY KEY (commune_code, sha256)
);
ALTER TABLE dossiers ADD COLUMN consent_version TEXT;
ALTER TABLE dossiers ADD COLUMN consent_lang TEXT;
ALTER TABLE dossiers ADD COLUMN consent_agreed_at BIGINT`,
  },
  {
    version: 3,
    name: 'devices of a dossier',
    // A dossier may reach us from several phones (hand-off: B imports A's outbox and sends it
    // first, A sends it later and gets `duplicate`); each of them must follow its status.
    // dossiers.device_id stays the first sender. A `conflict` links nothing: different content.
    // Pull walks a device's links, then each dossier's changes in seq order: hence the two indexes.
    sql: `
CREATE TABLE dossier_devices (
  commune_code TEXT NOT NULL,
  dossier_id TEXT NOT NULL REFERENCES dossiers (id),
  device_id TEXT NOT NULL,
  first_seen_at BIGINT NOT NULL,
  PRIMARY KEY (dossier_id, device_id)
);
CREATE INDEX dossier_devices_device ON dossier_devices (device_id, dossier_id);
INSERT INTO dossier_devices (commune_code, dossier_id, device_id, first_seen_at)
  SELECT commune_code, id, device_id, received_at FROM dossiers;
DROP INDEX status_changes_dossier;
CREATE INDEX status_changes_dossier_seq ON status_changes (dossier_id, seq)`,
  },
];

/** The SQL of one migration for one dialect, tokens filled in. */
export function migrationSql(migration: Migration, dialect: SqlDialect): string {
  let sql = migration.sql;
  for (const [token, spellings] of Object.entries(DIALECT_TOKENS)) {
    sql = sql.split(token).join(spellings[dialect]);
  }
  return sql;
}

/** The newest schema version this code knows; a database newer than this is refused. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

/** Reads the version a database is at (null before the first migration). */
export const SCHEMA_VERSION_SQL = 'SELECT MAX(version) AS v FROM schema_migrations';
/** Records one migration as run: version, name, applied_at (`?` placeholders). */
export const RECORD_MIGRATION_SQL = 'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)';

/**
 * The migrations a database at version `current` still needs, oldest first. Throws for a
 * database a newer server has written: this code does not know its schema and must not touch it.
 */
export function pendingMigrations(current: number): Migration[] {
  if (current > LATEST_SCHEMA_VERSION) {
    throw new Error(`Database schema version ${current} is newer than this server (${LATEST_SCHEMA_VERSION}); upgrade the server.`);
  }
  return MIGRATIONS.filter((migration) => migration.version > current);
}
