/**
 * The `drafts` table: forms being filled on this phone, one row per dossier UUID. A row lives
 * until the dossier is queued for sending (outbox.ts removes it in the same transaction) or the
 * user deletes it. This is the only module that reads or writes `drafts`; outbox.ts calls the
 * helpers below inside its own transactions, which Dexie joins automatically.
 */
import type { Answers } from '../domain/form-schema';
import { type DraftRow, getDb } from './db';
import { guardQuota } from './quota';

export type { DraftRow } from './db';

export interface DraftPatch {
  answers?: Answers;
  focusField?: string;
  label?: string;
}

/** Starts a draft; its id is the dossier's idempotency key from now on. A full phone throws StorageFullError. */
export async function createDraft(formId: string, formVersion: number, now: number = Date.now()): Promise<DraftRow> {
  const row: DraftRow = {
    id: crypto.randomUUID(),
    formId,
    formVersion,
    answers: {},
    createdAt: now,
    updatedAt: now,
  };
  await guardQuota(() => getDb().drafts.add(row));
  return row;
}

/**
 * Saves what changed, in one readwrite transaction. Safe on every keystroke: saves apply in call
 * order, and a save that arrives after the draft was submitted or deleted does nothing instead of
 * bringing the draft back. A full phone throws StorageFullError and the stored draft stays as it was.
 */
export async function saveDraft(id: string, patch: DraftPatch, now: number = Date.now()): Promise<void> {
  const db = getDb();
  await guardQuota(() => db.transaction('rw', db.drafts, async () => {
    const row = await db.drafts.get(id);
    if (!row) return;
    const next: DraftRow = { ...row, updatedAt: Math.max(now, row.updatedAt) };
    if (patch.answers !== undefined) next.answers = patch.answers;
    if (patch.focusField !== undefined) next.focusField = patch.focusField;
    if (patch.label !== undefined) next.label = patch.label;
    await db.drafts.put(next);
  }));
}

export function getDraft(id: string): Promise<DraftRow | undefined> {
  return getDb().drafts.get(id);
}

/** Newest first, as the drafts list shows them. */
export function listDrafts(): Promise<DraftRow[]> {
  return getDb().drafts.orderBy('updatedAt').reverse().toArray();
}

export function deleteDraft(id: string): Promise<void> {
  return getDb().drafts.delete(id);
}

/** Writes a whole draft row (outbox.ts uses it to return a refused dossier to the drafts). */
export async function putDraft(row: DraftRow): Promise<void> {
  await getDb().drafts.put(row);
}
