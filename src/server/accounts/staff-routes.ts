/**
 * /api/v1/staff (permission staff.manage: admins): list, create, disable and reset accounts.
 * JSON only; the console's screens come later. A password an admin sets or the server generates
 * must be changed at the account's next login. Disabling an account ends its sessions and
 * revokes its devices (their next sync answers 401 device-revoked); the last active admin
 * cannot be disabled.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { field } from '../../domain/strict-reader';
import type { Audit } from '../audit/audit-log';
import type { AppEnv } from '../http/app-env';
import { jsonError } from '../http/http-errors';
import { requirePermission, staffOf } from '../http/require-permission';
import type { AccountRepository } from './account-repository';
import { newPasswordProblem, readDisplayName, readPasswordField, readRole, readUsername, readVillageId } from './account-input';
import { readObject } from './auth-routes';
import { generatePassword, hashPassword, type ScryptParams } from './passwords';
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

  routes.post('/', async (c) => {
    const body = await readObject(c, maxBodyBytes);
    if (body instanceof Response) return body;
    const username = readUsername(field(body, 'username'));
    const displayName = readDisplayName(field(body, 'displayName'));
    const role = readRole(field(body, 'role'));
    const villageId = readVillageId(field(body, 'villageId'));
    const given = field(body, 'password') === undefined ? undefined : readPasswordField(body, 'password');
    if (!username)
      return jsonError(c, 400, 'bad-request', 'username: 2–64 characters, lowercase letters, digits, dot, dash or underscore.');
    if (!displayName) return jsonError(c, 400, 'bad-request', 'displayName: a name of at most 100 characters.');
    if (!role) return jsonError(c, 400, 'bad-request', 'role must be admin, officer, leader or outreach.');
    if (villageId === null) return jsonError(c, 400, 'bad-request', 'villageId must be an id of at most 64 characters.');
    if (given === null) return jsonError(c, 400, 'bad-request', 'password must be text.');
    if (given !== undefined) {
      const problem = newPasswordProblem(given, username);
      if (problem) return jsonError(c, 400, 'password-rejected', 'Choose a longer or less common password.', { problem });
    }
    const password = given ?? generatePassword();
    const id = randomUUID();
    const created = await accounts.createStaff(
      {
        id,
        communeCode,
        username,
        displayName,
        role,
        ...(villageId !== undefined ? { villageId } : {}),
        passwordHash: await hashPassword(password, passwordParams),
        mustChangePassword: true,
      },
      now(),
    );
    if (created === 'username-taken') return jsonError(c, 409, 'username-taken', 'An account with this username exists.');
    await audit({
      actor: { kind: 'staff', id: staffOf(c)!.id },
      action: 'account.created',
      target: { kind: 'staff', id },
      detail: { role },
    });
    const answer: CreatedStaff = { staff: listingView((await accounts.findStaffById(id))!) };
    if (given === undefined) answer.password = password;
    return c.json(answer, 201);
  });

  routes.post('/:username/disable', async (c) => {
    const username = readUsername(c.req.param('username'));
    const staff = username ? await accounts.findStaffByUsername(communeCode, username) : null;
    if (!staff) return jsonError(c, 404, 'not-found', 'No such account.');
    if (staff.role === 'admin' && staff.disabledAt === undefined && (await accounts.countActiveAdmins(communeCode)) <= 1) {
      return jsonError(c, 409, 'last-admin', 'This is the last active admin; create another admin first.');
    }
    const { revokedDevices } = await accounts.disableStaff(staff.id, now());
    const actor = { kind: 'staff', id: staffOf(c)!.id } as const;
    await audit({ actor, action: 'account.disabled', target: { kind: 'staff', id: staff.id }, detail: { count: revokedDevices.length } });
    for (const device of revokedDevices) {
      await audit({ actor, action: 'device.revoked', target: { kind: 'device', id: device }, detail: { reason: 'account-disabled' } });
    }
    return c.json({ staff: listingView((await accounts.findStaffById(staff.id))!), revokedDevices: revokedDevices.length });
  });

  routes.post('/:username/reset', async (c) => {
    const username = readUsername(c.req.param('username'));
    const staff = username ? await accounts.findStaffByUsername(communeCode, username) : null;
    if (!staff) return jsonError(c, 404, 'not-found', 'No such account.');
    const password = generatePassword();
    await accounts.setPassword(staff.id, await hashPassword(password, passwordParams), true, now());
    await accounts.deleteSessionsOf(staff.id);
    await audit({
      actor: { kind: 'staff', id: staffOf(c)!.id },
      action: 'account.password-reset',
      target: { kind: 'staff', id: staff.id },
    });
    return c.json({ staff: listingView((await accounts.findStaffById(staff.id))!), password });
  });

  return routes;
}
