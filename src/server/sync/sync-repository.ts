/**
 * What the phones' sync needs of the database: push dossiers (their blobs first), pull what the
 * office did with them, and the blobs themselves. Async so the PostgreSQL adapter implements
 * the same interface and passes the same contract tests as the SQLite one.
 */
import type { PlacedAttachment } from '../../domain/attachment-refs';
import type { AttachmentType } from '../../domain/form-schema';
import type { ConsentRecord, DeviceKind, PushResult, StatusChange, Submission } from '../../domain/protocol';

/** A submission that passed the push gate: answers normalised (NFC), commune checked, consent given. */
export interface AcceptedSubmission extends Omit<Submission, 'consent'> {
  consent: ConsentRecord;
  /** The attachment refs in `answers` (attachmentsOf): each blob must be stored before the dossier. */
  attachments: readonly PlacedAttachment[];
}

/**
 * Who pushes: the device the credential named, and what each stored dossier records of it: a
 * resident's own phone (self-submitted), or a staff member's enrolled phone with their village.
 */
export interface PushSender {
  deviceId: string;
  kind: DeviceKind;
  /** Staff devices: the account the device is enrolled for. */
  staffId?: string;
  villageId?: string;
}

export interface PullPage {
  changes: StatusChange[];
  /** Highest seq returned, or `since` when nothing is new. */
  cursor: number;
}

/** What is known of a stored blob without reading its bytes. */
export interface BlobInfo {
  type: AttachmentType;
  size: number;
}

/** What a device stored in a window: how many rows, how many bytes (blobs), and when the oldest was stored. */
export interface DeviceUsage {
  count: number;
  bytes: number;
  /** null when nothing is in the window. */
  oldestAt: number | null;
}

export interface StoredBlob extends BlobInfo {
  bytes: Uint8Array;
}

export interface SyncRepository {
  /**
   * Stores a batch in ONE transaction. Every attachment must have its blob stored for the item's
   * commune with the declared size and type, else the item is `missing-blobs` (the hashes not
   * stored) or `invalid` (`attachment-size` / `attachment-type` on the field path) and is not
   * stored (blob-check.ts). The others are decided by decidePush: new ids `stored` (with a
   * 'received' status change), an id held with the same content `duplicate` with the first
   * answer and the current status, with other content `conflict` (naming the held code only
   * when the sender already follows that dossier). The device follows every dossier answered
   * stored or duplicate (device-links.ts). Stored dossiers record the sender. One result per
   * item, in order; all or nothing on failure.
   */
  pushBatch(sender: PushSender, items: readonly AcceptedSubmission[], now: number): Promise<PushResult[]>;
  /** Status changes of the dossiers this device follows with seq > since, oldest first. */
  pullChanges(deviceId: string, since: number, limit: number): Promise<PullPage>;
  /** Type and size of a blob stored for this commune; null when it is not stored. */
  hasBlob(sha256: string, communeCode: string): Promise<BlobInfo | null>;
  /**
   * Stores a blob whose hash the caller has checked, recording the device that uploaded it; true
   * when it was new. Idempotent: a blob already stored (also by a concurrent call) is left as it
   * is (its first uploader too) and answers false, never an error. A new blob is unreferenced
   * until a stored dossier names it (pushBatch marks it), and purgeUnreferencedBlobs deletes it
   * if that never happens.
   */
  putBlob(sha256: string, type: AttachmentType, bytes: Uint8Array, communeCode: string, now: number, deviceId: string): Promise<boolean>;
  /** Which of these dossier ids are already stored (a retry costs a resident phone no allowance). */
  storedIds(ids: readonly string[]): Promise<Set<string>>;
  /** Dossiers first stored by this device with received_at > since, counted up to `cap` (the daily dossier allowance). */
  dossiersStoredBy(deviceId: string, since: number, cap: number): Promise<DeviceUsage>;
  /** Blobs first uploaded by this device with stored_at > since, and their bytes (the daily photo allowance). */
  blobsUploadedBy(deviceId: string, since: number): Promise<DeviceUsage>;
  /**
   * Deletes the blobs that no stored dossier has referenced and that were uploaded before
   * `storedBefore`; answers how many. A push that references a blob in the same moment either
   * marked it first (it stays) or finds it gone and answers `missing-blobs` (the phone uploads it again).
   */
  purgeUnreferencedBlobs(storedBefore: number): Promise<number>;
  /** The hashes of `hashes` not stored for this commune, each once, in the order given. */
  missingBlobs(hashes: readonly string[], communeCode: string): Promise<string[]>;
  /** A stored blob with its bytes (for the officer); null when it is not stored. */
  getBlob(sha256: string, communeCode: string): Promise<StoredBlob | null>;
}

export interface SyncRepositoryOptions {
  /** Source of dossier code suffixes; tests inject collisions. */
  codeSuffix?: () => string;
}
