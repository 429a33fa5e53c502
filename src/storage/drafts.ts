/**
 * The `drafts` table: forms being filled on this phone, one row per dossier UUID. A row lives
 * until the dossier is queued for sending (the outbox removes it in the same transaction) or the
 * user deletes it. This is the only module that reads or writes `drafts`; the outbox calls the
 * methods below inside its own transactions, which Dexie joins automatically.
 */
import type { Answers } from '../domain/form-schema';
import type { DraftRow, McldDb } from './db';
import { guardQuota } from './quota';

export type { DraftRow } from './db';

export interface DraftPatch {
  answers?: Answers;
  focusField?: string;
  label?: string;
}

/**
 * Whether anything was put into a draft yet (an answer, a photo, a name). A tap on a form button
 * opens a draft row at once (its id is the idempotency key), but until something is typed it is
 * not a draft the resident would recognise, so the home screen does not list it as "Chưa có tên".
 */
export function draftHasContent(row: Pick<DraftRow, 'answers' | 'label'>): boolean {
  if (row.label) return true;
  return Object.values(row.answers).some((v) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0));
}

export interface Drafts {
  /** Starts a draft; its id is the dossier's idempotency key from now on. A full phone throws StorageFullError. */
  createDraft(formId: string, formVersion: number, now: number): Promise<DraftRow>;
  /**
   * Saves what changed, in one readwrite transaction. Safe on every keystroke: saves apply in call
   * order, and a save that arrives after the draft was submitted or deleted does nothing instead of
   * bringing the draft back. A full phone throws StorageFullError and the stored draft stays as it was.
   */
  saveDraft(id: string, patch: DraftPatch, now: number): Promise<void>;
  getDraft(id: string): Promise<DraftRow | undefined>;
  /** Newest first, as the drafts list shows them. */
  listDrafts(): Promise<DraftRow[]>;
  deleteDraft(id: string): Promise<void>;
  /** Writes a whole draft row (the outbox uses it to return a refused dossier to the drafts). */
  putDraft(row: DraftRow): Promise<void>;
}

export function createDrafts(db: McldDb): Drafts {
  return {
    async createDraft(formId, formVersion, now) {
      const row: DraftRow = { id: crypto.randomUUID(), formId, formVersion, answers: {}, createdAt: now, updatedAt: now };
      await guardQuota(() => db.drafts.add(row));
      return row;
    },
    async saveDraft(id, patch, now) {
      await guardQuota(() =>
        db.transaction('rw', db.drafts, async () => {
          const row = await db.drafts.get(id);
          if (!row) return;
          const next: DraftRow = { ...row, updatedAt: Math.max(now, row.updatedAt) };
          if (patch.answers !== undefined) next.answers = patch.answers;
          if (patch.focusField !== undefined) next.focusField = patch.focusField;
          if (patch.label !== undefined) next.label = patch.label;
          await db.drafts.put(next);
        }),
      );
    },
    getDraft: (id) => db.drafts.get(id),
    listDrafts: () => db.drafts.orderBy('updatedAt').reverse().toArray(),
    deleteDraft: (id) => db.drafts.delete(id),
    async putDraft(row) {
      await db.drafts.put(row);
    },
  };
}
