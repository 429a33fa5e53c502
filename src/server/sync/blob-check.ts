/**
 * The attachment check both sync adapters run inside their push transaction, once they have read
 * which of a batch's blobs are stored: a dossier is stored only when all its blobs are there and
 * agree with what the dossier says about them.
 */
import type { PushResult } from '../../domain/protocol';
import type { FieldError } from '../../domain/validate';
import type { AcceptedSubmission, BlobInfo } from './sync-repository';

/** Lookup key of a blob: blobs are stored per commune. */
export function blobKey(communeCode: string, sha256: string): string {
  return `${communeCode}/${sha256}`;
}

/** Each (commune, sha256) pair the batch references, once. */
export function referencedBlobs(items: readonly AcceptedSubmission[]): { communes: string[]; hashes: string[] } {
  const seen = new Set<string>();
  const communes: string[] = [];
  const hashes: string[] = [];
  for (const item of items) {
    for (const { ref } of item.attachments) {
      const key = blobKey(item.communeCode, ref.sha256);
      if (seen.has(key)) continue;
      seen.add(key);
      communes.push(item.communeCode);
      hashes.push(ref.sha256);
    }
  }
  return { communes, hashes };
}

/**
 * Null when every attachment's blob is stored with the declared size and type. Otherwise
 * `invalid` (a ref that disagrees with its blob cannot be fixed by uploading, so it wins) or
 * `missing-blobs` with the hashes to PUT, each once.
 */
export function blobVerdict(item: AcceptedSubmission, stored: ReadonlyMap<string, BlobInfo>): PushResult | null {
  const errors: FieldError[] = [];
  const missing: string[] = [];
  for (const { path, ref } of item.attachments) {
    const blob = stored.get(blobKey(item.communeCode, ref.sha256));
    if (!blob) {
      if (!missing.includes(ref.sha256)) missing.push(ref.sha256);
      continue;
    }
    // One error per field path, as the validator reports.
    if (errors.some((e) => e.field === path)) continue;
    if (blob.size !== ref.size) errors.push({ field: path, code: 'attachment-size' });
    else if (blob.type !== ref.type) errors.push({ field: path, code: 'attachment-type' });
  }
  if (errors.length > 0) return { id: item.id, outcome: 'invalid', errors };
  if (missing.length > 0) return { id: item.id, outcome: 'missing-blobs', missing };
  return null;
}
