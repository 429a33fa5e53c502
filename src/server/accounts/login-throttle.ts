/**
 * Login throttling, kept in the database so it holds across API processes: after 5 failures for
 * a username, each further failure locks it for twice as long as the last (1, 2, 4, 8 minutes),
 * up to 15 minutes; a success clears it, and failures older than a day are forgotten. The row is
 * keyed by a hash of the typed username (people type their password in the username field; it
 * must not be stored). A per-address limit (http/rate-limit.ts) comes on top.
 */
import { createHash } from 'node:crypto';

export const FREE_FAILURES = 5;
export const FIRST_LOCK_MS = 60_000;
export const MAX_LOCK_MS = 15 * 60_000;
export const FORGET_AFTER_MS = 24 * 3600_000;

/** When a username with this many failures may try again (0: now). */
export function lockUntil(failures: number, now: number): number {
  if (failures < FREE_FAILURES) return 0;
  return now + Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - FREE_FAILURES));
}

export function usernameKey(communeCode: string, typed: string): string {
  return createHash('sha256').update(`${communeCode}\n${typed}`, 'utf8').digest('hex');
}
