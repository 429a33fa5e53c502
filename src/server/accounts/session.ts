/**
 * Staff sessions: a 256-bit random token in an HttpOnly, SameSite=Strict cookie (Secure, and
 * the __Host- prefix, when the request came over HTTPS), kept in the database only as its
 * SHA-256, so several API processes share sessions and a database copy signs nobody in. A
 * session ends after 30 minutes without a request, after 12 hours whatever happens, at logout,
 * at "log out everywhere", when its password changes and when its account is disabled.
 */
import { randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { sha256Hex } from '../devices/device-credentials';
import type { AppEnv } from '../http/app-env';
import { requestIsHttps } from '../http/client-ip';
import type { AccountRepository, StaffRecord } from './account-repository';

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 3600_000;
/** last_seen_at is written at most this often per session. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * The cookie's name. Over HTTPS it gets the __Host- prefix (`__Host-mcld_session`, Secure,
 * Path=/, no Domain): the browser then refuses it from plain HTTP or another host, so a network
 * attacker cannot plant one. Over plain HTTP (a laptop, the tests) the bare name, without Secure,
 * which HTTP cannot set; a request over HTTPS never reads the bare name.
 */
export const SESSION_COOKIE = 'mcld_session';

export interface SessionDeps {
  accounts: AccountRepository;
  communeCode: string;
  now: () => number;
  trustProxy: boolean;
}

function cookieOptions(c: Context, trustProxy: boolean): { secure: boolean; prefix?: 'host' } {
  return requestIsHttps(c.req.url, c.req.raw.headers, trustProxy) ? { secure: true, prefix: 'host' } : { secure: false };
}

/** Whether a session has ended by time at `now`: idle too long, or past its absolute end. */
export function sessionExpired(session: { createdAt: number; lastSeenAt: number; expiresAt: number }, now: number): boolean {
  return now >= session.expiresAt || now - session.lastSeenAt >= SESSION_IDLE_MS;
}

/** Starts a session for `staff`, sets its cookie, and answers the token's hash. */
export async function startSession(c: Context<AppEnv>, deps: SessionDeps, staff: StaffRecord): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const tokenHash = sha256Hex(token);
  const at = deps.now();
  await deps.accounts.createSession({
    tokenHash,
    communeCode: deps.communeCode,
    staffId: staff.id,
    createdAt: at,
    lastSeenAt: at,
    expiresAt: at + SESSION_ABSOLUTE_MS,
  });
  setCookie(c, SESSION_COOKIE, token, {
    ...cookieOptions(c, deps.trustProxy),
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  });
  c.set('staff', staff);
  c.set('sessionHash', tokenHash);
  return tokenHash;
}

export function endSessionCookie(c: Context<AppEnv>, trustProxy: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { ...cookieOptions(c, trustProxy), httpOnly: true, sameSite: 'Strict', path: '/' });
}

/**
 * Reads the session cookie, when there is one, and sets `staff` and `sessionHash` for a valid
 * session. Never answers by itself: requireStaff and requirePermission decide. A cookie for an
 * ended session is cleared.
 */
export function loadSession(deps: SessionDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { prefix } = cookieOptions(c, deps.trustProxy);
    const token = prefix ? getCookie(c, SESSION_COOKIE, prefix) : getCookie(c, SESSION_COOKIE);
    if (token === undefined || !/^[A-Za-z0-9_-]{43}$/.test(token)) return next();
    const tokenHash = sha256Hex(token);
    const found = await deps.accounts.findSession(tokenHash);
    const at = deps.now();
    // Another commune's session (one PostgreSQL, several communes) is unknown here, not ended.
    const ours = found !== null && found.staff.communeCode === deps.communeCode;
    if (!ours || found.staff.disabledAt !== undefined || sessionExpired(found.session, at)) {
      if (ours) await deps.accounts.deleteSession(tokenHash);
      endSessionCookie(c, deps.trustProxy);
      return next();
    }
    if (at - found.session.lastSeenAt >= TOUCH_INTERVAL_MS) await deps.accounts.touchSession(tokenHash, at);
    c.set('staff', found.staff);
    c.set('sessionHash', tokenHash);
    return next();
  };
}
