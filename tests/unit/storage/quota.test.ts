/**
 * A full phone: IndexedDB refuses a write with QuotaExceededError. A DBCore middleware makes the
 * chosen table's writes fail exactly like that, inside the real transaction, so we see that the
 * whole transaction is undone and the caller gets one typed StorageFullError.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { createDb, type McldDb } from '../../../src/storage/db';
import { createPhoneStorage, type PhoneStorage } from '../../../src/storage/phone-storage';
import { StorageFullError, guardQuota, isQuotaError, onStorageFull } from '../../../src/storage/quota';
import { makeSubmission } from './fresh-storage';
import { exportOutbox } from '../../../src/sync/handoff-store';
import { decryptHandoff } from '../../../src/sync/handoff';

let full = new Set<string>();
let db: McldDb | null = null;
let phone: PhoneStorage | null = null;
const storage = (): PhoneStorage => phone!;

/** A database whose writes to the tables in `full` fail with QuotaExceededError. */
async function openFullableDb(): Promise<McldDb> {
  const next = createDb(`quota-${crypto.randomUUID()}`);
  next.use({
    stack: 'dbcore',
    name: 'quota-fault',
    create: (core) => ({
      ...core,
      table: (name) => {
        const table = core.table(name);
        return {
          ...table,
          mutate: (req) =>
            full.has(name) ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : table.mutate(req),
        };
      },
    }),
  });
  phone = createPhoneStorage({ db: next });
  await next.open();
  db = next;
  return next;
}

afterEach(() => {
  full = new Set();
  db?.close();
});

describe('a full phone', () => {
  it('enqueue: the draft stays whole, no outbox row, and the caller gets StorageFullError', async () => {
    await openFullableDb();
    const draft = await storage().drafts.createDraft('tam-tru-ct01', 1, 1000);
    await storage().drafts.saveDraft(draft.id, { answers: { fullName: 'Hà Thị Lan' }, label: 'Hà Thị Lan' }, 2000);
    const before = await storage().drafts.getDraft(draft.id);
    full.add('outbox');
    const heard: StorageFullError[] = [];
    const stop = onStorageFull((error) => heard.push(error));
    const attempt = storage().outbox.enqueueSubmission(makeSubmission({ id: draft.id }), 'Hà Thị Lan', 3000);
    await expect(attempt).rejects.toBeInstanceOf(StorageFullError);
    stop();
    expect(heard).toHaveLength(1);
    // The draft delete ran before the failing add, in the same transaction: it was undone.
    expect(await storage().drafts.getDraft(draft.id)).toEqual(before);
    expect(await storage().outbox.countPending()).toBe(0);
    // Room again: the same submit works and nothing is left over from the failed one.
    full.clear();
    await storage().outbox.enqueueSubmission(makeSubmission({ id: draft.id }), 'Hà Thị Lan', 4000);
    expect(await storage().drafts.listDrafts()).toEqual([]);
    expect((await storage().outbox.getOutboxItem(draft.id))?.queuedAt).toBe(4000);
  });

  it('draft save and draft creation fail typed; the stored draft keeps its last saved answers', async () => {
    await openFullableDb();
    const draft = await storage().drafts.createDraft('tam-tru-ct01', 1, 1000);
    await storage().drafts.saveDraft(draft.id, { answers: { fullName: 'A' } }, 2000);
    full.add('drafts');
    await expect(storage().drafts.saveDraft(draft.id, { answers: { fullName: 'AB' } }, 3000)).rejects.toBeInstanceOf(StorageFullError);
    await expect(storage().drafts.createDraft('tam-tru-ct01', 1, 4000)).rejects.toBeInstanceOf(StorageFullError);
    full.clear();
    expect(await storage().drafts.listDrafts()).toEqual([{ ...draft, answers: { fullName: 'A' }, updatedAt: 2000 }]);
  });

  it('import: all or nothing', async () => {
    await openFullableDb();
    full.add('outbox');
    const items = [makeSubmission(), makeSubmission()].map((submission) => ({ submission, label: 'x', queuedAt: 1 }));
    await expect(storage().outbox.importSubmissions(items, 5000)).rejects.toBeInstanceOf(StorageFullError);
    full.clear();
    expect(await storage().outbox.countPending()).toBe(0);
  });

  it('a full phone can still export its unsent dossiers to a hand-off file', async () => {
    await openFullableDb();
    const submission = makeSubmission();
    await storage().outbox.enqueueSubmission(submission, 'Hà Thị Lan', 1000);
    full.add('outbox');
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const file = await exportOutbox(storage(), 'mật khẩu đủ dài', { deviceId: 'phone-A', now: 2000 });
      expect(file.count).toBe(1);
      expect((await decryptHandoff(file.text, 'mật khẩu đủ dài')).items.map((i) => i.submission)).toEqual([submission]);
    } finally {
      console.warn = warn;
    }
  });

  it('other failures pass through untouched', async () => {
    const boom = new Error('boom');
    await expect(guardQuota(() => Promise.reject(boom))).rejects.toBe(boom);
  });
});

describe('isQuotaError', () => {
  it('finds QuotaExceededError directly, as Dexie inner, as cause, in a BulkError, by legacy code', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', quota))).toBe(true);
    expect(isQuotaError(new Error('x', { cause: quota }))).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: { 3: quota } })).toBe(true);
    expect(isQuotaError({ name: 'Error', code: 22 })).toBe(true);
    expect(isQuotaError(new DOMException('gone', 'AbortError'))).toBe(false);
    expect(isQuotaError(new Error('x'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    const loop: { name: string; inner?: unknown } = { name: 'Error' };
    loop.inner = loop;
    expect(isQuotaError(loop)).toBe(false);
  });
});
