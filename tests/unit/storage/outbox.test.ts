import { describe, expect, it } from 'vitest';
import type { PushResult } from '../../../src/domain/protocol';
import { createDraft, getDraft, listDrafts, saveDraft } from '../../../src/storage/drafts';
import { getDossier, listDossiers } from '../../../src/storage/dossiers';
import {
  STATUS_WHEN_STORED,
  countByState,
  countPending,
  deleteOutboxItem,
  dueItems,
  earliestAttemptAt,
  enqueueSubmission,
  getOutboxItem,
  listOutbox,
  markSending,
  recordResults,
  recoverSending,
  returnToDraft,
  scheduleRetry,
} from '../../../src/storage/outbox';
import { createDb, setDb } from '../../../src/storage/db';
import { makeSubmission, useFreshStorage } from './fresh-storage';

useFreshStorage();

async function queuedFromDraft(now = 5000) {
  const draft = await createDraft('tam-tru-ct01', 1, 1000);
  const submission = makeSubmission({ id: draft.id });
  await enqueueSubmission(submission, 'Nguyễn Thị Hoa', now);
  return submission;
}

describe('enqueueSubmission', () => {
  it('removes the draft and adds a queued row in one transaction', async () => {
    const submission = await queuedFromDraft();
    expect(await getDraft(submission.id)).toBeUndefined();
    expect(await getOutboxItem(submission.id)).toEqual({
      id: submission.id,
      submission,
      label: 'Nguyễn Thị Hoa',
      state: 'queued',
      attempts: 0,
      nextAttemptAt: 5000,
      queuedAt: 5000,
      updatedAt: 5000,
      origin: 'device',
    });
  });

  it('keeps the draft when the outbox write fails (nothing half-done)', async () => {
    const draft = await createDraft('tam-tru-ct01', 1, 1000);
    // A function in the answers cannot be cloned into IndexedDB, so the add fails after the delete.
    const poisoned = makeSubmission({ id: draft.id, answers: { bad: (() => 1) as unknown as string } });
    await expect(enqueueSubmission(poisoned, 'x', 5000)).rejects.toThrow();
    expect(await getDraft(draft.id)).toEqual(draft);
    expect(await countPending()).toBe(0);
  });

  it('is a no-op for an id already in the outbox', async () => {
    const submission = await queuedFromDraft(5000);
    await enqueueSubmission({ ...submission, answers: { hoTen: 'khác' } }, 'Other', 9000);
    const row = await getOutboxItem(submission.id);
    expect(row?.submission).toEqual(submission);
    expect(row?.label).toBe('Nguyễn Thị Hoa');
    expect(row?.queuedAt).toBe(5000);
    expect(await countPending()).toBe(1);
  });

  it('is a no-op for an id the server already holds, and leaves any draft alone', async () => {
    const submission = await queuedFromDraft();
    await markSending([submission.id]);
    await recordResults([{ id: submission.id, outcome: 'stored', dossierCode: 'HS-1', receivedAt: 7000 }]);
    const draft = await createDraft('tam-tru-ct01', 1, 8000);
    await enqueueSubmission(submission, 'again', 9000);
    expect(await countPending()).toBe(0);
    expect((await getDossier(submission.id))?.label).toBe('Nguyễn Thị Hoa');
    expect(await getDraft(draft.id)).toEqual(draft);
  });

  it('a debounced draft save landing after enqueue does not resurrect the draft', async () => {
    const submission = await queuedFromDraft();
    await saveDraft(submission.id, { answers: { hoTen: 'late' } }, 6000);
    expect(await listDrafts()).toEqual([]);
  });
});

describe('sending and answers', () => {
  it('markSending only takes queued rows and returns them', async () => {
    const a = await queuedFromDraft();
    const b = await queuedFromDraft();
    const first = await markSending([a.id, 'missing-id'], 6000);
    expect(first.map((r) => r.id)).toEqual([a.id]);
    expect(first[0]?.state).toBe('sending');
    const second = await markSending([a.id, b.id], 6000);
    expect(second.map((r) => r.id)).toEqual([b.id]);
  });

  it('stored writes the dossier and deletes the outbox row in one transaction', async () => {
    const submission = await queuedFromDraft();
    await markSending([submission.id], 6000);
    const applied = await recordResults([{ id: submission.id, outcome: 'stored', dossierCode: 'HS-001', receivedAt: 6500 }], 7000);
    expect(applied).toHaveLength(1);
    expect(await getOutboxItem(submission.id)).toBeUndefined();
    expect(await getDossier(submission.id)).toEqual({
      id: submission.id,
      dossierCode: 'HS-001',
      formId: 'tam-tru-ct01',
      label: 'Nguyễn Thị Hoa',
      status: STATUS_WHEN_STORED,
      submittedAt: submission.submittedAt,
      receivedAt: 6500,
      updatedAt: 7000,
    });
  });

  it('if the dossier write fails the outbox row stays (the row never leaves without the answer)', async () => {
    const submission = await queuedFromDraft();
    await markSending([submission.id], 6000);
    const bad = { id: submission.id, outcome: 'duplicate', dossierCode: Symbol('x'), receivedAt: 1 } as unknown as PushResult;
    await expect(recordResults([bad], 7000)).rejects.toThrow();
    expect((await getOutboxItem(submission.id))?.state).toBe('sending');
    expect(await listDossiers()).toEqual([]);
  });

  it('duplicate is recorded like stored', async () => {
    const submission = await queuedFromDraft();
    await markSending([submission.id]);
    await recordResults([{ id: submission.id, outcome: 'duplicate', dossierCode: 'HS-002', receivedAt: 6500 }]);
    expect(await countPending()).toBe(0);
    expect((await getDossier(submission.id))?.dossierCode).toBe('HS-002');
  });

  it('invalid, missing-blobs and conflict park the row with the reason', async () => {
    const [a, b, c] = [await queuedFromDraft(), await queuedFromDraft(), await queuedFromDraft()];
    await markSending([a.id, b.id, c.id]);
    const errors = [{ field: 'hoTen', code: 'required' as const }];
    await recordResults([
      { id: a.id, outcome: 'invalid', errors },
      { id: b.id, outcome: 'missing-blobs', missing: ['abc'] },
      { id: c.id, outcome: 'conflict', dossierCode: 'HS-9' },
    ], 7000);
    expect(await getOutboxItem(a.id)).toMatchObject({ state: 'rejected', lastError: { code: 'invalid', detail: errors }, updatedAt: 7000 });
    expect(await getOutboxItem(b.id)).toMatchObject({ state: 'rejected', lastError: { code: 'missing-blobs', detail: ['abc'] } });
    expect(await getOutboxItem(c.id)).toMatchObject({ state: 'conflict', lastError: { code: 'conflict', detail: { dossierCode: 'HS-9' } } });
    expect(await countByState()).toEqual({ queued: 0, sending: 0, rejected: 2, conflict: 1 });
    expect(await countPending()).toBe(3);
  });

  it('ignores answers for rows that are not being sent', async () => {
    const submission = await queuedFromDraft();
    const applied = await recordResults([{ id: submission.id, outcome: 'stored', dossierCode: 'HS-1', receivedAt: 1 }]);
    expect(applied).toEqual([]);
    expect((await getOutboxItem(submission.id))?.state).toBe('queued');
    expect(await listDossiers()).toEqual([]);
  });
});

describe('retries and due rows', () => {
  it('scheduleRetry counts an attempt and hides the row until it is due', async () => {
    const submission = await queuedFromDraft(5000);
    await markSending([submission.id], 6000);
    await scheduleRetry([submission.id], 20_000, { code: 'network' }, 6000);
    expect(await getOutboxItem(submission.id)).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: 20_000, lastError: { code: 'network' } });
    expect(await dueItems(19_999)).toEqual([]);
    expect((await dueItems(20_000)).map((r) => r.id)).toEqual([submission.id]);
    expect(await earliestAttemptAt()).toBe(20_000);
  });

  it('dueItems returns queued rows only, earliest first, at most `limit`', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await queuedFromDraft(1000 + i)).id);
    await markSending([ids[0]!]);
    expect((await dueItems(10_000)).map((r) => r.id)).toEqual(ids.slice(1));
    expect((await dueItems(10_000, 2)).map((r) => r.id)).toEqual(ids.slice(1, 3));
    expect(await earliestAttemptAt()).toBe(1001);
  });

  it('earliestAttemptAt is null when nothing is queued', async () => {
    expect(await earliestAttemptAt()).toBeNull();
    const submission = await queuedFromDraft();
    await markSending([submission.id]);
    expect(await earliestAttemptAt()).toBeNull();
  });

  it('recoverSending puts rows left in sending back to queued without counting an attempt', async () => {
    const a = await queuedFromDraft();
    const b = await queuedFromDraft();
    await markSending([a.id, b.id]);
    expect(await recoverSending([a.id], 8000)).toBe(1);
    expect(await getOutboxItem(a.id)).toMatchObject({ state: 'queued', attempts: 0, updatedAt: 8000 });
    expect((await getOutboxItem(b.id))?.state).toBe('sending');
    expect(await recoverSending()).toBe(1);
    expect(await countByState()).toEqual({ queued: 2, sending: 0, rejected: 0, conflict: 0 });
  });
});

describe('user actions on parked rows', () => {
  it('returnToDraft moves a rejected dossier back with the server errors, same id', async () => {
    const submission = await queuedFromDraft(5000);
    await markSending([submission.id]);
    const errors = [{ field: 'soDienThoai', code: 'phone-format' as const }];
    await recordResults([{ id: submission.id, outcome: 'invalid', errors }]);
    const draft = await returnToDraft(submission.id, 9000);
    expect(draft).toEqual({
      id: submission.id,
      formId: submission.formId,
      formVersion: submission.formVersion,
      answers: submission.answers,
      label: 'Nguyễn Thị Hoa',
      serverErrors: errors,
      createdAt: 5000,
      updatedAt: 9000,
    });
    expect(await getDraft(submission.id)).toEqual(draft);
    expect(await countPending()).toBe(0);
    // Fixed and submitted again: the same id goes back to the outbox.
    await enqueueSubmission(submission, 'Nguyễn Thị Hoa', 10_000);
    expect((await getOutboxItem(submission.id))?.state).toBe('queued');
  });

  it('returnToDraft refuses rows that are not rejected', async () => {
    const submission = await queuedFromDraft();
    expect(await returnToDraft(submission.id)).toBeUndefined();
    expect((await getOutboxItem(submission.id))?.state).toBe('queued');
    expect(await getDraft(submission.id)).toBeUndefined();
  });

  it('deleteOutboxItem removes rejected and conflict rows, never queued or sending ones', async () => {
    const [q, s, r, c] = [await queuedFromDraft(), await queuedFromDraft(), await queuedFromDraft(), await queuedFromDraft()];
    await markSending([s.id, r.id, c.id]);
    await recordResults([
      { id: r.id, outcome: 'invalid', errors: [] },
      { id: c.id, outcome: 'conflict', dossierCode: 'HS-1' },
    ]);
    expect(await deleteOutboxItem(q.id)).toBe(false);
    expect(await deleteOutboxItem(s.id)).toBe(false);
    expect(await deleteOutboxItem(r.id)).toBe(true);
    expect(await deleteOutboxItem(c.id)).toBe(true);
    expect((await listOutbox()).map((row) => row.id).sort()).toEqual([q.id, s.id].sort());
  });

  it('listOutbox is oldest first', async () => {
    const a = await queuedFromDraft(3000);
    const b = await queuedFromDraft(1000);
    const c = await queuedFromDraft(2000);
    expect((await listOutbox()).map((r) => r.id)).toEqual([b.id, c.id, a.id]);
  });
});

describe('strictness', () => {
  it('the enqueue transaction over drafts, outbox and dossiers is strict', async () => {
    // A DBCore middleware must be installed before the database opens, so this test opens its own.
    const db = createDb(`strict-${crypto.randomUUID()}`);
    const seen: string[] = [];
    db.use({
      stack: 'dbcore',
      name: 'durability-spy',
      create: (core) => ({
        ...core,
        transaction: (stores, mode, options) => {
          if (mode === 'readwrite') seen.push(`${[...stores].sort().join('+')}:${options?.durability}`);
          return core.transaction(stores, mode, options);
        },
      }),
    });
    setDb(db);
    await queuedFromDraft();
    expect(seen).toContain('dossiers+drafts+outbox:strict');
    db.close();
  });
});
