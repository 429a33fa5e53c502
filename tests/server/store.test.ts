/** The DossierStore contract, on every adapter: migrations, persistence, codes, atomic batches, paging. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, contentHashOf } from '../../src/server/content-hash';
import { makeDossierCode } from '../../src/server/dossier-code';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrationSql } from '../../src/server/migrations';
import type { AcceptedSubmission } from '../../src/server/store';
import { COMMUNE_CODE, DEVICE_ID, NOW, makeSubmission } from './fixtures';
import { STORE_BACKENDS, skipWhenUnavailable, type TestDatabase } from './stores';

/** Fixture submissions are already valid and normalised, so they stand for accepted ones. */
const accepted = (overrides: Partial<AcceptedSubmission> = {}): AcceptedSubmission => ({ ...makeSubmission(), ...overrides });

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
    for (const table of ['dossiers', 'status_changes']) expect(await db.columns(table)).toContain('commune_code');
  });

  it('refuses a database written by a newer server', async () => {
    await (await db.open()).close();
    await db.execute('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', LATEST_SCHEMA_VERSION + 1, 'future', NOW);
    await expect(db.open()).rejects.toThrow(/newer than this server/);
  });

  it('keeps dossiers, their codes and their answers across close and reopen', async () => {
    const item = accepted();
    const first = await db.open();
    const [stored] = await first.pushBatch(DEVICE_ID, [item], NOW);
    await first.close();

    const reopened = await db.open();
    expect(await reopened.countDossiers()).toBe(1);
    expect(await reopened.getDossier(item.id)).toMatchObject({ answers: item.answers, deviceId: DEVICE_ID, status: 'received', receivedAt: NOW });
    const [again] = await reopened.pushBatch(DEVICE_ID, [item], NOW + 1000);
    expect(again).toEqual({ ...stored, outcome: 'duplicate' });
    expect((await reopened.pullChanges(DEVICE_ID, 0, 10)).changes).toHaveLength(1);
  });

  it('finds a dossier by its code as well as by its id', async () => {
    const store = await db.open();
    const item = accepted();
    const [stored] = await store.pushBatch(DEVICE_ID, [item], NOW);
    const code = (stored as { dossierCode: string }).dossierCode;
    expect((await store.getDossier(code))?.id).toBe(item.id);
    expect(await store.getDossier('15865-250714-ZZZZZZ')).toBeNull();
    expect(await store.setStatus('15865-250714-ZZZZZZ', 'processing', undefined, NOW)).toBeNull();
  });

  it('draws another code when a random code collides', async () => {
    const suffixes = ['AAAAAA', 'AAAAAA', 'BBBBBB'];
    const store = await db.open({ codeSuffix: () => suffixes.shift() ?? 'CCCCCC' });
    const results = await store.pushBatch(DEVICE_ID, [accepted(), accepted()], NOW);
    expect(results.map((r) => r.outcome)).toEqual(['stored', 'stored']);
    // Which of the two keeps AAAAAA depends on insertion order, which an adapter may choose.
    expect(results.map((r) => ('dossierCode' in r ? r.dossierCode : '')).sort()).toEqual([
      `${COMMUNE_CODE}-250714-AAAAAA`,
      `${COMMUNE_CODE}-250714-BBBBBB`,
    ]);
    expect(await store.countDossiers()).toBe(2);
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
    await expect(store.pushBatch(DEVICE_ID, items, NOW)).rejects.toThrow('disk on fire');
    expect(calls).toBe(3);
    expect(await store.countDossiers()).toBe(0);
    expect(await db.rows('SELECT * FROM status_changes')).toEqual([]);

    const retry = await store.pushBatch(DEVICE_ID, items, NOW);
    expect(retry.map((r) => r.outcome)).toEqual(['stored', 'stored']);
    expect((await store.pullChanges(DEVICE_ID, 0, 10)).changes.map((c) => c.id)).toEqual(items.map((i) => i.id));
  });

  it('answers a batch in request order, copies of one id included', async () => {
    const store = await db.open();
    const old = accepted();
    const [oldStored] = await store.pushBatch(DEVICE_ID, [old], NOW - 1000);
    const fresh = accepted();
    const changedOld = { ...old, answers: { ...old.answers, reason: 'Đi học' } };
    const changedFresh = { ...fresh, answers: { ...fresh.answers, reason: 'Đi học' } };
    const results = await store.pushBatch(DEVICE_ID, [fresh, old, changedOld, fresh, changedFresh], NOW);
    const freshCode = (results[0] as { dossierCode: string }).dossierCode;
    const oldCode = (oldStored as { dossierCode: string }).dossierCode;
    expect(results).toEqual([
      { id: fresh.id, outcome: 'stored', dossierCode: freshCode, receivedAt: NOW },
      { id: old.id, outcome: 'duplicate', dossierCode: oldCode, receivedAt: NOW - 1000 },
      { id: old.id, outcome: 'conflict', dossierCode: oldCode },
      { id: fresh.id, outcome: 'duplicate', dossierCode: freshCode, receivedAt: NOW },
      { id: fresh.id, outcome: 'conflict', dossierCode: freshCode },
    ]);
    expect(await store.countDossiers()).toBe(2);
    expect((await store.getDossier(fresh.id))?.answers.reason).toBe('Đi làm');
  });

  it('pages pull results by limit with a cursor that moves forward, in increasing seq', async () => {
    const store = await db.open();
    const items = [accepted(), accepted(), accepted()];
    await store.pushBatch(DEVICE_ID, items, NOW);
    const first = await store.pullChanges(DEVICE_ID, 0, 2);
    const second = await store.pullChanges(DEVICE_ID, first.cursor, 2);
    const third = await store.pullChanges(DEVICE_ID, second.cursor, 2);
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
