/**
 * What a staff password must be, checked where it is set (first admin, new account, change):
 * at least 10 characters as a person counts them, not the username, not on the list of common
 * passwords (NFC, case-insensitive). No rules about digits or symbols: length beats them.
 * Pure: the list is passed in (content/common-passwords.ts on the server).
 */
import { graphemeLength, toNfc } from './text';

export const MIN_PASSWORD_LENGTH = 10;
/** Far more than anyone types; keeps a hostile body from feeding megabytes to the hash. */
export const MAX_PASSWORD_LENGTH = 256;

export const PASSWORD_PROBLEMS = ['too-short', 'too-long', 'common', 'same-as-username', 'same-as-current'] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

/** How a password is compared with the list and the username. */
export function passwordKey(value: string): string {
  return toNfc(value).toLowerCase();
}

/** Null when the password may be used; else the first problem. */
export function passwordProblem(password: string, context: { username?: string; common: ReadonlySet<string> }): PasswordProblem | null {
  const length = graphemeLength(toNfc(password));
  if (length < MIN_PASSWORD_LENGTH) return 'too-short';
  if (length > MAX_PASSWORD_LENGTH) return 'too-long';
  const key = passwordKey(password);
  if (context.username !== undefined && key === passwordKey(context.username)) return 'same-as-username';
  if (context.common.has(key)) return 'common';
  return null;
}
