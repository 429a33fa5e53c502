/**
 * Creating, disabling and resetting staff accounts, one way for both doors: the admin API
 * (staff-routes.ts, acting as the signed-in admin) and `npm run staff` (staff-cli.ts, acting as
 * the system, for scripts and a first start without a browser). Input is read and checked here
 * from untrusted values; each change is audited with the actor the caller names.
 */
import { randomUUID } from 'node:crypto';
import type { PasswordProblem } from '../../domain/password-policy';
import type { Role } from '../../domain/roles';
import type { Audit } from '../audit/audit-log';
import type { AuditActor } from '../audit/audit-event';
import type { AccountRepository, StaffRecord } from './account-repository';
import { newPasswordProblem, readDisplayName, readRole, readUsername, readVillageId } from './account-input';
import { generatePassword, hashPassword, type ScryptParams } from './passwords';

export interface StaffCommandDeps {
  accounts: AccountRepository;
  audit: Audit;
  communeCode: string;
  now: () => number;
  passwordParams: Readonly<ScryptParams>;
}

export interface NewAccountInput {
  username: unknown;
  displayName: unknown;
  role: unknown;
  villageId?: unknown;
  /** undefined: the server generates one (answered once). */
  password?: string | undefined;
}

/** Why an input was refused, with the field it is about; each maps to a 4xx on the API and a message in the CLI. */
export type AccountInputError =
  { error: 'bad-username' | 'bad-display-name' | 'bad-role' | 'bad-village' } | { error: 'password-rejected'; problem: PasswordProblem };

export type CreateAccountResult =
  { ok: true; staff: StaffRecord; generatedPassword?: string } | { ok: false; reason: AccountInputError | { error: 'username-taken' } };

/** Creates an account whose password must be changed at its first login. */
export async function createAccount(deps: StaffCommandDeps, input: NewAccountInput, actor: AuditActor): Promise<CreateAccountResult> {
  const username = readUsername(input.username);
  const displayName = readDisplayName(input.displayName);
  const role: Role | null = readRole(input.role);
  const villageId = readVillageId(input.villageId);
  if (!username) return { ok: false, reason: { error: 'bad-username' } };
  if (!displayName) return { ok: false, reason: { error: 'bad-display-name' } };
  if (!role) return { ok: false, reason: { error: 'bad-role' } };
  if (villageId === null) return { ok: false, reason: { error: 'bad-village' } };
  if (input.password !== undefined) {
    const problem = newPasswordProblem(input.password, username);
    if (problem) return { ok: false, reason: { error: 'password-rejected', problem } };
  }
  const password = input.password ?? generatePassword();
  const id = randomUUID();
  const created = await deps.accounts.createStaff(
    {
      id,
      communeCode: deps.communeCode,
      username,
      displayName,
      role,
      ...(villageId !== undefined ? { villageId } : {}),
      passwordHash: await hashPassword(password, deps.passwordParams),
      mustChangePassword: true,
    },
    deps.now(),
  );
  if (created === 'username-taken') return { ok: false, reason: { error: 'username-taken' } };
  await deps.audit({ actor, action: 'account.created', target: { kind: 'staff', id }, detail: { role } });
  const staff = (await deps.accounts.findStaffById(id))!;
  return input.password === undefined ? { ok: true, staff, generatedPassword: password } : { ok: true, staff };
}

export type DisableAccountResult =
  { ok: true; staff: StaffRecord; revokedDevices: number } | { ok: false; reason: 'not-found' | 'last-admin' };

/** Disables an account: its sessions end and its phones are revoked; never the last active admin. */
export async function disableAccount(deps: StaffCommandDeps, rawUsername: unknown, actor: AuditActor): Promise<DisableAccountResult> {
  const username = readUsername(rawUsername);
  const staff = username ? await deps.accounts.findStaffByUsername(deps.communeCode, username) : null;
  if (!staff) return { ok: false, reason: 'not-found' };
  if (staff.role === 'admin' && staff.disabledAt === undefined && (await deps.accounts.countActiveAdmins(deps.communeCode)) <= 1) {
    return { ok: false, reason: 'last-admin' };
  }
  const { revokedDevices } = await deps.accounts.disableStaff(staff.id, deps.now());
  await deps.audit({
    actor,
    action: 'account.disabled',
    target: { kind: 'staff', id: staff.id },
    detail: { count: revokedDevices.length },
  });
  for (const device of revokedDevices) {
    await deps.audit({ actor, action: 'device.revoked', target: { kind: 'device', id: device }, detail: { reason: 'account-disabled' } });
  }
  return { ok: true, staff: (await deps.accounts.findStaffById(staff.id))!, revokedDevices: revokedDevices.length };
}

export type ResetPasswordResult = { ok: true; staff: StaffRecord; password: string } | { ok: false; reason: 'not-found' };

/** Gives the account a generated password to change at its next login, and ends its sessions. */
export async function resetPassword(deps: StaffCommandDeps, rawUsername: unknown, actor: AuditActor): Promise<ResetPasswordResult> {
  const username = readUsername(rawUsername);
  const staff = username ? await deps.accounts.findStaffByUsername(deps.communeCode, username) : null;
  if (!staff) return { ok: false, reason: 'not-found' };
  const password = generatePassword();
  await deps.accounts.setPassword(staff.id, await hashPassword(password, deps.passwordParams), true, deps.now());
  await deps.accounts.deleteSessionsOf(staff.id);
  await deps.audit({ actor, action: 'account.password-reset', target: { kind: 'staff', id: staff.id } });
  return { ok: true, staff: (await deps.accounts.findStaffById(staff.id))!, password };
}
