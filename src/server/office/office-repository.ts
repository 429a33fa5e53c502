/**
 * The one-stop shop's reads over the dossiers (the inbox, the register) and the commune's
 * settings. Status changes themselves go through dossiers/ (applyTransition); this capability
 * only reads them, so the lifecycle has one door.
 */
import type { CommuneSettings, InboxPage, InboxQuery } from '../../domain/office';
import type { DossierStatus } from '../../domain/protocol';

export interface InboxRequest extends InboxQuery {
  communeCode: string;
  /** "overdue": due before this instant (now). */
  now: number;
  /** "soon": due at or before this instant (the end of the next working day). */
  soonUntil: number;
}

/** One line of the register (Sổ theo dõi hồ sơ): a dossier received in the period. */
export interface RegisterRow {
  dossierCode: string;
  formId: string;
  answersJson: string;
  status: DossierStatus;
  receivedAt: number;
  /** When an officer received it (the `receive` change), and who. */
  acceptedAt?: number;
  acceptedBy?: string;
  dueAt?: number;
  /** When the result was returned. */
  returnedAt?: number;
}

export interface OfficeRepository {
  inbox(request: InboxRequest): Promise<InboxPage>;
  /** Dossiers of the commune that reached the server in [from, to), oldest first, at most `limit`. */
  register(communeCode: string, from: number, to: number, limit: number): Promise<RegisterRow[]>;
  /** The stored settings, or null before an admin saved any. */
  getSettings(communeCode: string): Promise<CommuneSettings | null>;
  putSettings(communeCode: string, settings: CommuneSettings, staffId: string, now: number): Promise<void>;
}
