/**
 * The shared migrations on every adapter: each recorded once, the commune code on every table,
 * older databases upgraded with their dossiers, a newer one refused, dialect tokens filled in.
 */
import { mkdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, SCHEMA_MIGRATIONS_SQL, migrationSql } from '../../../src/server/db/migrations';
import { contentHashOf } from '../../../src/server/sync/content-hash';
import { COMMUNE_CODE, DEVICE_ID, NOW, OTHER_DEVICE_ID, SENDER, advance, makeAccepted, makeBlob } from '../fixtures';
import { STORE_BACKENDS, skipWhenUnavailable, type TestDatabase } from '../stores';

/** Fixture submissions are already valid and normalised, so they stand for accepted ones. */
const accepted = makeAccepted;

describe.each(STORE_BACKENDS)('migrations on $kind', (backend) => {
  let db: TestDatabase;
  skipWhenUnavailable(backend);
  beforeEach(async () => {
    db = await backend.createDatabase();
  });
  afterEach(async () => {
    await db?.cleanup();
  });

  it('records each migration once, across reopens', async () => {
    await (await db.open()).close();
    await (await db.open()).close();
    const versions = await db.rows('SELECT version FROM schema_migrations ORDER BY version');
    expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
  });

  it('puts the commune code on every table', async () => {
    await (await db.open()).close();
    for (const table of [
      'dossiers',
      'status_changes',
      'blobs',
      'dossier_devices',
      'staff',
      'staff_sessions',
      'login_failures',
      'setup_tokens',
      'devices',
      'enrolment_codes',
      'audit_log',
    ])
      expect(await db.columns(table)).toContain('commune_code');
  });

  it('upgrades a schema-1 database with its dossiers: they keep their answers and have no consent', async () => {
    // A schema-1 database as the previous server left it (the SQLite file's directory first).
    if (db.env.DATA_DIR) mkdirSync(db.env.DATA_DIR, { recursive: true });
    await db.execute(SCHEMA_MIGRATIONS_SQL);
    for (const statement of migrationSql(MIGRATIONS[0]!, backend.kind).split(';')) await db.execute(statement);
    await db.execute('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', 1, MIGRATIONS[0]!.name, NOW);
    const old = accepted();
    await db.execute(
      `INSERT INTO dossiers (id, dossier_code, commune_code, device_id, form_id, form_version, content_hash, answers_json, submitted_at, received_at, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      old.id,
      `${COMMUNE_CODE}-250714-AAAAAA`,
      COMMUNE_CODE,
      DEVICE_ID,
      old.formId,
      old.formVersion,
      contentHashOf(old),
      JSON.stringify(old.answers),
      old.submittedAt,
      NOW - 1000,
      'received',
    );

    const store = await db.open();
    expect((await db.rows('SELECT version FROM schema_migrations ORDER BY version')).map((row) => row.version)).toEqual(
      MIGRATIONS.map((m) => m.version),
    );
    const stored = await store.dossiers.getDossier(old.id);
    expect(stored).toMatchObject({ answers: old.answers, receivedAt: NOW - 1000 });
    expect(stored).not.toHaveProperty('consent');
    // A retry of it is still the same dossier; the missing consent is not filled in afterwards.
    expect((await store.sync.pushBatch(SENDER, [old], NOW))[0]?.outcome).toBe('duplicate');
    expect(await store.dossiers.getDossier(old.id)).not.toHaveProperty('consent');
    expect(await store.sync.hasBlob(makeBlob(1).sha256, COMMUNE_CODE)).toBeNull();
  });

  it('refuses a database written by a newer server', async () => {
    await (await db.open()).close();
    await db.execute(
      'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
      LATEST_SCHEMA_VERSION + 1,
      'future',
      NOW,
    );
    await expect(db.open()).rejects.toThrow(/newer than this server/);
  });
});

describe.each(STORE_BACKENDS)('migration 3 with $kind', (backend) => {
  let db: TestDatabase;
  skipWhenUnavailable(backend);
  beforeEach(async () => {
    db = await backend.createDatabase();
  });
  afterEach(async () => {
    await db?.cleanup();
  });

  it('links every existing dossier to the device that sent it, so that device still pulls its changes', async () => {
    // A schema-2 database as the previous server left it, with one dossier and its 'received' change.
    if (db.env.DATA_DIR) mkdirSync(db.env.DATA_DIR, { recursive: true });
    await db.execute(SCHEMA_MIGRATIONS_SQL);
    for (const migration of MIGRATIONS.filter((m) => m.version <= 2)) {
      for (const statement of migrationSql(migration, backend.kind).split(';')) await db.execute(statement);
      await db.execute(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
        migration.version,
        migration.name,
        NOW,
      );
    }
    const old = makeAccepted();
    const code = `${COMMUNE_CODE}-250714-AAAAAA`;
    await db.execute(
      `INSERT INTO dossiers (id, dossier_code, commune_code, device_id, form_id, form_version, content_hash, answers_json, submitted_at, received_at, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      old.id,
      code,
      COMMUNE_CODE,
      DEVICE_ID,
      old.formId,
      old.formVersion,
      contentHashOf(old),
      JSON.stringify(old.answers),
      old.submittedAt,
      NOW - 1000,
      'received',
    );
    await db.execute(
      'INSERT INTO status_changes (dossier_id, commune_code, device_id, status, note, changed_at) VALUES (?, ?, ?, ?, ?, ?)',
      old.id,
      COMMUNE_CODE,
      DEVICE_ID,
      'received',
      null,
      NOW - 1000,
    );

    const store = await db.open();
    expect((await db.rows('SELECT version FROM schema_migrations ORDER BY version')).map((row) => Number(row.version))).toEqual(
      MIGRATIONS.map((m) => m.version),
    );
    const links = await db.rows('SELECT commune_code, dossier_id, device_id, first_seen_at FROM dossier_devices');
    expect(links.map((row) => ({ ...row, first_seen_at: Number(row.first_seen_at) }))).toEqual([
      { commune_code: COMMUNE_CODE, dossier_id: old.id, device_id: DEVICE_ID, first_seen_at: NOW - 1000 },
    ]);
    await advance(store, code, 'start-processing', NOW);
    const page = await store.sync.pullChanges(DEVICE_ID, 0, 10);
    expect(page.changes.map((c) => [c.id, c.dossierCode, c.status])).toEqual([
      [old.id, code, 'received'],
      [old.id, code, 'processing'],
    ]);
    expect((await store.sync.pullChanges(OTHER_DEVICE_ID, 0, 10)).changes).toEqual([]);
    expect(await db.columns('dossier_devices')).toContain('commune_code');
  });
});

describe('migrations', () => {
  it('leave no dialect token unfilled and use the right sequence column for each dialect', () => {
    for (const migration of MIGRATIONS) {
      const sqlite = migrationSql(migration, 'sqlite');
      const postgres = migrationSql(migration, 'postgres');
      expect(sqlite).not.toMatch(/\{\{/);
      expect(postgres).not.toMatch(/\{\{/);
      expect(postgres).not.toMatch(/AUTOINCREMENT/i);
    }
    expect(migrationSql(MIGRATIONS[0]!, 'postgres')).toContain('GENERATED ALWAYS AS IDENTITY');
    expect(migrationSql(MIGRATIONS[1]!, 'postgres')).toContain('bytes BYTEA NOT NULL');
    expect(migrationSql(MIGRATIONS[1]!, 'sqlite')).toContain('bytes BLOB NOT NULL');
  });
});
