/** Version 2 opened on data written by version 1: every row kept, outbox rows gain their origin. */
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_V1, createDb } from '../../../src/storage/db';
import { createPhoneStorage } from '../../../src/storage/phone-storage';
import { makeSubmission } from './fresh-storage';

describe('Dexie upgrade v1 → v2', () => {
  it('keeps drafts, outbox rows and dossiers; marks old outbox rows as made on this phone; indexes queuedAt', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    // Exactly what version 1 shipped, writing rows the way version 1 wrote them.
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    const a = makeSubmission();
    const b = makeSubmission();
    await v1
      .table('drafts')
      .add({ id: 'draft-1', formId: 'tam-tru-ct01', formVersion: 1, answers: { fullName: 'Lò Văn Páo' }, createdAt: 1, updatedAt: 2 });
    await v1.table('outbox').bulkAdd([
      {
        id: a.id,
        submission: a,
        label: 'A',
        state: 'queued',
        attempts: 2,
        nextAttemptAt: 500,
        queuedAt: 300,
        updatedAt: 400,
        lastError: { code: 'network' },
      },
      {
        id: b.id,
        submission: b,
        label: 'B',
        state: 'rejected',
        attempts: 0,
        nextAttemptAt: 100,
        queuedAt: 100,
        updatedAt: 100,
        lastError: { code: 'invalid', detail: [] },
      },
    ]);
    await v1.table('dossiers').add({
      id: 'd-1',
      dossierCode: 'HS-1',
      formId: 'tam-tru-ct01',
      label: 'C',
      status: 'received',
      submittedAt: 1,
      receivedAt: 2,
      updatedAt: 3,
      statusSeq: 4,
    });
    v1.close();

    const v2 = createDb(name);
    const v2Phone = createPhoneStorage({ db: v2 });
    await v2.open();
    // Opens at the latest version: every step after v1 runs (v3 adds the blobs table, v4 the vault, v5 the visits).
    expect(v2.verno).toBe(5);
    expect(await v2Phone.outbox.listOutbox()).toEqual([
      {
        id: b.id,
        submission: b,
        label: 'B',
        state: 'rejected',
        attempts: 0,
        nextAttemptAt: 100,
        queuedAt: 100,
        updatedAt: 100,
        lastError: { code: 'invalid', detail: [] },
        origin: 'device',
      },
      {
        id: a.id,
        submission: a,
        label: 'A',
        state: 'queued',
        attempts: 2,
        nextAttemptAt: 500,
        queuedAt: 300,
        updatedAt: 400,
        lastError: { code: 'network' },
        origin: 'device',
      },
    ]);
    expect(await v2.outbox.orderBy('queuedAt').primaryKeys()).toEqual([b.id, a.id]);
    expect((await v2Phone.outbox.dueItems(1000, 50)).map((r) => r.id)).toEqual([a.id]);
    expect(await v2Phone.drafts.getDraft('draft-1')).toMatchObject({ answers: { fullName: 'Lò Văn Páo' } });
    expect(await v2Phone.dossiers.getDossier('d-1')).toMatchObject({ dossierCode: 'HS-1', statusSeq: 4 });
    v2.close();
  });

  it('a fresh install opens straight at the latest version', async () => {
    const db = createDb(`fresh-${crypto.randomUUID()}`);
    await db.open();
    expect(db.verno).toBe(5);
    db.close();
  });
});
