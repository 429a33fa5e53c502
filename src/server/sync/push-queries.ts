/**
 * Rows a push reads back, as both adapters map them: what is held under an id, and a dossier's
 * current status for the push answer. PostgreSQL gives BIGINT columns as strings, hence Number().
 */
import type { CurrentStatus, DossierStatus } from '../../domain/protocol';
import type { HeldDossier } from '../../domain/push-decision';

/** A dossier's status and the latest status change (the one that set it). */
export interface StatusRow {
  status: string;
  seq: number | string | null;
  note: string | null;
}

/** What the push decision needs of a stored dossier. */
export interface HeldRow {
  dossier_code: string;
  content_hash: string;
  received_at: number | string;
  /** Whether the pushing device follows the dossier: 0/1 from SQLite, a boolean from PostgreSQL. */
  followed?: number | boolean;
}

export function toCurrentStatus(row: StatusRow): CurrentStatus {
  const current: CurrentStatus = { status: row.status as DossierStatus };
  if (row.seq !== null) current.statusSeq = Number(row.seq);
  if (row.note !== null) current.statusNote = row.note;
  return current;
}

/** The held row for decidePush, with its current status when the adapter has read it already. */
export function toHeldDossier(row: HeldRow, current: CurrentStatus = {}): HeldDossier {
  const held: HeldDossier = {
    contentHash: row.content_hash,
    dossierCode: row.dossier_code,
    receivedAt: Number(row.received_at),
    ...current,
  };
  if (row.followed !== undefined) held.followedBySender = row.followed === true || row.followed === 1;
  return held;
}
