/**
 * The `blobs` table: compressed photos and scans of papers, keyed by the SHA-256 of their bytes,
 * so one photo is stored once however many answers point at it. The only module that touches
 * `blobs`. A blob lives while a draft or an outbox row references it; once the server holds the
 * dossier it is deleted (the commune has it, and the phone keeps no personal data it no longer needs).
 */
import { attachmentHashesIn } from '../domain/attachment-hashes';
import type { BlobRow, McldDb } from './db';
import type { Drafts } from './drafts';
import type { Outbox } from './outbox';
import { guardQuota } from './quota';

export type { BlobRow } from './db';

/**
 * A blob younger than this survives a full sweep even when nothing references it yet: a photo is
 * stored a moment before the draft that points at it is saved.
 */
export const UNREFERENCED_GRACE_MS = 24 * 60 * 60 * 1000;

export interface SweepOptions {
  /** Consider only these hashes, however young (the blobs of dossiers that just left the outbox). */
  only?: readonly string[];
  now: number;
  graceMs?: number;
}

export interface Blobs {
  /** Stores `blob` under its hash; storing the same hash again keeps the first copy. A full phone throws StorageFullError. */
  putBlob(sha256: string, blob: Blob, type: string, now: number): Promise<void>;
  getBlob(sha256: string): Promise<{ blob: Blob; type: string } | undefined>;
  hasBlob(sha256: string): Promise<boolean>;
  /** Whether every one of `hashes` is stored here (so it can be uploaded again). */
  hasAllBlobs(hashes: readonly string[]): Promise<boolean>;
  /**
   * Deletes blobs no draft and no outbox row references; returns their hashes. Without `only`,
   * blobs stored less than `graceMs` ago are kept (their draft may not be saved yet).
   */
  deleteUnreferencedBlobs(options: SweepOptions): Promise<string[]>;
  /** Deletes the blobs these answers reference that nothing else on the phone still needs. */
  deleteBlobsOf(answers: readonly unknown[], now: number): Promise<string[]>;
  /** Deletes every blob (the wipe of everything). */
  clear(): Promise<void>;
}

export function createBlobs(db: McldDb, tables: { drafts: Drafts; outbox: Outbox }): Blobs {
  async function deleteUnreferencedBlobs({ only, now, graceMs = UNREFERENCED_GRACE_MS }: SweepOptions): Promise<string[]> {
    return db.transaction('rw', [db.blobs, db.drafts, db.outbox], async () => {
      const referenced = new Set<string>();
      for (const draft of await tables.drafts.listDrafts()) for (const hash of attachmentHashesIn(draft.answers)) referenced.add(hash);
      for (const row of await tables.outbox.listOutbox())
        for (const hash of attachmentHashesIn(row.submission.answers)) referenced.add(hash);
      const candidates: BlobRow[] = only
        ? (await db.blobs.bulkGet([...only])).filter((row): row is BlobRow => row !== undefined)
        : (await db.blobs.toArray()).filter((row) => now - row.storedAt >= graceMs);
      const doomed = candidates.map((row) => row.sha256).filter((hash) => !referenced.has(hash));
      await db.blobs.bulkDelete(doomed);
      return doomed;
    });
  }

  return {
    async putBlob(sha256, blob, type, now) {
      await guardQuota(() =>
        db.transaction('rw', db.blobs, async () => {
          if (await db.blobs.get(sha256)) return;
          await db.blobs.add({ sha256, blob, type, size: blob.size, storedAt: now });
        }),
      );
    },
    async getBlob(sha256) {
      const row = await db.blobs.get(sha256);
      return row ? { blob: row.blob, type: row.type } : undefined;
    },
    hasBlob: async (sha256) => (await db.blobs.where('sha256').equals(sha256).count()) > 0,
    hasAllBlobs: async (hashes) => (await db.blobs.bulkGet([...hashes])).every((row) => row !== undefined),
    deleteUnreferencedBlobs,
    clear: () => db.blobs.clear(),
    async deleteBlobsOf(answers, now) {
      const hashes = attachmentHashesIn(answers);
      return hashes.length === 0 ? [] : deleteUnreferencedBlobs({ only: hashes, now });
    },
  };
}
