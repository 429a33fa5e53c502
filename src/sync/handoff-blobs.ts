/**
 * Photos in a hand-off file: the blobs of the exported dossiers go with them, and an imported
 * blob is stored only when its bytes really hash to its name (a file can be damaged or forged).
 */
import { attachmentHashesIn } from '../domain/attachment-hashes';
import type { Blobs } from '../storage/blobs';
import type { Outbox } from '../storage/outbox';
import { type HandoffBlob, fromBase64, toBase64 } from './handoff';

interface BlobStorage {
  outbox: Pick<Outbox, 'listOutbox'>;
  blobs: Pick<Blobs, 'getBlob' | 'putBlob'>;
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The photos the given outbox rows reference and this phone holds. */
export async function collectOutboxBlobs(storage: BlobStorage, ids: readonly string[]): Promise<HandoffBlob[]> {
  const wanted = new Set(ids);
  const rows = (await storage.outbox.listOutbox()).filter((row) => wanted.has(row.id));
  const hashes = [...new Set(rows.flatMap((row) => attachmentHashesIn(row.submission.answers)))];
  const blobs: HandoffBlob[] = [];
  for (const sha256 of hashes) {
    const stored = await storage.blobs.getBlob(sha256);
    if (!stored) continue; // the dossier will come back missing-blobs and say so
    blobs.push({ sha256, type: stored.type, data: toBase64(new Uint8Array(await stored.blob.arrayBuffer())) });
  }
  return blobs;
}

/** Stores a file's photos, refusing any whose bytes do not match their hash. */
export async function storeHandoffBlobs(storage: Pick<BlobStorage, 'blobs'>, blobs: readonly HandoffBlob[], now: number): Promise<void> {
  for (const item of blobs) {
    const bytes = fromBase64(item.data);
    if ((await sha256Hex(bytes)) !== item.sha256) throw new Error(`photo ${item.sha256.slice(0, 8)} is damaged`);
    await storage.blobs.putBlob(item.sha256, new Blob([bytes], { type: item.type }), item.type, now);
  }
}
