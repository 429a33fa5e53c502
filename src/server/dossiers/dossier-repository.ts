/**
 * The dossiers as the office works on them: the stored records and their status changes.
 * Pushes write them too (sync/), but the lifecycle is decided here: today an officer sets a
 * status; the console's lifecycle service and receipts will grow from this interface.
 */
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
}

export interface DossierRepository {
  /** A dossier by id or dossier code; null if unknown. */
  getDossier(ref: string): Promise<StoredDossier | null>;
  /** Records an officer's decision on a dossier found by id or dossier code; null if unknown. */
  setStatus(ref: string, status: DossierStatus, note: string | undefined, now: number): Promise<StatusChange | null>;
  countDossiers(): Promise<number>;
}
