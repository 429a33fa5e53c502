/** The officer's bearer token, checked by every officer-only route until staff accounts exist. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { jsonError } from './http-errors';

/** Compares digests so neither the token's length nor its content leaks through timing. */
function tokenMatches(given: string, expected: string): boolean {
  const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Null when the request carries `Authorization: Bearer <officerToken>`; otherwise the 401 to answer. */
export function refuseUnlessOfficer(c: Context, officerToken: string): Response | null {
  const match = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '');
  if (match?.[1] && tokenMatches(match[1], officerToken)) return null;
  c.header('WWW-Authenticate', 'Bearer');
  return jsonError(c, 401, 'unauthorized', 'A valid officer bearer token is required.');
}
