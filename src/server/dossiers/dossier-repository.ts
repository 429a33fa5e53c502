/**
 * The dossiers as the office works on them: the stored records and their status changes.
 * Pushes write them too (sync/), but every later status change goes through applyTransition,
 * which asks domain/dossier-lifecycle.ts in the same transaction that reads the status, so two
 * officers acting at once cannot both move a dossier from the same status.
 */
import type { DossierAction, LifecycleActor } from '../../domain/dossier-lifecycle';
import type { ActionDetails } from '../../domain/office';
import type { ConsentRecord, DeviceKind, DossierStatus, StatusChange, Submission } from '../../domain/protocol';

/** A received dossier: what the phone declared (answers normalised) and what the server added. */
export interface StoredDossier extends Omit<Submission, 'consent'> {
  /** Absent only on dossiers stored before consent was recorded (schema version 1). */
  consent?: ConsentRecord;
  dossierCode: string;
  /** The first device that sent it. */
  deviceId: string;
  /** resident: self-submitted from the resident's phone; staff: by the account staffId. Absent before schema 4. */
  deviceKind?: DeviceKind;
  staffId?: string;
  /** The staff member's village when they sent it. */
  villageId?: string;
  contentHash: string;
  receivedAt: number;
  status: DossierStatus;
  /** The appointment, set when an officer received it. */
  dueAt?: number;
  dueEstimated?: boolean;
}

/** One status change as an officer reads it: what, from what, by which action, by whom, when. */
export interface HistoryEntry {
  seq: number;
  status: DossierStatus;
  /** Absent for the change the push recorded, and on changes from before schema 6. */
  from?: DossierStatus;
  action?: DossierAction;
  note?: string;
  changedAt: number;
  by?: { username: string; displayName: string };
  /** What the action recorded beyond the note (documents received, reasons, result, return). */
  details?: ActionDetails;
}

export interface TransitionRequest {
  /** The dossier's id or code. */
  ref: string;
  /** Only a dossier of this commune is found. */
  communeCode: string;
  action: DossierAction;
  actor: LifecycleActor;
  /** The staff account acting (staff actors), stored with the change. */
  staffId?: string;
  note?: string;
  /** Stored with the change; a `receive` also sets the dossier's appointment from it. */
  details?: ActionDetails;
}

export type TransitionResult =
  | { ok: true; dossierId: string; from: DossierStatus; change: StatusChange }
  | { ok: false; reason: 'not-found' | 'forbidden' | 'invalid-transition' };

export interface DossierRepository {
  /** A dossier by id or dossier code; null if unknown. */
  getDossier(ref: string): Promise<StoredDossier | null>;
  /** Every status change of a dossier (by id), oldest first. */
  history(dossierId: string): Promise<HistoryEntry[]>;
  /**
   * Applies a lifecycle action in one transaction: reads the dossier's status, asks
   * decideTransition, and only if it allows the move updates the status and records the change
   * (who, when, from, to, note). Otherwise nothing changes and the reason comes back.
   */
  applyTransition(request: TransitionRequest, now: number): Promise<TransitionResult>;
  countDossiers(): Promise<number>;
  /**
   * Makes `deviceId` follow the dossier (by id): its pulls bring the dossier's status changes
   * from now on (POST /api/v1/lookup). A link already there is kept as it is.
   */
  followDossier(dossierId: string, communeCode: string, deviceId: string, now: number): Promise<void>;
}
