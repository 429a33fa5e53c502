/** The Stores contract, on every adapter: migrations, persistence, codes, atomic batches, paging. */
import { mkdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, contentHashOf } from '../../src/server/sync/content-hash';
import { makeDossierCode } from '../../src/domain/dossier-code';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, SCHEMA_MIGRATIONS_SQL, migrationSql } from '../../src/server/db/migrations';
import { COMMUNE_CODE, CONSENT_RECORD, DEVICE_ID, NOW, makeAccepted, makeBlob } from './fixtures';
import { STORE_BACKENDS, skipWhenUnavailable, type TestDatabase } from './stores';

/** Fixture submissions are already valid and normalised, so they stand for accepted ones. */
const accepted = makeAccepted;

describe.each(STORE_BACKENDS)('the $kind store', (backend) => {
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
    for (const table of ['dossiers', 'status_changes', 'blobs', 'dossier_devices']) expect(await db.columns(table)).toContain('commune_code');
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
      old.id, `${COMMUNE_CODE}-250714-AAAAAA`, COMMUNE_CODE, DEVICE_ID, old.formId, old.formVersion, contentHashOf(old),
      JSON.stringify(old.answers), old.submittedAt, NOW - 1000, 'received',
    );

    const store = await db.open();
    expect((await db.rows('SELECT version FROM schema_migrations ORDER BY version')).map((row) => row.version)).toEqual(MIGRATIONS.map((m) => m.version));
    const stored = await store.dossiers.getDossier(old.id);
    expect(stored).toMatchObject({ answers: old.answers, receivedAt: NOW - 1000 });
    expect(stored).not.toHaveProperty('consent');
    // A retry of it is still the same dossier; the missing consent is not filled in afterwards.
    expect((await store.sync.pushBatch(DEVICE_ID, [old], NOW))[0]?.outcome).toBe('duplicate');
    expect(await store.dossiers.getDossier(old.id)).not.toHaveProperty('consent');
    expect(await store.sync.hasBlob(makeBlob(1).sha256, COMMUNE_CODE)).toBeNull();
  });

  it('stores blobs once, per commune, and says which of a list are missing', async () => {
    const store = await db.open();
    const [a, b, c] = [makeBlob(1), makeBlob(2, 300, 'image/png'), makeBlob(3)];
    expect(await store.sync.hasBlob(a!.sha256, COMMUNE_CODE)).toBeNull();
    expect(await store.sync.putBlob(a!.sha256, a!.type, a!.bytes, COMMUNE_CODE, NOW)).toBe(true);
    expect(await store.sync.putBlob(a!.sha256, a!.type, a!.bytes, COMMUNE_CODE, NOW + 1)).toBe(false);
    expect(await store.sync.putBlob(b!.sha256, b!.type, b!.bytes, COMMUNE_CODE, NOW)).toBe(true);
    expect(await store.sync.hasBlob(b!.sha256, COMMUNE_CODE)).toEqual({ type: 'image/png', size: 300 });
    expect(await store.sync.hasBlob(b!.sha256, '00004')).toBeNull();
    expect(await store.sync.getBlob(a!.sha256, COMMUNE_CODE)).toEqual({ type: 'image/jpeg', size: 1000, bytes: a!.bytes });
    expect(await store.sync.getBlob(c!.sha256, COMMUNE_CODE)).toBeNull();
    expect(await store.sync.missingBlobs([c!.sha256, a!.sha256, c!.sha256, b!.sha256], COMMUNE_CODE)).toEqual([c!.sha256]);
    expect(await store.sync.missingBlobs([a!.sha256], '00004')).toEqual([a!.sha256]);
    expect(await store.sync.missingBlobs([], COMMUNE_CODE)).toEqual([]);
    expect(await db.rows('SELECT sha256 FROM blobs ORDER BY sha256')).toHaveLength(2);
  });

  it('stores a dossier whose blobs are there with its consent, and keeps both across a reopen', async () => {
    const blob = makeBlob(4);
    const first = await db.open();
    await first.sync.putBlob(blob.sha256, blob.type, blob.bytes, COMMUNE_CODE, NOW);
    const item = accepted({ attachments: [{ path: 'proof', ref: { sha256: blob.sha256, name: 'a.jpg', type: 'image/jpeg', size: 1000 } }] });
    expect((await first.sync.pushBatch(DEVICE_ID, [item], NOW))[0]?.outcome).toBe('stored');
    await first.close();
    const reopened = await db.open();
    expect(await reopened.dossiers.getDossier(item.id)).toMatchObject({ consent: CONSENT_RECORD });
    expect((await reopened.sync.getBlob(blob.sha256, COMMUNE_CODE))?.bytes).toEqual(blob.bytes);
  });

  it('refuses a database written by a newer server', async () => {
    await (await db.open()).close();
    await db.execute('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', LATEST_SCHEMA_VERSION + 1, 'future', NOW);
    await expect(db.open()).rejects.toThrow(/newer than this server/);
  });

  it('keeps dossiers, their codes and their answers across close and reopen', async () => {
    const item = accepted();
    const first = await db.open();
    const [stored] = await first.sync.pushBatch(DEVICE_ID, [item], NOW);
    await first.close();

    const reopened = await db.open();
    expect(await reopened.dossiers.countDossiers()).toBe(1);
    expect(await reopened.dossiers.getDossier(item.id)).toMatchObject({ answers: item.answers, deviceId: DEVICE_ID, status: 'received', receivedAt: NOW });
    const [again] = await reopened.sync.pushBatch(DEVICE_ID, [item], NOW + 1000);
    expect(again).toEqual({ ...stored, outcome: 'duplicate' });
    expect((await reopened.sync.pullChanges(DEVICE_ID, 0, 10)).changes).toHaveLength(1);
  });

  it('finds a dossier by its code as well as by its id', async () => {
    const store = await db.open();
    const item = accepted();
    const [stored] = await store.sync.pushBatch(DEVICE_ID, [item], NOW);
    const code = (stored as { dossierCode: string }).dossierCode;
    expect((await store.dossiers.getDossier(code))?.id).toBe(item.id);
    expect(await store.dossiers.getDossier('15865-250714-ZZZZZZ')).toBeNull();
    expect(await store.dossiers.setStatus('15865-250714-ZZZZZZ', 'processing', undefined, NOW)).toBeNull();
  });

  it('draws another code when a random code collides', async () => {
    const suffixes = ['AAAAAA', 'AAAAAA', 'BBBBBB'];
    const store = await db.open({ codeSuffix: () => suffixes.shift() ?? 'CCCCCC' });
    const results = await store.sync.pushBatch(DEVICE_ID, [accepted(), accepted()], NOW);
    expect(results.map((r) => r.outcome)).toEqual(['stored', 'stored']);
    // Which of the two keeps AAAAAA depends on insertion order, which an adapter may choose.
    expect(results.map((r) => ('dossierCode' in r ? r.dossierCode : '')).sort()).toEqual([
      `${COMMUNE_CODE}-250714-AAAAAA`,
      `${COMMUNE_CODE}-250714-BBBBBB`,
    ]);
    expect(await store.dossiers.countDossiers()).toBe(2);
  });

  it('stores nothing of a batch whose transaction fails after writing, and stays usable', async () => {
    // First dossier written with AAAAAA, second collides with it, the next draw fails: by then
    // the transaction has written a row, which must be rolled back. Pool size 1 makes the next
    // push reuse the very connection that failed.
    let calls = 0;
    const store = await db.open({
      poolSize: 1,
      codeSuffix: () => {
        calls += 1;
        if (calls === 3) throw new Error('disk on fire');
        return calls < 3 ? 'AAAAAA' : `BBBBB${calls}`;
      },
    });
    const items = [accepted(), accepted()];
    await expect(store.sync.pushBatch(DEVICE_ID, items, NOW)).rejects.toThrow('disk on fire');
    expect(calls).toBe(3);
    expect(await store.dossiers.countDossiers()).toBe(0);
    expect(await db.rows('SELECT * FROM status_changes')).toEqual([]);

    const retry = await store.sync.pushBatch(DEVICE_ID, items, NOW);
    expect(retry.map((r) => r.outcome)).toEqual(['stored', 'stored']);
    expect((await store.sync.pullChanges(DEVICE_ID, 0, 10)).changes.map((c) => c.id)).toEqual(items.map((i) => i.id));
  });

  it('answers a batch in request order, copies of one id included', async () => {
    const store = await db.open();
    const old = accepted();
    const [oldStored] = await store.sync.pushBatch(DEVICE_ID, [old], NOW - 1000);
    const fresh = accepted();
    const changedOld = { ...old, answers: { ...old.answers, reason: 'Đi học' } };
    const changedFresh = { ...fresh, answers: { ...fresh.answers, reason: 'Đi học' } };
    const results = await store.sync.pushBatch(DEVICE_ID, [fresh, old, changedOld, fresh, changedFresh], NOW);
    const freshCode = (results[0] as { dossierCode: string }).dossierCode;
    const oldCode = (oldStored as { dossierCode: string }).dossierCode;
    const oldSeq = (oldStored as { statusSeq: number }).statusSeq;
    const freshSeq = (results[0] as { statusSeq: number }).statusSeq;
    expect(freshSeq).toBeGreaterThan(oldSeq);
    expect(results).toEqual([
      { id: fresh.id, outcome: 'stored', dossierCode: freshCode, receivedAt: NOW, status: 'received', statusSeq: freshSeq },
      { id: old.id, outcome: 'duplicate', dossierCode: oldCode, receivedAt: NOW - 1000, status: 'received', statusSeq: oldSeq },
      { id: old.id, outcome: 'conflict', dossierCode: oldCode },
      { id: fresh.id, outcome: 'duplicate', dossierCode: freshCode, receivedAt: NOW, status: 'received', statusSeq: freshSeq },
      { id: fresh.id, outcome: 'conflict', dossierCode: freshCode },
    ]);
    expect(await store.dossiers.countDossiers()).toBe(2);
    expect((await store.dossiers.getDossier(fresh.id))?.answers.reason).toBe('Đi làm');
  });

  it('pages pull results by limit with a cursor that moves forward, in increasing seq', async () => {
    const store = await db.open();
    const items = [accepted(), accepted(), accepted()];
    await store.sync.pushBatch(DEVICE_ID, items, NOW);
    const first = await store.sync.pullChanges(DEVICE_ID, 0, 2);
    const second = await store.sync.pullChanges(DEVICE_ID, first.cursor, 2);
    const third = await store.sync.pullChanges(DEVICE_ID, second.cursor, 2);
    expect(first.changes).toHaveLength(2);
    expect(second.changes).toHaveLength(1);
    expect(second.cursor).toBeGreaterThan(first.cursor);
    expect(third).toEqual({ changes: [], cursor: second.cursor });
    expect([...first.changes, ...second.changes].map((c) => c.id)).toEqual(items.map((i) => i.id));
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

describe('dossier codes and content hashes', () => {
  it('date the code by the calendar day in Vietnam', () => {
    expect(makeDossierCode('15865', Date.UTC(2025, 6, 14, 16, 59), 'K7Q2MX')).toBe('15865-250714-K7Q2MX');
    expect(makeDossierCode('15865', Date.UTC(2025, 6, 14, 17, 0), 'K7Q2MX')).toBe('15865-250715-K7Q2MX');
  });

  it('hash content regardless of key order, and ignore submittedAt', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"y":2,"z":1}]},"b":1}');
    const item = accepted();
    const reordered = { ...item, submittedAt: 1, answers: Object.fromEntries(Object.entries(item.answers).reverse()) };
    expect(contentHashOf(reordered)).toBe(contentHashOf(item));
    expect(contentHashOf({ ...item, answers: { ...item.answers, reason: 'Đi học' } })).not.toBe(contentHashOf(item));
    expect(contentHashOf({ ...item, communeCode: '00001' })).not.toBe(contentHashOf(item));
  });
});
