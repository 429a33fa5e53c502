import { describe, expect, it } from 'vitest';
import { createDraft, deleteDraft, getDraft, listDrafts, saveDraft } from '../../../src/storage/drafts';
import { DB_NAME, createDb, getDb, openDb, setDb } from '../../../src/storage/db';
import { useFreshStorage } from './fresh-storage';

const storage = useFreshStorage();

describe('drafts', () => {
  it('creates a draft with a fresh UUID, empty answers and both timestamps', async () => {
    const draft = await createDraft('tam-tru-ct01', 1, 1000);
    expect(draft.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(draft).toMatchObject({ formId: 'tam-tru-ct01', formVersion: 1, answers: {}, createdAt: 1000, updatedAt: 1000 });
    expect(await getDraft(draft.id)).toEqual(draft);
    const other = await createDraft('tam-tru-ct01', 1, 1000);
    expect(other.id).not.toBe(draft.id);
  });

  it('saves answers, focus and label, and moves updatedAt', async () => {
    const draft = await createDraft('tam-tru-ct01', 1, 1000);
    await saveDraft(draft.id, { answers: { hoTen: 'Trần Văn Đức' }, focusField: 'hoTen' }, 2000);
    await saveDraft(draft.id, { label: 'Trần Văn Đức' }, 3000);
    expect(await getDraft(draft.id)).toEqual({
      ...draft,
      answers: { hoTen: 'Trần Văn Đức' },
      focusField: 'hoTen',
      label: 'Trần Văn Đức',
      updatedAt: 3000,
    });
  });

  it('applies keystroke saves fired without awaiting in call order', async () => {
    const draft = await createDraft('tam-tru-ct01', 1, 1000);
    const word = 'Nguyễn';
    const saves = [...word].map((_, i) => saveDraft(draft.id, { answers: { hoTen: word.slice(0, i + 1) } }, 2000 + i));
    await Promise.all(saves);
    const saved = await getDraft(draft.id);
    expect(saved?.answers).toEqual({ hoTen: word });
    expect(saved?.updatedAt).toBe(2000 + word.length - 1);
  });

  it('a save arriving after the draft was deleted does not bring it back', async () => {
    const draft = await createDraft('tam-tru-ct01', 1, 1000);
    await deleteDraft(draft.id);
    await saveDraft(draft.id, { answers: { hoTen: 'late keystroke' } }, 2000);
    expect(await getDraft(draft.id)).toBeUndefined();
    expect(await listDrafts()).toEqual([]);
  });

  it('lists the most recently edited first', async () => {
    const a = await createDraft('tam-tru-ct01', 1, 1000);
    const b = await createDraft('tam-tru-ct01', 1, 2000);
    const c = await createDraft('tam-tru-ct01', 1, 3000);
    await saveDraft(a.id, { label: 'A' }, 4000);
    expect((await listDrafts()).map((d) => d.id)).toEqual([a.id, c.id, b.id]);
  });

  it('deletes one draft and leaves the others', async () => {
    const a = await createDraft('tam-tru-ct01', 1, 1000);
    const b = await createDraft('tam-tru-ct01', 1, 2000);
    await deleteDraft(a.id);
    expect((await listDrafts()).map((d) => d.id)).toEqual([b.id]);
  });
});

describe('database', () => {
  it('every transaction asks for strict durability', async () => {
    const db = storage.db();
    const durability = await db.transaction('rw', db.drafts, (tx) => tx.idbtrans.durability);
    expect(durability).toBe('strict');
  });

  it('declares version 3 with the four tables and their indexes', async () => {
    const db = storage.db();
    expect(db.verno).toBe(3);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['blobs', 'dossiers', 'drafts', 'outbox']);
    expect(db.outbox.schema.indexes.map((i) => i.name).sort()).toEqual(['[state+nextAttemptAt]', 'nextAttemptAt', 'queuedAt', 'state']);
    expect(db.drafts.schema.indexes.map((i) => i.name)).toEqual(['updatedAt']);
  });

  it('createDb defaults to the app database name; openDb installs what it opens', async () => {
    expect(createDb().name).toBe(DB_NAME);
    const previous = getDb();
    const opened = await openDb(`open-${crypto.randomUUID()}`);
    expect(getDb()).toBe(opened);
    expect(opened.isOpen()).toBe(true);
    opened.close();
    setDb(previous);
  });
});
