/**
 * The one door to the server's dossier data. Async so a PostgreSQL adapter can implement the
 * same interface and pass the same test suite as the embedded SQLite one.
 */
import type { Answers } from '../domain/form-schema';
import type { DossierStatus, PushResult, StatusChange } from '../domain/protocol';

export type StoreKind = 'sqlite' | 'postgres';

/** A submission that passed the shared validator: answers normalised (NFC), commune checked. */
export interface AcceptedSubmission {
  id: string;
  formId: string;
  formVersion: number;
  communeCode: string;
  answers: Answers;
  submittedAt: number;
}

/** What the store can answer for an accepted submission. */
export type StoreResult = Extract<PushResult, { outcome: 'stored' | 'duplicate' | 'conflict' }>;

export interface StoredDossier extends AcceptedSubmission {
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

export interface DossierStore {
  readonly kind: StoreKind;
  /**
   * Stores a batch in ONE transaction: new ids are `stored` (with a 'received' status change),
   * an id already stored with identical content is `duplicate` with the first answer, with
   * different content `conflict`. One result per item, in order; all or nothing on failure.
   */
  pushBatch(deviceId: string, items: readonly AcceptedSubmission[], now: number): Promise<StoreResult[]>;
  /** Status changes of this device's dossiers with seq > since, oldest first. */
  pullChanges(deviceId: string, since: number, limit: number): Promise<PullPage>;
  /** Records an officer's decision on a dossier found by id or dossier code; null if unknown. */
  setStatus(ref: string, status: DossierStatus, note: string | undefined, now: number): Promise<StatusChange | null>;
  /** A dossier by id or dossier code; null if unknown. */
  getDossier(ref: string): Promise<StoredDossier | null>;
  countDossiers(): Promise<number>;
  close(): Promise<void>;
}
