/** "Gửi" as a use case: the clock and the commune come in as arguments; bad answers queue nothing. */
import { describe, expect, it } from 'vitest';
import { findForm } from '../../../src/content/forms';
import { queueDossier } from '../../../src/app/use-cases/queue-dossier';
import { CT01_V1_ANSWERS } from '../../fixtures/ct01-answers';
import { useFreshStorage } from '../storage/fresh-storage';

const storage = useFreshStorage();
const form = findForm('tam-tru-ct01', 1)!;
/** 30/11/2026 10:00 in Vietnam: the fixture's start date (01/12/2026) is not in the past. */
const NOW = Date.UTC(2026, 10, 30, 3, 0, 0);
const consent = { version: 'consent-dossier-2026-11-28', lang: 'vi' as const, agreedAt: NOW - 30_000 };

describe('queueDossier', () => {
  it('queues the draft as a dossier of the given commune, stamped with the given clock, named after the resident', async () => {
    const draft = await storage().drafts.createDraft(form.id, form.version, NOW - 1000);
    const result = await queueDossier(
      { outbox: storage().outbox, communeCode: '12345', now: NOW },
      { draftId: draft.id, form, answers: { ...CT01_V1_ANSWERS }, label: undefined, consent, units: undefined },
    );
    expect(result).toEqual({ outcome: 'queued' });
    expect(await storage().drafts.getDraft(draft.id)).toBeUndefined();
    const row = await storage().outbox.getOutboxItem(draft.id);
    expect(row).toMatchObject({ state: 'queued', label: 'Nguyễn Thị Hoa', queuedAt: NOW, nextAttemptAt: NOW });
    expect(row?.submission).toMatchObject({
      id: draft.id,
      formId: form.id,
      formVersion: 1,
      communeCode: '12345',
      submittedAt: NOW,
      consent,
    });
  });

  it('keeps a renamed draft’s label', async () => {
    const draft = await storage().drafts.createDraft(form.id, form.version, NOW);
    await queueDossier(
      { outbox: storage().outbox, communeCode: '12345', now: NOW },
      { draftId: draft.id, form, answers: { ...CT01_V1_ANSWERS }, label: '  Bà Hoa, thôn 3 ', consent, units: undefined },
    );
    expect((await storage().outbox.getOutboxItem(draft.id))?.label).toBe('Bà Hoa, thôn 3');
  });

  it('answers the server would refuse queue nothing and say which field', async () => {
    const draft = await storage().drafts.createDraft(form.id, form.version, NOW);
    const result = await queueDossier(
      { outbox: storage().outbox, communeCode: '12345', now: NOW },
      { draftId: draft.id, form, answers: { ...CT01_V1_ANSWERS, phone: '0212345678' }, label: undefined, consent, units: undefined },
    );
    expect(result.outcome).toBe('invalid');
    expect(result.outcome === 'invalid' && result.errors.map((e) => e.field)).toContain('phone');
    expect(await storage().outbox.countPending()).toBe(0);
    expect(await storage().drafts.getDraft(draft.id)).toBeDefined();
  });
});
