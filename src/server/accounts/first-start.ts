/**
 * First start: a commune server with no staff account prints a one-time link that creates the
 * first admin (valid one hour, single use; the token is stored hashed). Every start of a server
 * that still has no account prints a fresh link, so a lost one costs a restart, nothing more.
 */
import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../devices/device-credentials';
import type { AccountRepository } from './account-repository';

export const SETUP_LINK_VALID_MS = 60 * 60 * 1000;
/** Where the link opens: the console's setup page; the token travels in the fragment, never to a log. */
export const SETUP_PATH = '/can-bo/thiet-lap';

/** The link to print, or null when the commune has staff accounts already. */
export async function firstStartLink(
  accounts: Pick<AccountRepository, 'countStaff' | 'createSetupToken'>,
  communeCode: string,
  origin: string,
  now: number,
): Promise<string | null> {
  if ((await accounts.countStaff(communeCode)) > 0) return null;
  const token = randomBytes(32).toString('base64url');
  await accounts.createSetupToken(sha256Hex(token), communeCode, now, now + SETUP_LINK_VALID_MS);
  return `${origin}${SETUP_PATH}#${token}`;
}
