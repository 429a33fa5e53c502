import { describe, expect, it } from 'vitest';
import type { StatusChange } from '../../../src/domain/protocol';
import { makeSubmission, useFreshStorage } from './fresh-storage';

const storage = useFreshStorage();

async function storedDossier(code: string, now: number) {
  const submission = makeSubmission();
  await storage().outbox.enqueueSubmission(submission, `Người ${code}`, now);
  await storage().outbox.markSending([submission.id], now);
  await storage().outbox.recordResults([{ id: submission.id, outcome: 'stored', dossierCode: code, receivedAt: now }], now);
  return submission.id;
}

function change(id: string, seq: number, status: StatusChange['status'], note?: string): StatusChange {
  return { id, dossierCode: 'HS-1', status, changedAt: 10_000 + seq, seq, ...(note ? { note } : {}) };
}

describe('dossiers', () => {
  it('lists newest first and reads one', async () => {
    const a = await storedDossier('HS-1', 1000);
    const b = await storedDossier('HS-2', 2000);
    expect((await storage().dossiers.listDossiers()).map((d) => d.id)).toEqual([b, a]);
    expect((await storage().dossiers.getDossier(a))?.dossierCode).toBe('HS-1');
    expect(await storage().dossiers.getDossier('nope')).toBeUndefined();
  });

  it('applies status changes with the officer note, and clears the note when the next change has none', async () => {
    const id = await storedDossier('HS-1', 1000);
    const first = await storage().dossiers.applyStatusChanges([change(id, 1, 'supplement-requested', 'Thiếu bản sao sổ hộ khẩu')]);
    expect(first).toEqual({ applied: [id], unknown: [] });
    expect(await storage().dossiers.getDossier(id)).toMatchObject({
      status: 'supplement-requested',
      note: 'Thiếu bản sao sổ hộ khẩu',
      statusSeq: 1,
      updatedAt: 10_001,
    });
    await storage().dossiers.applyStatusChanges([change(id, 2, 'processing')]);
    const row = await storage().dossiers.getDossier(id);
    expect(row?.status).toBe('processing');
    expect(row).not.toHaveProperty('note');
  });

  it('applies changes in sequence order and ignores old or repeated ones', async () => {
    const id = await storedDossier('HS-1', 1000);
    await storage().dossiers.applyStatusChanges([change(id, 3, 'result-ready'), change(id, 2, 'processing')]);
    expect((await storage().dossiers.getDossier(id))?.status).toBe('result-ready');
    const again = await storage().dossiers.applyStatusChanges([change(id, 2, 'processing'), change(id, 3, 'result-ready')]);
    expect(again.applied).toEqual([]);
    expect((await storage().dossiers.getDossier(id))?.statusSeq).toBe(3);
  });

  it('skips and reports changes for dossiers it does not know', async () => {
    const id = await storedDossier('HS-1', 1000);
    const result = await storage().dossiers.applyStatusChanges([change('stranger', 1, 'received'), change(id, 2, 'received')]);
    expect(result).toEqual({ applied: [id], unknown: ['stranger'] });
    expect(await storage().dossiers.getDossier('stranger')).toBeUndefined();
  });

  it('queueing a dossier the server holds again leaves its pulled status alone', async () => {
    const submission = makeSubmission();
    await storage().outbox.enqueueSubmission(submission, 'A', 1000);
    await storage().outbox.markSending([submission.id], Date.now());
    await storage().outbox.recordResults([{ id: submission.id, outcome: 'stored', dossierCode: 'HS-1', receivedAt: 1000 }], Date.now());
    await storage().dossiers.applyStatusChanges([change(submission.id, 5, 'received')]);
    await storage().outbox.enqueueSubmission(submission, 'A', 2000);
    expect((await storage().dossiers.getDossier(submission.id))?.status).toBe('received');
  });

  it('keeps only code, form, dates and status once a dossier is refused or returned', async () => {
    const refused = await storedDossier('HS-1', 1000);
    const open = await storedDossier('HS-2', 1000);
    await storage().dossiers.applyStatusChanges([
      change(refused, 1, 'refused', 'Không thuộc thẩm quyền'),
      change(open, 2, 'supplement-requested', 'Thiếu ảnh'),
    ]);
    const gone = await storage().dossiers.getDossier(refused);
    expect(gone).toMatchObject({ id: refused, dossierCode: 'HS-1', status: 'refused', label: '', receivedAt: 1000 });
    expect(gone).not.toHaveProperty('note');
    expect(await storage().dossiers.getDossier(open)).toMatchObject({ label: 'Người HS-2', note: 'Thiếu ảnh' });
  });

  it('forgets the name and note 30 days after the server stored the dossier, not a moment before', async () => {
    const day = 86_400_000;
    const old = await storedDossier('HS-1', 1000);
    const young = await storedDossier('HS-2', 1000 + day);
    await storage().dossiers.applyStatusChanges([change(old, 1, 'supplement-requested', 'Thiếu ảnh')]);
    const now = 1000 + 30 * day;
    expect(await storage().dossiers.forgetPersonal(now)).toEqual([old]);
    const row = await storage().dossiers.getDossier(old);
    expect(row).toMatchObject({ label: '', status: 'supplement-requested', dossierCode: 'HS-1' });
    expect(row).not.toHaveProperty('note');
    expect((await storage().dossiers.getDossier(young))?.label).toBe('Người HS-2');
    // Nothing left to forget: a second pass changes nothing.
    expect(await storage().dossiers.forgetPersonal(now)).toEqual([]);
  });
});

describe("a dossier's story", () => {
  it('starts with the push answer and adds each pulled change once, in server order', async () => {
    const id = await storedDossier('HS-1', 1000);
    expect((await storage().dossiers.getDossier(id))?.history).toEqual([{ status: 'submitted', at: 1000 }]);
    await storage().dossiers.applyStatusChanges([change(id, 2, 'processing'), change(id, 1, 'supplement-requested', 'Thiếu ảnh')]);
    await storage().dossiers.applyStatusChanges([change(id, 2, 'processing')]);
    const history = (await storage().dossiers.getDossier(id))?.history;
    expect(history).toEqual([
      { status: 'submitted', at: 1000 },
      { status: 'supplement-requested', at: 10_001, note: 'Thiếu ảnh', seq: 1 },
      { status: 'processing', at: 10_002, seq: 2 },
    ]);
  });
});

describe('followed dossiers', () => {
  const ID = '0b7c6f8e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
  const followed = { id: ID, dossierCode: '15865-250714-K7Q2MX', status: 'received', changedAt: 5000, seq: 4 } as const;

  it('are stored without a name, then follow pulls; an older lookup answer changes nothing', async () => {
    const row = await storage().dossiers.recordFollowed(followed, 'tam-tru-ct01', 6000);
    expect(row).toMatchObject({ id: ID, label: '', followed: true, status: 'received', statusSeq: 4, formId: 'tam-tru-ct01' });
    expect(await storage().dossiers.applyStatusChanges([{ ...followed, status: 'processing', seq: 5, changedAt: 7000 }])).toEqual({
      applied: [ID],
      unknown: [],
    });
    await storage().dossiers.recordFollowed(followed, 'tam-tru-ct01', 8000);
    const after = await storage().dossiers.getDossier(ID);
    expect(after?.status).toBe('processing');
    expect(after?.history?.map((e) => e.status)).toEqual(['received', 'processing']);
  });
});
