/**
 * /api/v1/staff (permission staff.manage: admins): list, create, disable and reset accounts.
 * JSON only; the console's screens come later. A password an admin sets or the server generates
 * must be changed at the account's next login. Disabling an account ends its sessions and
 * revokes its devices (their next sync answers 401 device-revoked); the last active admin
 * cannot be disabled.
 */
import { Hono } from 'hono';
import { field } from '../../domain/strict-reader';
import type { Audit } from '../audit/audit-log';
import type { AppEnv } from '../http/app-env';
import { jsonError } from '../http/http-errors';
import { requirePermission, staffOf } from '../http/require-permission';
import type { AccountRepository } from './account-repository';
import { readPasswordField } from './account-input';
import { readObject } from './auth-routes';
import type { ScryptParams } from './passwords';
import { createAccount, disableAccount, resetPassword } from './staff-commands';
import { listingView, type StaffListing } from './staff-view';

export interface StaffRouteDeps {
  accounts: AccountRepository;
  audit: Audit;
  communeCode: string;
  now: () => number;
  maxBodyBytes: number;
  passwordParams: Readonly<ScryptParams>;
}

export interface CreatedStaff {
  staff: StaffListing;
  /** Present when the server generated the password: shown once, never stored in clear. */
  password?: string;
}

export function staffRoutes(deps: StaffRouteDeps): Hono<AppEnv> {
  const { accounts, audit, communeCode, now, maxBodyBytes, passwordParams } = deps;
  const routes = new Hono<AppEnv>();
  routes.use('*', requirePermission('staff.manage'));

  routes.get('/', async (c) => c.json({ staff: (await accounts.listStaff(communeCode)).map(listingView) }));

  const commands = { accounts, audit, communeCode, now, passwordParams };
  const INPUT_MESSAGES = {
    'bad-username': 'username: 2–64 characters, lowercase letters, digits, dot, dash or underscore.',
    'bad-display-name': 'displayName: a name of at most 100 characters.',
    'bad-role': 'role must be admin, officer, leader or outreach.',
    'bad-village': 'villageId must be an id of at most 64 characters.',
  } as const;

  routes.post('/', async (c) => {
    const body = await readObject(c, maxBodyBytes);
    if (body instanceof Response) return body;
    const given = field(body, 'password') === undefined ? undefined : readPasswordField(body, 'password');
    if (given === null) return jsonError(c, 400, 'bad-request', 'password must be text.');
    const input = {
      username: field(body, 'username'),
      displayName: field(body, 'displayName'),
      role: field(body, 'role'),
      villageId: field(body, 'villageId'),
      password: given,
    };
    const result = await createAccount(commands, input, { kind: 'staff', id: staffOf(c)!.id });
    if (!result.ok) {
      const { reason } = result;
      if (reason.error === 'username-taken') return jsonError(c, 409, 'username-taken', 'An account with this username exists.');
      if (reason.error === 'password-rejected') {
        return jsonError(c, 400, 'password-rejected', 'Choose a longer or less common password.', { problem: reason.problem });
      }
      return jsonError(c, 400, 'bad-request', INPUT_MESSAGES[reason.error]);
    }
    const answer: CreatedStaff = { staff: listingView(result.staff) };
    if (result.generatedPassword !== undefined) answer.password = result.generatedPassword;
    return c.json(answer, 201);
  });

  routes.post('/:username/disable', async (c) => {
    const result = await disableAccount(commands, c.req.param('username'), { kind: 'staff', id: staffOf(c)!.id });
    if (!result.ok && result.reason === 'not-found') return jsonError(c, 404, 'not-found', 'No such account.');
    if (!result.ok) return jsonError(c, 409, 'last-admin', 'This is the last active admin; create another admin first.');
    return c.json({ staff: listingView(result.staff), revokedDevices: result.revokedDevices });
  });

  routes.post('/:username/reset', async (c) => {
    const result = await resetPassword(commands, c.req.param('username'), { kind: 'staff', id: staffOf(c)!.id });
    if (!result.ok) return jsonError(c, 404, 'not-found', 'No such account.');
    return c.json({ staff: listingView(result.staff), password: result.password });
  });

  return routes;
}
