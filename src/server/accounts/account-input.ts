/**
 * Reading what staff type into account forms, from untrusted JSON: usernames (lowercase NFC,
 * a short id), display names (a person's name: letters, no control or bidi characters),
 * villages (an id), roles, passwords (the policy in domain/password-policy.ts).
 */
import { COMMON_PASSWORDS } from '../../content/common-passwords';
import { MAX_PASSWORD_LENGTH, passwordKey, passwordProblem, type PasswordProblem } from '../../domain/password-policy';
import { isRole, type Role } from '../../domain/roles';
import { field, type Rec } from '../../domain/strict-reader';
import { hasLetter, unsafeText } from '../../domain/text-safety';
import { cleanText, graphemeLength, toNfc } from '../../domain/text';

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;
const VILLAGE_ID = /^[A-Za-z0-9._-]{1,64}$/;
const MAX_DISPLAY_NAME = 100;

export const COMMON_PASSWORD_KEYS: ReadonlySet<string> = new Set(COMMON_PASSWORDS.map(passwordKey));

/** How a username is stored and looked up: NFC, trimmed, lowercase. */
export function normalizeUsername(value: string): string {
  return toNfc(value).trim().toLowerCase();
}

/** A well-formed username, normalised, or null. */
export function readUsername(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 200) return null;
  const username = normalizeUsername(value);
  return USERNAME.test(username) ? username : null;
}

export function readDisplayName(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 1000 || unsafeText(value, { multiline: false })) return null;
  const name = cleanText(value);
  return name !== '' && hasLetter(name) && graphemeLength(name) <= MAX_DISPLAY_NAME ? name : null;
}

/** undefined when absent, null when malformed. */
export function readVillageId(value: unknown): string | undefined | null {
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' && VILLAGE_ID.test(value) ? value : null;
}

export function readRole(value: unknown): Role | null {
  return isRole(value) ? value : null;
}

/** A password field as given (never trimmed: spaces are part of it); null when not a string of sane size. */
export function readPasswordField(body: Rec, key: string): string | null {
  const value = field(body, key);
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_PASSWORD_LENGTH * 8 ? value : null;
}

/** Null when the new password may be used. */
export function newPasswordProblem(password: string, username: string): PasswordProblem | null {
  return passwordProblem(password, { username, common: COMMON_PASSWORD_KEYS });
}
