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
  // Triggers are the one thing the two dialects write completely differently.
  '{{AUDIT_APPEND_ONLY}}': {
    sqlite: `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
    postgres: `CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN RAISE EXCEPTION 'audit_log is append-only'; END
$fn$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
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
  {
    version: 4,
    name: 'staff accounts, sessions and devices',
    // Secrets are never stored: sessions, device secrets, setup tokens and enrolment codes are
    // kept as SHA-256 hex of a random value (a database copy lets nobody sign in), passwords as
    // scrypt strings (accounts/passwords.ts). Sessions and the login throttle are rows, not
    // process memory, so several API processes behind PostgreSQL share them. The throttle is
    // keyed by a hash of the typed username: people type their password into the username field.
    // Booleans are INTEGER 0/1 on both stores. A dossier now says who sent it: the device's
    // kind, and for a staff device the account and its village (NULL on older dossiers).
    sql: `
CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  commune_code TEXT NOT NULL,
  username TEXT NOT NULL,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  village_id TEXT,
  password_hash TEXT NOT NULL,
  must_change_password INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  password_changed_at BIGINT NOT NULL,
  disabled_at BIGINT,
  UNIQUE (commune_code, username)
);
CREATE TABLE staff_sessions (
  token_hash TEXT PRIMARY KEY,
  commune_code TEXT NOT NULL,
  staff_id TEXT NOT NULL REFERENCES staff (id),
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);
CREATE TABLE login_failures (
  commune_code TEXT NOT NULL,
  username_key TEXT NOT NULL,
  failures INTEGER NOT NULL,
  last_failure_at BIGINT NOT NULL,
  locked_until BIGINT NOT NULL,
  PRIMARY KEY (commune_code, username_key)
);
CREATE TABLE setup_tokens (
  token_hash TEXT PRIMARY KEY,
  commune_code TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  commune_code TEXT NOT NULL,
  kind TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  staff_id TEXT REFERENCES staff (id),
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX devices_staff ON devices (staff_id);
CREATE INDEX devices_commune_created ON devices (commune_code, created_at);
CREATE TABLE enrolment_codes (
  code_hash TEXT PRIMARY KEY,
  commune_code TEXT NOT NULL,
  staff_id TEXT NOT NULL REFERENCES staff (id),
  created_by TEXT NOT NULL REFERENCES staff (id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT,
  device_id TEXT
);
ALTER TABLE dossiers ADD COLUMN device_kind TEXT;
ALTER TABLE dossiers ADD COLUMN staff_id TEXT;
ALTER TABLE dossiers ADD COLUMN village_id TEXT;
CREATE INDEX dossiers_device_received ON dossiers (device_id, received_at)`,
  },
  {
    version: 5,
    name: 'audit log',
    // Who did what, when, to what: ids and action names only, never a password, a token or a
    // dossier's answers (audit/audit-event.ts says what `detail` may hold). Append-only on both
    // stores: a trigger refuses UPDATE and DELETE (and TRUNCATE on PostgreSQL), so a mistake in
    // the code cannot rewrite history; an operator with the database owner's rights still can.
    sql: `
CREATE TABLE audit_log (
  seq {{SEQ_PK}},
  commune_code TEXT NOT NULL,
  at BIGINT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id TEXT,
  action TEXT NOT NULL,
  target_kind TEXT,
  target_id TEXT,
  detail TEXT
);
CREATE INDEX audit_log_commune_seq ON audit_log (commune_code, seq);
{{AUDIT_APPEND_ONLY}}`,
  },
  {
    version: 6,
    name: 'who changed a status',
    // Every status change now says from which status, by which lifecycle action and by whom
    // (the staff account; NULL for the change a push records, and on older rows). `status`
    // stays the status it moved to and `changed_at` when, so pulls read them as before.
    sql: `
ALTER TABLE status_changes ADD COLUMN from_status TEXT;
ALTER TABLE status_changes ADD COLUMN action TEXT;
ALTER TABLE status_changes ADD COLUMN staff_id TEXT`,
  },
  {
    version: 7,
    name: 'blob uploader and first reference',
    // Which device uploaded a blob (a resident phone's daily photo allowance counts its uploads)
    // and when a stored dossier first referenced it. A blob no dossier referenced within the
    // grace period is deleted by the purge job (sync/blob-purge.ts). Blobs already stored count
    // as referenced: before this version nothing recorded it, and keeping a few orphans is safe
    // where deleting a photo a dossier needs is not.
    sql: `
ALTER TABLE blobs ADD COLUMN device_id TEXT;
ALTER TABLE blobs ADD COLUMN referenced_at BIGINT;
UPDATE blobs SET referenced_at = stored_at;
CREATE INDEX blobs_device_stored ON blobs (device_id, stored_at);
CREATE INDEX blobs_unreferenced ON blobs (stored_at) WHERE referenced_at IS NULL`,
  },
  {
    version: 8,
    name: 'the one-stop shop console',
    // A pushed dossier now waits as `submitted` until an officer receives it. What an action
    // recorded beyond its note (the documents received, the return method, the reasons of a
    // supplement request, the result) is JSON on its status change, read back for the printed
    // forms. The appointment date is a column of the dossier so the inbox sorts and filters by it.
    // search_text: the answers folded (lowercase, no diacritics, đ as d) so an officer's search
    // for "nguyen van an" or a CCCD finds the dossier; written by the push, filled here for the
    // dossiers stored before. Indexes: every inbox filter starts with the commune and sorts by due
    // date then reception. Commune settings (receipt header, collection account, Saturday
    // reception) and holiday calendars an admin adds are one row each.
    sql: `
ALTER TABLE dossiers ADD COLUMN due_at BIGINT;
ALTER TABLE dossiers ADD COLUMN due_estimated INTEGER;
ALTER TABLE dossiers ADD COLUMN search_text TEXT;
ALTER TABLE status_changes ADD COLUMN details_json TEXT;
UPDATE dossiers SET search_text = LOWER(dossier_code || ' ' || answers_json);
CREATE INDEX dossiers_inbox_status ON dossiers (commune_code, status, due_at, received_at);
CREATE INDEX dossiers_inbox_due ON dossiers (commune_code, due_at, received_at);
CREATE INDEX dossiers_inbox_form ON dossiers (commune_code, form_id, due_at, received_at);
CREATE INDEX dossiers_inbox_village ON dossiers (commune_code, village_id, due_at, received_at);
CREATE TABLE commune_settings (
  commune_code TEXT PRIMARY KEY,
  settings_json TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by TEXT
);
CREATE TABLE holiday_calendars (
  commune_code TEXT NOT NULL,
  year INTEGER NOT NULL,
  calendar_json TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by TEXT,
  PRIMARY KEY (commune_code, year)
)`,
  },
  {
    version: 9,
    name: 'villages, working groups and household visits',
    // The outreach campaign (campaign/). Villages and groups are the admin's; visits come from
    // outreach phones, every version kept (an edit after sending is a new version, never an
    // overwrite); `latest` is 1 on the newest version of each visit, the one reports count.
    // The week (its Monday) and month of a visit are columns written at insert, so reports group
    // by plain columns the same way on both stores, through the report index.
    // household_key is the folded village|head|address a "households visited" count is distinct on.
    // visits_report covers every column a report reads, so a year of visits is summed from the
    // index alone (no lookup per row): 100k visits by month in well under the 500 ms goal.
    sql: `
CREATE TABLE villages (
  commune_code TEXT NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  households INTEGER NOT NULL,
  target_households INTEGER NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (commune_code, id)
);
CREATE TABLE working_groups (
  commune_code TEXT NOT NULL,
  id TEXT NOT NULL,
  village_id TEXT NOT NULL,
  name TEXT NOT NULL,
  leader_id TEXT,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (commune_code, id)
);
CREATE TABLE working_group_members (
  commune_code TEXT NOT NULL,
  group_id TEXT NOT NULL,
  staff_id TEXT NOT NULL REFERENCES staff (id),
  PRIMARY KEY (commune_code, group_id, staff_id)
);
CREATE TABLE visits (
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  commune_code TEXT NOT NULL,
  village_id TEXT NOT NULL,
  device_id TEXT NOT NULL,
  staff_id TEXT,
  household_key TEXT NOT NULL,
  visited_on TEXT NOT NULL,
  visited_week TEXT NOT NULL,
  visited_month TEXT NOT NULL,
  vneid TEXT NOT NULL,
  app_installed INTEGER NOT NULL,
  dossier_count INTEGER NOT NULL,
  follow_up_on TEXT,
  content_hash TEXT NOT NULL,
  visit_json TEXT NOT NULL,
  recorded_at BIGINT NOT NULL,
  received_at BIGINT NOT NULL,
  latest INTEGER NOT NULL,
  PRIMARY KEY (id, version)
);
CREATE INDEX visits_report ON visits (commune_code, latest, visited_on, village_id, visited_week, visited_month, household_key, vneid, app_installed, dossier_count);
CREATE INDEX visits_staff ON visits (staff_id, latest, visited_on);
CREATE INDEX dossiers_commune_village_received ON dossiers (commune_code, village_id, received_at)`,
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
