/**
 * The one door to the server's dossier data. Async so a PostgreSQL adapter can implement the
 * same interface and pass the same test suite as the embedded SQLite one.
 */
import type { PlacedAttachment } from '../domain/attachment-refs';
import type { AttachmentType } from '../domain/form-schema';
import type { ConsentRecord, DossierStatus, PushResult, StatusChange, Submission } from '../domain/protocol';

export type StoreKind = 'sqlite' | 'postgres';

/** A submission that passed the shared validator: answers normalised (NFC), commune checked. */
export interface AcceptedSubmission extends Omit<Submission, 'consent'> {
  consent: ConsentRecord;
  /** The attachment refs in `answers` (attachmentsOf): each blob must be stored before the dossier. */
  attachments: readonly PlacedAttachment[];
}

/**
 * What the store can answer for an accepted submission: besides stored/duplicate/conflict,
 * `missing-blobs`, or `invalid` when an attachment's declared size or type disagrees with its blob.
 */
export type StoreResult = PushResult;

export interface StoredDossier extends Omit<AcceptedSubmission, 'consent' | 'attachments'> {
  /** Absent only on dossiers stored before consent was recorded (schema version 1). */
  consent?: ConsentRecord;
  dossierCode: string;
  deviceId: string;
  contentHash: string;
  receivedAt: number;
  status: DossierStatus;
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

export interface StoredBlob extends BlobInfo {
  bytes: Uint8Array;
}

export interface DossierStore {
  readonly kind: StoreKind;
  /**
   * Stores a batch in ONE transaction: new ids are `stored` (with a 'received' status change),
   * an id already stored with identical content is `duplicate` with the first answer, with
   * different content `conflict`. Before any of that, in the same transaction, every attachment
   * must have its blob stored for the item's commune with the declared size and type: else the
   * item is `missing-blobs` (the hashes not stored) or `invalid` (`attachment-size` /
   * `attachment-type` on the field path) and is not stored. One result per item, in order; all
   * or nothing on failure.
   */
  pushBatch(deviceId: string, items: readonly AcceptedSubmission[], now: number): Promise<StoreResult[]>;
  /** Status changes of this device's dossiers with seq > since, oldest first. */
  pullChanges(deviceId: string, since: number, limit: number): Promise<PullPage>;
  /** Records an officer's decision on a dossier found by id or dossier code; null if unknown. */
  setStatus(ref: string, status: DossierStatus, note: string | undefined, now: number): Promise<StatusChange | null>;
  /** A dossier by id or dossier code; null if unknown. */
  getDossier(ref: string): Promise<StoredDossier | null>;
  countDossiers(): Promise<number>;
  /** Type and size of a blob stored for this commune; null when it is not stored. */
  hasBlob(sha256: string, communeCode: string): Promise<BlobInfo | null>;
  /**
   * Stores a blob whose hash the caller has checked; true when it was new. Idempotent: a blob
   * already stored (also by a concurrent call) is left as it is and answers false, never an error.
   */
  putBlob(sha256: string, type: AttachmentType, bytes: Uint8Array, communeCode: string, now: number): Promise<boolean>;
  /** The hashes of `hashes` not stored for this commune, each once, in the order given. */
  missingBlobs(hashes: readonly string[], communeCode: string): Promise<string[]>;
  /** A stored blob with its bytes (for the officer); null when it is not stored. */
  getBlob(sha256: string, communeCode: string): Promise<StoredBlob | null>;
  close(): Promise<void>;
}
