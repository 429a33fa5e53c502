/**
 * Between the hand-off file (handoff.ts) and the outbox: export every unsent dossier of this
 * phone, import a file's dossiers as queued rows that keep their ids. Photos travel in the file's
 * `blobs` section (handoff-blobs.ts).
 */
import type { Blobs } from '../storage/blobs';
import type { ImportSummary, Outbox } from '../storage/outbox';
import { StorageFullError } from '../storage/quota';
import { type HandoffBlob, type HandoffPayload, HandoffError, decryptHandoff, encryptHandoff } from './handoff';
import { collectOutboxBlobs, storeHandoffBlobs } from './handoff-blobs';

/** The phone's storage, as far as a hand-off file needs it. */
export interface HandoffStorage {
  outbox: Pick<Outbox, 'listOutbox' | 'markExported' | 'importSubmissions'>;
  blobs: Pick<Blobs, 'getBlob' | 'putBlob'>;
}

export interface ExportOptions {
  deviceId: string;
  now: number;
  /** Photos of these rows, for the file's blobs section (default: from the phone's blob store). */
  collectBlobs?: (ids: readonly string[]) => Promise<HandoffBlob[]>;
}

export interface ExportResult {
  /** The file's text (JSON envelope). */
  text: string;
  /** Dossiers in the file. */
  count: number;
}

/** Every outbox row, whatever its state: all of them exist nowhere else yet. */
export async function exportOutbox(storage: HandoffStorage, passphrase: string, options: ExportOptions): Promise<ExportResult> {
  const { now } = options;
  const rows = await storage.outbox.listOutbox();
  const ids = rows.map((row) => row.id);
  const payload: HandoffPayload = {
    exportedAt: now,
    deviceId: options.deviceId,
    items: rows.map(({ submission, label, queuedAt }) => ({ submission, label, queuedAt })),
  };
  const blobs = await (options.collectBlobs ?? ((wanted) => collectOutboxBlobs(storage, wanted)))(ids);
  if (blobs.length > 0) payload.blobs = blobs;
  const text = await encryptHandoff(payload, passphrase);
  // Only a note for the list: a full phone (the very reason to export) must still get its file.
  await storage.outbox.markExported(ids, now).catch((error: unknown) => console.warn('could not note the export', error));
  return { text, count: rows.length };
}

export interface ImportOptions {
  now: number;
  /** Stores the file's photos before its dossiers are queued (default: the phone's blob store, hash-checked). */
  storeBlobs?: (blobs: readonly HandoffBlob[]) => Promise<void>;
}

export interface ImportResult extends ImportSummary {
  /** The phone that made the file. */
  fromDevice: string;
  exportedAt: number;
}

/**
 * Decrypts and queues a file's dossiers. Throws HandoffError (wrong passphrase, damaged file) or
 * StorageFullError before anything is queued; importing the same file twice adds nothing.
 */
export async function importHandoffFile(
  storage: HandoffStorage,
  text: string,
  passphrase: string,
  options: ImportOptions,
): Promise<ImportResult> {
  const payload = await decryptHandoff(text, passphrase);
  if (payload.blobs && payload.blobs.length > 0) {
    try {
      await (options.storeBlobs ?? ((blobs) => storeHandoffBlobs(storage, blobs, options.now)))(payload.blobs);
    } catch (error) {
      if (error instanceof StorageFullError) throw error;
      throw new HandoffError('damaged', error instanceof Error ? error.message : String(error));
    }
  }
  const summary = await storage.outbox.importSubmissions(payload.items, options.now);
  return { ...summary, fromDevice: payload.deviceId, exportedAt: payload.exportedAt };
}
