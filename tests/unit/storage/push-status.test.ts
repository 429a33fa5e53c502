/** A stored/duplicate answer carries the server's current status; the phone keeps it and later pulls apply only newer changes. */
import { describe, expect, it } from 'vitest';
import { STATUS_WHEN_STORED } from '../../../src/storage/outbox';
import { makeSubmission, useFreshStorage } from './fresh-storage';

const storage = useFreshStorage();

const NOTE = 'Bổ sung bản sao giấy khai sinh';

async function sending() {
  const submission = makeSubmission();
  await storage().outbox.enqueueSubmission(submission, 'Nguyễn Thị Hoa', 5000);
  await storage().outbox.markSending([submission.id], 6000);
  return submission;
}

describe('recordResults with the server status', () => {
  it('writes the status, note and seq a duplicate answer carries', async () => {
    const submission = await sending();
    await storage().outbox.recordResults(
      [
        {
          id: submission.id,
          outcome: 'duplicate',
          dossierCode: 'HS-7',
          receivedAt: 6500,
          status: 'supplement-requested',
          statusNote: NOTE,
          statusSeq: 42,
        },
      ],
      7000,
    );
    expect(await storage().dossiers.getDossier(submission.id)).toMatchObject({ status: 'supplement-requested', note: NOTE, statusSeq: 42 });
  });

  it('ignores a later pulled change with an older seq, and applies a newer one', async () => {
    const submission = await sending();
    await storage().outbox.recordResults(
      [
        {
          id: submission.id,
          outcome: 'duplicate',
          dossierCode: 'HS-7',
          receivedAt: 6500,
          status: 'supplement-requested',
          statusNote: NOTE,
          statusSeq: 42,
        },
      ],
      7000,
    );
    const older = { id: submission.id, dossierCode: 'HS-7', status: 'received' as const, changedAt: 6500, seq: 3 };
    expect(await storage().dossiers.applyStatusChanges([older])).toEqual({ applied: [], unknown: [] });
    expect(await storage().dossiers.getDossier(submission.id)).toMatchObject({ status: 'supplement-requested', note: NOTE, statusSeq: 42 });

    await storage().dossiers.applyStatusChanges([{ ...older, status: 'processing', changedAt: 9000, seq: 43 }]);
    const row = await storage().dossiers.getDossier(submission.id);
    expect(row).toMatchObject({ status: 'processing', statusSeq: 43 });
    expect(row).not.toHaveProperty('note');
  });

  it("keeps today's behaviour when the answer carries no status", async () => {
    const submission = await sending();
    await storage().outbox.recordResults([{ id: submission.id, outcome: 'stored', dossierCode: 'HS-1', receivedAt: 6500 }], 7000);
    const row = await storage().dossiers.getDossier(submission.id);
    expect(row?.status).toBe(STATUS_WHEN_STORED);
    expect(row).not.toHaveProperty('statusSeq');
  });

  it("writes a stored answer's received status with its seq", async () => {
    const submission = await sending();
    await storage().outbox.recordResults(
      [{ id: submission.id, outcome: 'stored', dossierCode: 'HS-1', receivedAt: 6500, status: 'received', statusSeq: 5 }],
      7000,
    );
    const row = await storage().dossiers.getDossier(submission.id);
    expect(row).toMatchObject({ status: 'received', statusSeq: 5 });
    expect(row).not.toHaveProperty('note');
  });
});

describe('recordReceived over an existing row', () => {
  const base = { id: 'd-1', dossierCode: 'HS-1', formId: 'tam-tru-ct01', label: 'x', submittedAt: 1000, receivedAt: 2000, updatedAt: 3000 };

  it('does not roll back a status a pull already moved past the answer', async () => {
    await storage().dossiers.recordReceived({ ...base, status: 'processing', statusSeq: 9 });
    await storage().dossiers.recordReceived({ ...base, status: 'supplement-requested', note: NOTE, statusSeq: 5 });
    const row = await storage().dossiers.getDossier('d-1');
    expect(row).toMatchObject({ status: 'processing', statusSeq: 9 });
    expect(row).not.toHaveProperty('note');
  });

  it('takes a newer status from the answer', async () => {
    await storage().dossiers.recordReceived({ ...base, status: STATUS_WHEN_STORED });
    await storage().dossiers.recordReceived({ ...base, status: 'supplement-requested', note: NOTE, statusSeq: 5 });
    expect(await storage().dossiers.getDossier('d-1')).toMatchObject({ status: 'supplement-requested', note: NOTE, statusSeq: 5 });
  });
});
