/**
 * The one rule for a pushed dossier that passed every check: what to do given what the database
 * already holds under its id. The id is made on the phone and is the idempotency key, so:
 * - nothing held: store it;
 * - the same content held (same hash): `duplicate`, answered exactly as the first time, plus the
 *   current status, so a retry after a lost answer, or a second phone after a hand-off, gets the
 *   code the resident was given;
 * - other content held: `conflict`, never overwritten; a person has to look at both. The held
 *   dossier's code is named only to a device that follows it (sent it before): to any other
 *   device it would be someone else's dossier code, learnt by guessing an id.
 * Pure: the caller hashes the content (the server uses SHA-256 of canonical JSON) and reads the row.
 */
import type { CurrentStatus, PushResult } from './protocol';

/** What the database holds under a pushed id. */
export interface HeldDossier extends CurrentStatus {
  contentHash: string;
  dossierCode: string;
  receivedAt: number;
  /** The pushing device follows this dossier already (dossier_devices); only then may a conflict name its code. */
  followedBySender?: boolean;
}

export type DuplicateAnswer = { id: string; outcome: 'duplicate'; dossierCode: string; receivedAt: number } & CurrentStatus;
export type ConflictAnswer = Extract<PushResult, { outcome: 'conflict' }>;
export type HeldAnswer = DuplicateAnswer | ConflictAnswer;
export type PushDecision = 'store' | HeldAnswer;

export interface PushedItem {
  id: string;
  contentHash: string;
}

/**
 * 'store' when nothing is held; else the answer. Status fields of `held` that are absent stay
 * absent (an adapter that reads the status later adds it to the answer then).
 */
export function decidePush(item: PushedItem, held: HeldDossier): HeldAnswer;
export function decidePush(item: PushedItem, held: HeldDossier | undefined): PushDecision;
export function decidePush(item: PushedItem, held: HeldDossier | undefined): PushDecision {
  if (!held) return 'store';
  if (held.contentHash !== item.contentHash) {
    return held.followedBySender === true
      ? { id: item.id, outcome: 'conflict', dossierCode: held.dossierCode }
      : { id: item.id, outcome: 'conflict' };
  }
  const answer: DuplicateAnswer = { id: item.id, outcome: 'duplicate', dossierCode: held.dossierCode, receivedAt: held.receivedAt };
  if (held.status !== undefined) answer.status = held.status;
  if (held.statusSeq !== undefined) answer.statusSeq = held.statusSeq;
  if (held.statusNote !== undefined) answer.statusNote = held.statusNote;
  return answer;
}
