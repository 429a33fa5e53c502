/**
 * The `drafts` table: forms being filled on this phone, one row per dossier UUID. A row lives
 * until the dossier is queued for sending (the outbox removes it in the same transaction) or the
 * user deletes it. This is the only module that reads or writes `drafts`; the outbox calls the
 * methods below inside its own transactions, which Dexie joins automatically.
 *
 * At rest: once a PIN is set (vault.ts), the personal fields (answers, label, focus, server
 * errors) are written encrypted under the data key as `secret`, bound to the row id; id, form and
 * dates stay in clear so lists sort. While locked, reads and writes of an encrypted draft throw
 * VaultLockedError: nothing personal is ever written in clear once a PIN exists. The crypto runs
 * inside transactions through Dexie.waitFor, so a save is still one strict transaction.
 */
import { Dexie } from 'dexie';
import type { Key } from '../crypto/bytes';
import { decryptJson, encryptJson } from '../crypto/records';
import type { Answers } from '../domain/form-schema';
import type { DraftRow, McldDb } from './db';
import { guardQuota } from './quota';
import { VaultLockedError, type Vault } from './vault';

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
  /** Encrypts every draft still in clear under `key` (a PIN was just set). */
  encryptAll(key: Key): Promise<number>;
  /** Deletes every draft (the wipe). */
  clear(): Promise<void>;
}

type Secret = Pick<DraftRow, 'answers' | 'focusField' | 'label' | 'serverErrors'>;

const scope = (id: string) => `drafts/${id}`;

async function encryptRow(row: DraftRow, key: Key): Promise<DraftRow> {
  const { answers, focusField, label, serverErrors, secret: _old, ...rest } = row;
  const secret: Secret = { answers };
  if (focusField !== undefined) secret.focusField = focusField;
  if (label !== undefined) secret.label = label;
  if (serverErrors !== undefined) secret.serverErrors = serverErrors;
  return { ...rest, answers: {}, secret: await encryptJson(key, secret, scope(row.id)) };
}

async function decryptRow(row: DraftRow, key: Key | undefined): Promise<DraftRow> {
  if (!row.secret) return row;
  if (!key) throw new VaultLockedError();
  const secret = await decryptJson<Secret>(key, row.secret, scope(row.id));
  if (!secret) throw new Error(`Draft ${row.id} does not decrypt under this key.`);
  const { secret: _s, ...rest } = row;
  return { ...rest, ...secret };
}

/** Without a vault (tests of other things, a phone before v4 code) drafts are kept as they are. */
const NO_VAULT: Pick<Vault, 'key' | 'pinSet'> = { key: () => undefined, pinSet: async () => false };

export function createDrafts(db: McldDb, vault: Pick<Vault, 'key' | 'pinSet'> = NO_VAULT): Drafts {
  /** The key to write with; throws when a PIN is set but the app is locked. */
  async function writeKey(): Promise<Key | undefined> {
    const key = vault.key();
    if (!key && (await vault.pinSet())) throw new VaultLockedError();
    return key;
  }
  // Inside a transaction: keeps it alive while WebCrypto works (a plain await would commit it).
  const within = <T>(work: Promise<T>): Promise<T> => (Dexie.currentTransaction ? Dexie.waitFor(work) : work);
  const toDisk = (row: DraftRow, key: Key | undefined) => (key ? within(encryptRow(row, key)) : Promise.resolve(row));
  const fromDisk = (row: DraftRow) => (row.secret ? within(decryptRow(row, vault.key())) : Promise.resolve(row));
  return {
    async createDraft(formId, formVersion, now) {
      const key = await writeKey();
      const row: DraftRow = { id: crypto.randomUUID(), formId, formVersion, answers: {}, createdAt: now, updatedAt: now };
      const stored = await toDisk(row, key);
      await guardQuota(() => db.drafts.add(stored));
      return row;
    },
    async saveDraft(id, patch, now) {
      const key = await writeKey();
      await guardQuota(() =>
        db.transaction('rw', db.drafts, async () => {
          const stored = await db.drafts.get(id);
          if (!stored) return;
          const row = await fromDisk(stored);
          const next: DraftRow = { ...row, updatedAt: Math.max(now, row.updatedAt) };
          if (patch.answers !== undefined) next.answers = patch.answers;
          if (patch.focusField !== undefined) next.focusField = patch.focusField;
          if (patch.label !== undefined) next.label = patch.label;
          await db.drafts.put(await toDisk(next, key));
        }),
      );
    },
    async getDraft(id) {
      const row = await db.drafts.get(id);
      return row && fromDisk(row);
    },
    async listDrafts() {
      const rows = await db.drafts.orderBy('updatedAt').reverse().toArray();
      return Promise.all(rows.map(fromDisk));
    },
    deleteDraft: (id) => db.drafts.delete(id),
    async putDraft(row) {
      const key = Dexie.currentTransaction ? vault.key() : await writeKey();
      await db.drafts.put(await toDisk(row, key));
    },
    async encryptAll(key) {
      const clear = (await db.drafts.toArray()).filter((row) => !row.secret);
      const encrypted = await Promise.all(clear.map((row) => encryptRow(row, key)));
      await db.transaction('rw', db.drafts, async () => {
        for (const row of encrypted) {
          // A row saved meanwhile (already encrypted) is left as it is.
          const now = await db.drafts.get(row.id);
          if (now && !now.secret) await db.drafts.put(row);
        }
      });
      return encrypted.length;
    },
    clear: () => db.drafts.clear(),
  };
}
