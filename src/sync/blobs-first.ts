/**
 * Wires blob upload into the sync engine: `beforePush` uploads the photos of a batch before it is
 * pushed, and `canResendBlobs` tells the engine a `missing-blobs` answer is worth a retry (this
 * phone still holds those blobs and the server has not refused them) instead of parking the row.
 */
import { attachmentHashesIn } from '../domain/attachment-hashes';
import type { Blobs } from '../storage/blobs';
import { authorizationOf, type DeviceCredential } from '../domain/device-credential';
import type { OutboxRow } from '../storage/db';
import { STOPPING_ERRORS, uploadBlobs, type BlobUploadDeps } from './blob-upload';
import type { BeforePush } from './engine';
import type { TransportAnswer, TransportDeps } from './transport';

export interface BlobsFirst {
  beforePush: BeforePush;
  canResendBlobs: (missing: readonly string[]) => Promise<boolean>;
}

/** The phone's blob store, as far as uploading needs it. */
export type BlobSource = Pick<Blobs, 'getBlob' | 'hasAllBlobs'>;

/** Every blob hash the rows' answers reference, each once. */
export function batchBlobHashes(rows: readonly OutboxRow[]): string[] {
  return attachmentHashesIn(rows.map((row) => row.submission.answers));
}

export function createBlobsFirst(source: BlobSource): BlobsFirst {
  const readBlob: BlobUploadDeps['readBlob'] = (sha256) => source.getBlob(sha256);
  const hasAll = (hashes: readonly string[]) => source.hasAllBlobs(hashes);
  // Hashes the server refused outright (wrong type, too large, bytes that do not match): sending
  // them again cannot help, so their dossiers are parked for the user to retake the photo.
  const refused = new Set<string>();

  async function beforePush(
    rows: readonly OutboxRow[],
    transport: TransportDeps,
    credential: DeviceCredential,
    onPhotoDone?: (sha256: string) => void,
  ): Promise<TransportAnswer<unknown>> {
    const hashes = batchBlobHashes(rows);
    if (hashes.length === 0) return { kind: 'ok', body: undefined };
    const report = await uploadBlobs(hashes, {
      fetch: transport.fetch,
      baseUrl: transport.baseUrl,
      timeoutMs: transport.timeoutMs,
      readBlob,
      authorization: authorizationOf(credential),
      ...(onPhotoDone ? { onDone: onPhotoDone } : {}),
    });
    const stopped = report.failed.find((f) => STOPPING_ERRORS.has(f.error));
    if (stopped?.error === 'update-required') return { kind: 'update-required' };
    // The push says whether the phone was revoked or is unknown; its answer decides (a HEAD cannot tell).
    if (stopped?.error === 'unauthorized') return { kind: 'ok', body: report };
    if (stopped?.error === 'rate-limited') {
      const code = stopped.quota ? ('quota-exceeded' as const) : ('refused' as const);
      const error = { code, detail: { blob: stopped.sha256, status: 429 } };
      return { kind: 'rate-limited', retryAfterMs: stopped.retryAfterMs, error };
    }
    if (stopped)
      return { kind: 'offline', error: { code: stopped.error === 'timeout' ? 'timeout' : 'network', detail: { blob: stopped.sha256 } } };
    if (report.failed.some((f) => f.error === 'server'))
      return { kind: 'failed', error: { code: 'server', detail: { blobs: report.failed } } };
    for (const f of report.failed) if (f.error === 'refused') refused.add(f.sha256);
    // What is still missing (not on this phone, or refused) comes back as `missing-blobs` from the push.
    return { kind: 'ok', body: report };
  }

  async function canResendBlobs(missing: readonly string[]): Promise<boolean> {
    if (missing.some((hash) => refused.has(hash))) return false;
    return hasAll(missing);
  }

  return { beforePush, canResendBlobs };
}
