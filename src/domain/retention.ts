/**
 * How long personal data is kept once a dossier's job is done (Law 91/2025/QH15 on personal
 * data protection: kept no longer than its purpose needs). The phone and the server apply the
 * same reading of "done"; each passes its own clock and its own period in.
 */
import type { DossierStatus } from './protocol';

/** Statuses after which the one-stop shop needs nothing personal any more. */
export const FINAL_STATUSES: readonly DossierStatus[] = ['returned', 'refused'];

export function isFinal(status: DossierStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

const DAY_MS = 86_400_000;

/** The phone keeps a sent dossier's name and notes at most this long after the server stored it. */
export const PHONE_PERSONAL_DAYS = 30;
/** The server's default: answers and photos kept this many days after a dossier is returned or refused. */
export const DEFAULT_RETENTION_DAYS = 90;

/** Does the phone still need a sent dossier's name and notes? */
export function phoneKeepsPersonal(row: { status: DossierStatus; receivedAt: number }, now: number): boolean {
  if (isFinal(row.status)) return false;
  return now - row.receivedAt < PHONE_PERSONAL_DAYS * DAY_MS;
}

/** The moment before which a dossier that became final must be purged on the server. */
export function serverPurgeBefore(now: number, retentionDays: number): number {
  return now - retentionDays * DAY_MS;
}
