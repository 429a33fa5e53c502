/**
 * The SyncRepository contract on every adapter, called directly: blobs per commune, pushes kept
 * across reopens, code collisions redrawn, atomic batches answered in order, pull paging.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMUNE_CODE, CONSENT_RECORD, DEVICE_ID, NOW, SENDER, makeAccepted, makeBlob } from '../fixtures';
import { STORE_BACKENDS, skipWhenUnavailable, type TestDatabase } from '../stores';

/** Fixture submissions are already valid and normalised, so they stand for accepted ones. */
const accepted = makeAccepted;

describe.each(STORE_BACKENDS)('the $kind sync repository', (backend) => {
  let db: TestDatabase;
  skipWhenUnavailable(backend);
  beforeEach(async () => {
    db = await backend.createDatabase();
  });
  afterEach(async () => {
    await db?.cleanup();
  });

  it('stores blobs once, per commune, and says which of a list are missing', async () => {
    const store = await db.open();
    const [a, b, c] = [makeBlob(1), makeBlob(2, 300, 'image/png'), makeBlob(3)];
    expect(await store.sync.hasBlob(a!.sha256, COMMUNE_CODE)).toBeNull();
    expect(await store.sync.putBlob(a!.sha256, a!.type, a!.bytes, COMMUNE_CODE, NOW, 'dev-1')).toBe(true);
    expect(await store.sync.putBlob(a!.sha256, a!.type, a!.bytes, COMMUNE_CODE, NOW + 1, 'dev-1')).toBe(false);
    expect(await store.sync.putBlob(b!.sha256, b!.type, b!.bytes, COMMUNE_CODE, NOW, 'dev-1')).toBe(true);
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
    await first.sync.putBlob(blob.sha256, blob.type, blob.bytes, COMMUNE_CODE, NOW, 'dev-1');
    const item = accepted({
      attachments: [{ path: 'proof', ref: { sha256: blob.sha256, name: 'a.jpg', type: 'image/jpeg', size: 1000 } }],
    });
    expect((await first.sync.pushBatch(SENDER, [item], NOW))[0]?.outcome).toBe('stored');
    await first.close();
    const reopened = await db.open();
    expect(await reopened.dossiers.getDossier(item.id)).toMatchObject({ consent: CONSENT_RECORD });
    expect((await reopened.sync.getBlob(blob.sha256, COMMUNE_CODE))?.bytes).toEqual(blob.bytes);
  });

  it('keeps dossiers, their codes and their answers across close and reopen', async () => {
    const item = accepted();
    const first = await db.open();
    const [stored] = await first.sync.pushBatch(SENDER, [item], NOW);
    await first.close();

    const reopened = await db.open();
    expect(await reopened.dossiers.countDossiers()).toBe(1);
    expect(await reopened.dossiers.getDossier(item.id)).toMatchObject({
      answers: item.answers,
      deviceId: DEVICE_ID,
      status: 'submitted',
      receivedAt: NOW,
    });
    const [again] = await reopened.sync.pushBatch(SENDER, [item], NOW + 1000);
    expect(again).toEqual({ ...stored, outcome: 'duplicate' });
    expect((await reopened.sync.pullChanges(DEVICE_ID, 0, 10)).changes).toHaveLength(1);
  });

  it('draws another code when a random code collides', async () => {
    const suffixes = ['AAAAAA', 'AAAAAA', 'BBBBBB'];
    const store = await db.open({ codeSuffix: () => suffixes.shift() ?? 'CCCCCC' });
    const results = await store.sync.pushBatch(SENDER, [accepted(), accepted()], NOW);
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
    await expect(store.sync.pushBatch(SENDER, items, NOW)).rejects.toThrow('disk on fire');
    expect(calls).toBe(3);
    expect(await store.dossiers.countDossiers()).toBe(0);
    expect(await db.rows('SELECT * FROM status_changes')).toEqual([]);

    const retry = await store.sync.pushBatch(SENDER, items, NOW);
    expect(retry.map((r) => r.outcome)).toEqual(['stored', 'stored']);
    expect((await store.sync.pullChanges(DEVICE_ID, 0, 10)).changes.map((c) => c.id)).toEqual(items.map((i) => i.id));
  });

  it('answers a batch in request order, copies of one id included', async () => {
    const store = await db.open();
    const old = accepted();
    const [oldStored] = await store.sync.pushBatch(SENDER, [old], NOW - 1000);
    const fresh = accepted();
    const changedOld = { ...old, answers: { ...old.answers, reason: 'Đi học' } };
    const changedFresh = { ...fresh, answers: { ...fresh.answers, reason: 'Đi học' } };
    const results = await store.sync.pushBatch(SENDER, [fresh, old, changedOld, fresh, changedFresh], NOW);
    const freshCode = (results[0] as { dossierCode: string }).dossierCode;
    const oldCode = (oldStored as { dossierCode: string }).dossierCode;
    const oldSeq = (oldStored as { statusSeq: number }).statusSeq;
    const freshSeq = (results[0] as { statusSeq: number }).statusSeq;
    expect(freshSeq).toBeGreaterThan(oldSeq);
    expect(results).toEqual([
      { id: fresh.id, outcome: 'stored', dossierCode: freshCode, receivedAt: NOW, status: 'submitted', statusSeq: freshSeq },
      { id: old.id, outcome: 'duplicate', dossierCode: oldCode, receivedAt: NOW - 1000, status: 'submitted', statusSeq: oldSeq },
      { id: old.id, outcome: 'conflict', dossierCode: oldCode },
      { id: fresh.id, outcome: 'duplicate', dossierCode: freshCode, receivedAt: NOW, status: 'submitted', statusSeq: freshSeq },
      { id: fresh.id, outcome: 'conflict', dossierCode: freshCode },
    ]);
    expect(await store.dossiers.countDossiers()).toBe(2);
    expect((await store.dossiers.getDossier(fresh.id))?.answers.reason).toBe('Đi làm');
  });

  it('pages pull results by limit with a cursor that moves forward, in increasing seq', async () => {
    const store = await db.open();
    const items = [accepted(), accepted(), accepted()];
    await store.sync.pushBatch(SENDER, items, NOW);
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
