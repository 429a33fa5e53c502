/** Version 5 opened on data written by version 3: every row kept, the visit tables there and empty. */
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_V1, createDb } from '../../../src/storage/db';
import { makeVisit } from '../../fixtures/visits';

describe('Dexie upgrade v3 → v5', () => {
  it('keeps drafts and blobs, and adds visits and the visit queue', async () => {
    const name = `upgrade-v5-${crypto.randomUUID()}`;
    const v3 = new Dexie(name);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores({ outbox: 'id, state, nextAttemptAt, [state+nextAttemptAt], queuedAt' });
    v3.version(3).stores({ blobs: 'sha256' });
    await v3.open();
    await v3
      .table('drafts')
      .add({ id: 'draft-1', formId: 'tam-tru-ct01', formVersion: 1, answers: { fullName: 'Lò Văn Páo' }, createdAt: 1, updatedAt: 2 });
    await v3.table('blobs').add({ sha256: 'a'.repeat(64), blob: new Blob(['x']), type: 'image/jpeg', size: 1, storedAt: 3 });
    v3.close();

    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect((await db.drafts.get('draft-1'))?.answers).toEqual({ fullName: 'Lò Văn Páo' });
    expect(await db.blobs.count()).toBe(1);
    expect(await db.visits.count()).toBe(0);
    const visit = makeVisit();
    await db.visitQueue.add({ key: `${visit.id}:1`, id: visit.id, version: 1, visit, attempts: 0, nextAttemptAt: 0, queuedAt: 1 });
    expect(await db.visitQueue.where('nextAttemptAt').belowOrEqual(0).count()).toBe(1);
    db.close();
  });
});
