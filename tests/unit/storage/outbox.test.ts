import { describe, expect, it } from 'vitest';
import type { PushResult } from '../../../src/domain/protocol';
import { STATUS_WHEN_STORED } from '../../../src/storage/outbox';
import { createDb } from '../../../src/storage/db';
import { createPhoneStorage } from '../../../src/storage/phone-storage';
import { makeSubmission, useFreshStorage } from './fresh-storage';

const storage = useFreshStorage();

async function queuedFromDraft(now = 5000, phone = storage()) {
  const draft = await phone.drafts.createDraft('tam-tru-ct01', 1, 1000);
  const submission = makeSubmission({ id: draft.id });
  await phone.outbox.enqueueSubmission(submission, 'Nguyễn Thị Hoa', now);
  return submission;
}

describe('enqueueSubmission', () => {
  it('removes the draft and adds a queued row in one transaction', async () => {
    const submission = await queuedFromDraft();
    expect(await storage().drafts.getDraft(submission.id)).toBeUndefined();
    expect(await storage().outbox.getOutboxItem(submission.id)).toEqual({
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
    const draft = await storage().drafts.createDraft('tam-tru-ct01', 1, 1000);
    // A function in the answers cannot be cloned into IndexedDB, so the add fails after the delete.
    const poisoned = makeSubmission({ id: draft.id, answers: { bad: (() => 1) as unknown as string } });
    await expect(storage().outbox.enqueueSubmission(poisoned, 'x', 5000)).rejects.toThrow();
    expect(await storage().drafts.getDraft(draft.id)).toEqual(draft);
    expect(await storage().outbox.countPending()).toBe(0);
  });

  it('is a no-op for an id already in the outbox', async () => {
    const submission = await queuedFromDraft(5000);
    await storage().outbox.enqueueSubmission({ ...submission, answers: { hoTen: 'khác' } }, 'Other', 9000);
    const row = await storage().outbox.getOutboxItem(submission.id);
    expect(row?.submission).toEqual(submission);
    expect(row?.label).toBe('Nguyễn Thị Hoa');
    expect(row?.queuedAt).toBe(5000);
    expect(await storage().outbox.countPending()).toBe(1);
  });

  it('is a no-op for an id the server already holds, and leaves any draft alone', async () => {
    const submission = await queuedFromDraft();
    await storage().outbox.markSending([submission.id], Date.now());
    await storage().outbox.recordResults([{ id: submission.id, outcome: 'stored', dossierCode: 'HS-1', receivedAt: 7000 }], Date.now());
    const draft = await storage().drafts.createDraft('tam-tru-ct01', 1, 8000);
    await storage().outbox.enqueueSubmission(submission, 'again', 9000);
    expect(await storage().outbox.countPending()).toBe(0);
    expect((await storage().dossiers.getDossier(submission.id))?.label).toBe('Nguyễn Thị Hoa');
    expect(await storage().drafts.getDraft(draft.id)).toEqual(draft);
  });

  it('a debounced draft save landing after enqueue does not resurrect the draft', async () => {
    const submission = await queuedFromDraft();
    await storage().drafts.saveDraft(submission.id, { answers: { hoTen: 'late' } }, 6000);
    expect(await storage().drafts.listDrafts()).toEqual([]);
  });
});

describe('sending and answers', () => {
  it('markSending only takes queued rows and returns them', async () => {
    const a = await queuedFromDraft();
    const b = await queuedFromDraft();
    const first = await storage().outbox.markSending([a.id, 'missing-id'], 6000);
    expect(first.map((r) => r.id)).toEqual([a.id]);
    expect(first[0]?.state).toBe('sending');
    const second = await storage().outbox.markSending([a.id, b.id], 6000);
    expect(second.map((r) => r.id)).toEqual([b.id]);
  });

  it('stored writes the dossier and deletes the outbox row in one transaction', async () => {
    const submission = await queuedFromDraft();
    await storage().outbox.markSending([submission.id], 6000);
    const applied = await storage().outbox.recordResults(
      [{ id: submission.id, outcome: 'stored', dossierCode: 'HS-001', receivedAt: 6500 }],
      7000,
    );
    expect(applied).toHaveLength(1);
    expect(await storage().outbox.getOutboxItem(submission.id)).toBeUndefined();
    expect(await storage().dossiers.getDossier(submission.id)).toEqual({
      id: submission.id,
      dossierCode: 'HS-001',
      formId: 'tam-tru-ct01',
      label: 'Nguyễn Thị Hoa',
      status: STATUS_WHEN_STORED,
      submittedAt: submission.submittedAt,
      receivedAt: 6500,
      updatedAt: 7000,
      history: [{ status: STATUS_WHEN_STORED, at: 6500 }],
    });
  });

  it('if the dossier write fails the outbox row stays (the row never leaves without the answer)', async () => {
    const submission = await queuedFromDraft();
    await storage().outbox.markSending([submission.id], 6000);
    const bad = { id: submission.id, outcome: 'duplicate', dossierCode: Symbol('x'), receivedAt: 1 } as unknown as PushResult;
    await expect(storage().outbox.recordResults([bad], 7000)).rejects.toThrow();
    expect((await storage().outbox.getOutboxItem(submission.id))?.state).toBe('sending');
    expect(await storage().dossiers.listDossiers()).toEqual([]);
  });

  it('duplicate is recorded like stored', async () => {
    const submission = await queuedFromDraft();
    await storage().outbox.markSending([submission.id], Date.now());
    await storage().outbox.recordResults(
      [{ id: submission.id, outcome: 'duplicate', dossierCode: 'HS-002', receivedAt: 6500 }],
      Date.now(),
    );
    expect(await storage().outbox.countPending()).toBe(0);
    expect((await storage().dossiers.getDossier(submission.id))?.dossierCode).toBe('HS-002');
  });

  it('invalid, missing-blobs and conflict park the row with the reason', async () => {
    const [a, b, c] = [await queuedFromDraft(), await queuedFromDraft(), await queuedFromDraft()];
    await storage().outbox.markSending([a.id, b.id, c.id], Date.now());
    const errors = [{ field: 'hoTen', code: 'required' as const }];
    await storage().outbox.recordResults(
      [
        { id: a.id, outcome: 'invalid', errors },
        { id: b.id, outcome: 'missing-blobs', missing: ['abc'] },
        { id: c.id, outcome: 'conflict', dossierCode: 'HS-9' },
      ],
      7000,
    );
    expect(await storage().outbox.getOutboxItem(a.id)).toMatchObject({
      state: 'rejected',
      lastError: { code: 'invalid', detail: errors },
      updatedAt: 7000,
    });
    expect(await storage().outbox.getOutboxItem(b.id)).toMatchObject({
      state: 'rejected',
      lastError: { code: 'missing-blobs', detail: ['abc'] },
    });
    expect(await storage().outbox.getOutboxItem(c.id)).toMatchObject({
      state: 'conflict',
      lastError: { code: 'conflict', detail: { dossierCode: 'HS-9' } },
    });
    expect(await storage().outbox.countByState()).toEqual({ queued: 0, sending: 0, rejected: 2, conflict: 1 });
    expect(await storage().outbox.countPending()).toBe(3);
  });

  it('ignores answers for rows that are not being sent', async () => {
    const submission = await queuedFromDraft();
    const applied = await storage().outbox.recordResults(
      [{ id: submission.id, outcome: 'stored', dossierCode: 'HS-1', receivedAt: 1 }],
      Date.now(),
    );
    expect(applied).toEqual([]);
    expect((await storage().outbox.getOutboxItem(submission.id))?.state).toBe('queued');
    expect(await storage().dossiers.listDossiers()).toEqual([]);
  });
});

describe('retries and due rows', () => {
  it('scheduleRetry counts an attempt and hides the row until it is due', async () => {
    const submission = await queuedFromDraft(5000);
    await storage().outbox.markSending([submission.id], 6000);
    await storage().outbox.scheduleRetry([submission.id], 20_000, { code: 'network' }, 6000);
    expect(await storage().outbox.getOutboxItem(submission.id)).toMatchObject({
      state: 'queued',
      attempts: 1,
      nextAttemptAt: 20_000,
      lastError: { code: 'network' },
    });
    expect(await storage().outbox.dueItems(19_999, 50)).toEqual([]);
    expect((await storage().outbox.dueItems(20_000, 50)).map((r) => r.id)).toEqual([submission.id]);
    expect(await storage().outbox.earliestAttemptAt()).toBe(20_000);
  });

  it('dueItems returns queued rows only, earliest first, at most `limit`', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await queuedFromDraft(1000 + i)).id);
    await storage().outbox.markSending([ids[0]!], Date.now());
    expect((await storage().outbox.dueItems(10_000, 50)).map((r) => r.id)).toEqual(ids.slice(1));
    expect((await storage().outbox.dueItems(10_000, 2)).map((r) => r.id)).toEqual(ids.slice(1, 3));
    expect(await storage().outbox.earliestAttemptAt()).toBe(1001);
  });

  it('earliestAttemptAt is null when nothing is queued', async () => {
    expect(await storage().outbox.earliestAttemptAt()).toBeNull();
    const submission = await queuedFromDraft();
    await storage().outbox.markSending([submission.id], Date.now());
    expect(await storage().outbox.earliestAttemptAt()).toBeNull();
  });

  it('recoverSending puts rows left in sending back to queued without counting an attempt', async () => {
    const a = await queuedFromDraft();
    const b = await queuedFromDraft();
    await storage().outbox.markSending([a.id, b.id], Date.now());
    expect(await storage().outbox.recoverSending([a.id], 8000)).toBe(1);
    expect(await storage().outbox.getOutboxItem(a.id)).toMatchObject({ state: 'queued', attempts: 0, updatedAt: 8000 });
    expect((await storage().outbox.getOutboxItem(b.id))?.state).toBe('sending');
    expect(await storage().outbox.recoverSending(undefined, Date.now())).toBe(1);
    expect(await storage().outbox.countByState()).toEqual({ queued: 2, sending: 0, rejected: 0, conflict: 0 });
  });
});

describe('user actions on parked rows', () => {
  it('returnToDraft moves a rejected dossier back with the server errors, same id', async () => {
    const submission = await queuedFromDraft(5000);
    await storage().outbox.markSending([submission.id], Date.now());
    const errors = [{ field: 'soDienThoai', code: 'phone-format' as const }];
    await storage().outbox.recordResults([{ id: submission.id, outcome: 'invalid', errors }], Date.now());
    const draft = await storage().outbox.returnToDraft(submission.id, 9000);
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
    expect(await storage().drafts.getDraft(submission.id)).toEqual(draft);
    expect(await storage().outbox.countPending()).toBe(0);
    // Fixed and submitted again: the same id goes back to the outbox.
    await storage().outbox.enqueueSubmission(submission, 'Nguyễn Thị Hoa', 10_000);
    expect((await storage().outbox.getOutboxItem(submission.id))?.state).toBe('queued');
  });

  it('returnToDraft refuses rows that are not rejected', async () => {
    const submission = await queuedFromDraft();
    expect(await storage().outbox.returnToDraft(submission.id, Date.now())).toBeUndefined();
    expect((await storage().outbox.getOutboxItem(submission.id))?.state).toBe('queued');
    expect(await storage().drafts.getDraft(submission.id)).toBeUndefined();
  });

  it('deleteOutboxItem removes rejected and conflict rows, never queued or sending ones', async () => {
    const [q, s, r, c] = [await queuedFromDraft(), await queuedFromDraft(), await queuedFromDraft(), await queuedFromDraft()];
    await storage().outbox.markSending([s.id, r.id, c.id], Date.now());
    await storage().outbox.recordResults(
      [
        { id: r.id, outcome: 'invalid', errors: [] },
        { id: c.id, outcome: 'conflict', dossierCode: 'HS-1' },
      ],
      Date.now(),
    );
    expect(await storage().outbox.deleteOutboxItem(q.id)).toBe(false);
    expect(await storage().outbox.deleteOutboxItem(s.id)).toBe(false);
    expect(await storage().outbox.deleteOutboxItem(r.id)).toBe(true);
    expect(await storage().outbox.deleteOutboxItem(c.id)).toBe(true);
    expect((await storage().outbox.listOutbox()).map((row) => row.id).sort()).toEqual([q.id, s.id].sort());
  });

  it('listOutbox is oldest first', async () => {
    const a = await queuedFromDraft(3000);
    const b = await queuedFromDraft(1000);
    const c = await queuedFromDraft(2000);
    expect((await storage().outbox.listOutbox()).map((r) => r.id)).toEqual([b.id, c.id, a.id]);
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
    await queuedFromDraft(5000, createPhoneStorage({ db }));
    expect(seen).toContain('dossiers+drafts+outbox:strict');
    db.close();
  });
});
