import { describe, expect, it } from 'vitest';
import { DB_NAME, createDb } from '../../../src/storage/db';
import { createPhoneStorage } from '../../../src/storage/phone-storage';
import { draftHasContent } from '../../../src/storage/drafts';
import { useFreshStorage } from './fresh-storage';

const storage = useFreshStorage();

describe('drafts', () => {
  it('a draft only counts as started once something is in it (a tap on a form button is not a draft to list)', async () => {
    const draft = await storage().drafts.createDraft('tam-tru-ct01', 1, 1000);
    expect(draftHasContent(draft)).toBe(false);
    expect(draftHasContent({ label: '', answers: { fullName: '', members: [] } })).toBe(false);
    await storage().drafts.saveDraft(draft.id, { answers: { fullName: 'H' } }, 2000);
    expect(draftHasContent((await storage().drafts.getDraft(draft.id))!)).toBe(true);
    expect(draftHasContent({ label: 'Bà Hoa', answers: {} })).toBe(true);
    expect(draftHasContent({ label: '', answers: { joinsHousehold: false } })).toBe(true);
  });

  it('creates a draft with a fresh UUID, empty answers and both timestamps', async () => {
    const draft = await storage().drafts.createDraft('tam-tru-ct01', 1, 1000);
    expect(draft.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(draft).toMatchObject({ formId: 'tam-tru-ct01', formVersion: 1, answers: {}, createdAt: 1000, updatedAt: 1000 });
    expect(await storage().drafts.getDraft(draft.id)).toEqual(draft);
    const other = await storage().drafts.createDraft('tam-tru-ct01', 1, 1000);
    expect(other.id).not.toBe(draft.id);
  });

  it('saves answers, focus and label, and moves updatedAt', async () => {
    const draft = await storage().drafts.createDraft('tam-tru-ct01', 1, 1000);
    await storage().drafts.saveDraft(draft.id, { answers: { hoTen: 'Trần Văn Đức' }, focusField: 'hoTen' }, 2000);
    await storage().drafts.saveDraft(draft.id, { label: 'Trần Văn Đức' }, 3000);
    expect(await storage().drafts.getDraft(draft.id)).toEqual({
      ...draft,
      answers: { hoTen: 'Trần Văn Đức' },
      focusField: 'hoTen',
      label: 'Trần Văn Đức',
      updatedAt: 3000,
    });
  });

  it('applies keystroke saves fired without awaiting in call order', async () => {
    const draft = await storage().drafts.createDraft('tam-tru-ct01', 1, 1000);
    const word = 'Nguyễn';
    const saves = [...word].map((_, i) => storage().drafts.saveDraft(draft.id, { answers: { hoTen: word.slice(0, i + 1) } }, 2000 + i));
    await Promise.all(saves);
    const saved = await storage().drafts.getDraft(draft.id);
    expect(saved?.answers).toEqual({ hoTen: word });
    expect(saved?.updatedAt).toBe(2000 + word.length - 1);
  });

  it('a save arriving after the draft was deleted does not bring it back', async () => {
    const draft = await storage().drafts.createDraft('tam-tru-ct01', 1, 1000);
    await storage().drafts.deleteDraft(draft.id);
    await storage().drafts.saveDraft(draft.id, { answers: { hoTen: 'late keystroke' } }, 2000);
    expect(await storage().drafts.getDraft(draft.id)).toBeUndefined();
    expect(await storage().drafts.listDrafts()).toEqual([]);
  });

  it('lists the most recently edited first', async () => {
    const a = await storage().drafts.createDraft('tam-tru-ct01', 1, 1000);
    const b = await storage().drafts.createDraft('tam-tru-ct01', 1, 2000);
    const c = await storage().drafts.createDraft('tam-tru-ct01', 1, 3000);
    await storage().drafts.saveDraft(a.id, { label: 'A' }, 4000);
    expect((await storage().drafts.listDrafts()).map((d) => d.id)).toEqual([a.id, c.id, b.id]);
  });

  it('deletes one draft and leaves the others', async () => {
    const a = await storage().drafts.createDraft('tam-tru-ct01', 1, 1000);
    const b = await storage().drafts.createDraft('tam-tru-ct01', 1, 2000);
    await storage().drafts.deleteDraft(a.id);
    expect((await storage().drafts.listDrafts()).map((d) => d.id)).toEqual([b.id]);
  });
});

describe('database', () => {
  it('every transaction asks for strict durability', async () => {
    const db = storage.db();
    const durability = await db.transaction('rw', db.drafts, (tx) => tx.idbtrans.durability);
    expect(durability).toBe('strict');
  });

  it('declares version 5 with its seven tables and their indexes', async () => {
    const db = storage.db();
    expect(db.verno).toBe(5);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['blobs', 'dossiers', 'drafts', 'outbox', 'vault', 'visitQueue', 'visits']);
    expect(db.outbox.schema.indexes.map((i) => i.name).sort()).toEqual(['[state+nextAttemptAt]', 'nextAttemptAt', 'queuedAt', 'state']);
    expect(db.drafts.schema.indexes.map((i) => i.name)).toEqual(['updatedAt']);
  });

  it('createDb and a default PhoneStorage use the app database name; a PhoneStorage works on the handle it is given', async () => {
    expect(createDb().name).toBe(DB_NAME);
    expect(createPhoneStorage().db.name).toBe(DB_NAME);
    const db = createDb(`open-${crypto.randomUUID()}`);
    const phone = createPhoneStorage({ db });
    expect(phone.db).toBe(db);
    const draft = await phone.drafts.createDraft('tam-tru-ct01', 1, 1000);
    expect(db.isOpen()).toBe(true);
    expect(await db.drafts.get(draft.id)).toEqual(draft);
    phone.close();
  });
});
