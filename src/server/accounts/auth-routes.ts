/**
 * /api/v1/auth: staff sign in and out. First start (`setup`): the one-time link main.ts prints
 * creates the first admin. Login answers the same `login-failed` for an unknown username, a
 * wrong password and a disabled account, after the same scrypt work (a dummy hash for unknown
 * users), and a throttled username `429` with Retry-After whatever the password (login-throttle.ts).
 */
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { StrictReader, field, isRecord, type Rec } from '../../domain/strict-reader';
import type { Audit } from '../audit/audit-log';
import { sha256Hex } from '../devices/device-credentials';
import type { AppEnv } from '../http/app-env';
import { bodyError, jsonError } from '../http/http-errors';
import { rateLimit, rateLimited, type RateLimiter } from '../http/rate-limit';
import { readJsonBody } from '../http/read-body';
import { requireStaff, staffOf } from '../http/require-permission';
import type { StaffRecord } from './account-repository';
import { newPasswordProblem, readDisplayName, readPasswordField, readUsername } from './account-input';
import { FORGET_AFTER_MS, lockUntil, usernameKey } from './login-throttle';
import { dummyHash, hashPassword, needsRehash, verifyPassword, type ScryptParams } from './passwords';
import { endSessionCookie, startSession, type SessionDeps } from './session';
import { signedInView, type SignedInStaff } from './staff-view';

export interface AuthDeps extends SessionDeps {
  audit: Audit;
  maxBodyBytes: number;
  passwordParams: Readonly<ScryptParams>;
  loginPerIp: RateLimiter;
  setupPerIp: RateLimiter;
}

export interface LoginResponse {
  staff: SignedInStaff;
}

/** The JSON object body, or the answer refusing it. */
export async function readObject(c: Context<AppEnv>, maxBodyBytes: number): Promise<Rec | Response> {
  const body = await readJsonBody(c.req.raw, maxBodyBytes);
  if (!body.ok) return bodyError(c, body.reason, maxBodyBytes);
  if (!isRecord(body.value)) return jsonError(c, 400, 'bad-request', 'The body must be a JSON object.');
  return body.value;
}

function passwordRejected(c: Context<AppEnv>, problem: NonNullable<ReturnType<typeof newPasswordProblem>>): Response {
  return jsonError(c, 400, 'password-rejected', 'Choose a longer or less common password (at least 10 characters).', { problem });
}

export function authRoutes(deps: AuthDeps): Hono<AppEnv> {
  const { accounts, audit, communeCode, now, maxBodyBytes, passwordParams } = deps;
  const dummy = dummyHash(passwordParams);
  const routes = new Hono<AppEnv>();
  const byIp = (c: Context<AppEnv>): string => c.var.clientIp;

  routes.post('/setup', rateLimit(deps.setupPerIp, byIp), async (c) => {
    const body = await readObject(c, maxBodyBytes);
    if (body instanceof Response) return body;
    const r = new StrictReader();
    const token = r.string(field(body, 'token'), 'token', /^[A-Za-z0-9_-]{43}$/);
    const username = readUsername(field(body, 'username'));
    const displayName = readDisplayName(field(body, 'displayName'));
    const password = readPasswordField(body, 'password');
    if (token === undefined)
      return jsonError(c, 400, 'setup-invalid', 'This setup link is not valid; start the server again for a new one.');
    if (!username)
      return jsonError(c, 400, 'bad-request', 'username: 2–64 characters, lowercase letters, digits, dot, dash or underscore.');
    if (!displayName) return jsonError(c, 400, 'bad-request', 'displayName: a name of at most 100 characters.');
    if (password === null) return jsonError(c, 400, 'bad-request', 'password is required.');
    const problem = newPasswordProblem(password, username);
    if (problem) return passwordRejected(c, problem);
    const admin = {
      id: randomUUID(),
      communeCode,
      username,
      displayName,
      role: 'admin' as const,
      passwordHash: await hashPassword(password, passwordParams),
      mustChangePassword: false,
    };
    if (!(await accounts.redeemSetupToken(sha256Hex(token), admin, now()))) {
      return jsonError(c, 400, 'setup-invalid', 'This setup link is unknown, expired or used, or an admin exists already.');
    }
    const staff = (await accounts.findStaffById(admin.id))!;
    await audit({
      actor: { kind: 'staff', id: staff.id },
      action: 'account.setup',
      target: { kind: 'staff', id: staff.id },
      detail: { role: 'admin' },
    });
    await startSession(c, deps, staff);
    return c.json({ staff: signedInView(staff) } satisfies LoginResponse, 201);
  });

  routes.post('/login', rateLimit(deps.loginPerIp, byIp), async (c) => {
    const body = await readObject(c, maxBodyBytes);
    if (body instanceof Response) return body;
    const typed = field(body, 'username');
    const password = readPasswordField(body, 'password');
    if (typeof typed !== 'string' || typed.length > 200 || password === null) {
      return jsonError(c, 400, 'bad-request', 'username and password are required.');
    }
    const key = usernameKey(communeCode, readUsername(typed) ?? typed);
    const at = now();
    const throttle = await accounts.loginFailures(communeCode, key);
    if (throttle && throttle.lockedUntil > at) {
      await audit({ actor: { kind: 'anonymous' }, action: 'login.failed', detail: { reason: 'locked' } });
      return rateLimited(c, Math.ceil((throttle.lockedUntil - at) / 1000));
    }
    const username = readUsername(typed);
    const staff = username ? await accounts.findStaffByUsername(communeCode, username) : null;
    // Always one scrypt, whether or not the account exists: the timing tells nothing.
    const matches = await verifyPassword(password, staff?.passwordHash ?? (await dummy()));
    if (!staff || !matches || staff.disabledAt !== undefined) {
      await accounts.recordLoginFailure(communeCode, key, now(), now() - FORGET_AFTER_MS, (failures) => lockUntil(failures, now()));
      const reason = !staff ? 'unknown-user' : !matches ? 'wrong-password' : 'disabled';
      await audit({
        actor: { kind: 'anonymous' },
        action: 'login.failed',
        ...(staff ? { target: { kind: 'staff', id: staff.id } } : {}),
        detail: { reason },
      });
      return jsonError(c, 401, 'login-failed', 'Wrong username or password.');
    }
    await accounts.clearLoginFailures(communeCode, key);
    if (needsRehash(staff.passwordHash, passwordParams)) {
      await accounts.setPassword(staff.id, await hashPassword(password, passwordParams), staff.mustChangePassword, now());
    }
    await startSession(c, deps, staff);
    await audit({ actor: { kind: 'staff', id: staff.id }, action: 'login.ok', target: { kind: 'staff', id: staff.id } });
    return c.json({ staff: signedInView(staff) } satisfies LoginResponse);
  });

  routes.post('/logout', async (c) => {
    const staff = staffOf(c);
    if (staff) {
      await accounts.deleteSession(c.var.sessionHash);
      await audit({ actor: { kind: 'staff', id: staff.id }, action: 'logout', target: { kind: 'staff', id: staff.id } });
    }
    endSessionCookie(c, deps.trustProxy);
    return c.json({ ok: true });
  });

  routes.post('/logout-all', requireStaff, async (c) => {
    const staff = staffOf(c)!;
    const ended = await accounts.deleteSessionsOf(staff.id);
    await audit({
      actor: { kind: 'staff', id: staff.id },
      action: 'logout.everywhere',
      target: { kind: 'staff', id: staff.id },
      detail: { count: ended },
    });
    endSessionCookie(c, deps.trustProxy);
    return c.json({ ok: true, sessionsEnded: ended });
  });

  routes.get('/me', requireStaff, (c) => c.json({ staff: signedInView(staffOf(c)!) } satisfies LoginResponse));

  routes.post('/password', requireStaff, rateLimit(deps.loginPerIp, byIp), async (c) => {
    const body = await readObject(c, maxBodyBytes);
    if (body instanceof Response) return body;
    const current = readPasswordField(body, 'current');
    const next = readPasswordField(body, 'next');
    if (current === null || next === null) return jsonError(c, 400, 'bad-request', 'current and next are required.');
    const signedIn = staffOf(c)!;
    const key = usernameKey(communeCode, signedIn.username);
    const at = now();
    const throttle = await accounts.loginFailures(communeCode, key);
    if (throttle && throttle.lockedUntil > at) return rateLimited(c, Math.ceil((throttle.lockedUntil - at) / 1000));
    const staff = (await accounts.findStaffById(signedIn.id))!;
    if (!(await verifyPassword(current, staff.passwordHash))) {
      await accounts.recordLoginFailure(communeCode, key, at, at - FORGET_AFTER_MS, (failures) => lockUntil(failures, at));
      return jsonError(c, 400, 'login-failed', 'The current password is wrong.');
    }
    const problem = current === next ? 'same-as-current' : newPasswordProblem(next, staff.username);
    if (problem) return passwordRejected(c, problem);
    await accounts.setPassword(staff.id, await hashPassword(next, passwordParams), false, now());
    // Every other session of this account ends: whoever knew the old password is out.
    await accounts.deleteSessionsOf(staff.id, c.var.sessionHash);
    await accounts.clearLoginFailures(communeCode, key);
    await audit({ actor: { kind: 'staff', id: staff.id }, action: 'account.password-changed', target: { kind: 'staff', id: staff.id } });
    const updated: StaffRecord = { ...signedIn, mustChangePassword: false };
    return c.json({ staff: signedInView(updated) } satisfies LoginResponse);
  });

  return routes;
}
