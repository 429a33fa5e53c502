/**
 * /api/v1/devices: how a phone gets its credential (sync protocol 2) and what it may ask about
 * itself. A resident's phone registers on its own (unless the commune turned that off); a staff
 * member's phone trades the enrolment code an officer made. The secret is in the 201 answer
 * only: the server keeps its hash.
 */
import { randomBytes } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { ENROLMENT_CODE_ALPHABET, ENROLMENT_CODE_LENGTH, ENROLMENT_PATH, normalizeEnrolmentCode } from '../../domain/enrolment-code';
import { type DeviceCredential, type DeviceIdentity, type StaffSummary } from '../../domain/protocol';
import { StrictReader, field } from '../../domain/strict-reader';
import type { AccountRepository } from '../accounts/account-repository';
import { readUsername } from '../accounts/account-input';
import { readObject } from '../accounts/auth-routes';
import type { Audit } from '../audit/audit-log';
import type { AppEnv } from '../http/app-env';
import { bodyError, jsonError } from '../http/http-errors';
import { rateLimit, type RateLimiter } from '../http/rate-limit';
import { readJsonBody } from '../http/read-body';
import { requirePermission, staffOf } from '../http/require-permission';
import { SUPPORTED_PROTOCOLS } from '../sync/protocol-checks';
import { protocolHeaderGate } from '../sync/protocol-gate';
import { issueDeviceCredential, sha256Hex } from './device-credentials';
import type { DeviceRecord, DeviceRepository, DeviceStaff } from './device-repository';

/** An enrolment code is valid this long after it is made. */
export const ENROLMENT_VALID_MS = 24 * 3600_000;

export interface DeviceRouteDeps {
  devices: DeviceRepository;
  accounts: AccountRepository;
  audit: Audit;
  communeCode: string;
  now: () => number;
  maxBodyBytes: number;
  /** requireDevice (device-auth.ts). */
  deviceAuth: MiddlewareHandler<AppEnv>;
  /** RESIDENT_SUBMISSIONS: false refuses self-registration (staff devices only). */
  residentSubmissions: boolean;
  registerPerIp: RateLimiter;
  enrolPerIp: RateLimiter;
}

/** The answer to POST /api/v1/devices/enrolments: show the code, or the URL as a QR code, once. */
export interface EnrolmentCode {
  code: string;
  expiresAt: number;
  /** `/dang-ky-may#<code>`: the code stays in the fragment, which no request carries. */
  url: string;
}

/** One row of GET /api/v1/devices. */
export interface DeviceListing {
  deviceId: string;
  kind: DeviceRecord['kind'];
  createdAt: number;
  lastSeenAt: number;
  revoked: boolean;
  staff?: StaffSummary;
}

function randomEnrolmentCode(): string {
  const bytes = randomBytes(ENROLMENT_CODE_LENGTH);
  let code = '';
  // 256 is a multiple of 32: every symbol is equally likely.
  for (const byte of bytes) code += ENROLMENT_CODE_ALPHABET[byte % ENROLMENT_CODE_ALPHABET.length];
  return code;
}

function listingOf(device: DeviceRecord): DeviceListing {
  const listing: DeviceListing = {
    deviceId: device.id,
    kind: device.kind,
    createdAt: device.createdAt,
    lastSeenAt: device.lastSeenAt,
    revoked: device.revokedAt !== undefined,
  };
  if (device.staff) listing.staff = staffSummaryOf(device.staff);
  return listing;
}

/** The account as the phone shows it. */
export function staffSummaryOf(staff: Pick<DeviceStaff, 'username' | 'displayName' | 'role' | 'villageId'>): StaffSummary {
  const summary: StaffSummary = { username: staff.username, displayName: staff.displayName, role: staff.role };
  if (staff.villageId !== undefined) summary.villageId = staff.villageId;
  return summary;
}

export function deviceIdentityOf(device: DeviceRecord): DeviceIdentity {
  const identity: DeviceIdentity = { deviceId: device.id, kind: device.kind };
  if (device.staff) identity.staff = staffSummaryOf(device.staff);
  return identity;
}

export function deviceRoutes(deps: DeviceRouteDeps): Hono<AppEnv> {
  const { devices, accounts, audit, communeCode, now, maxBodyBytes, deviceAuth } = deps;
  const routes = new Hono<AppEnv>();
  const byIp = (c: Context<AppEnv>): string => c.var.clientIp;

  routes.post('/register', protocolHeaderGate, rateLimit(deps.registerPerIp, byIp), async (c) => {
    const body = await readJsonBody(c.req.raw, maxBodyBytes);
    if (!body.ok) return bodyError(c, body.reason, maxBodyBytes);
    const r = new StrictReader();
    const request = r.record(body.value, 'body');
    const protocol = request ? field(request, 'protocol') : undefined;
    if (!request || r.oneOf(protocol, SUPPORTED_PROTOCOLS, 'protocol') === undefined) {
      return jsonError(c, 426, 'protocol-unsupported', `Protocol ${String(protocol)} is not supported; update the app.`, {
        supported: [...SUPPORTED_PROTOCOLS],
      });
    }
    if (!deps.residentSubmissions) {
      return jsonError(c, 403, 'resident-submissions-off', 'This commune takes dossiers through its staff only; ask the one-stop shop.');
    }
    const credential = issueDeviceCredential();
    await devices.createDevice({ id: credential.deviceId, communeCode, kind: 'resident', secretHash: credential.secretHash }, now());
    await audit({
      actor: { kind: 'device', id: credential.deviceId },
      action: 'device.registered',
      target: { kind: 'device', id: credential.deviceId },
      detail: { kind: 'resident' },
    });
    const answer: DeviceCredential = { deviceId: credential.deviceId, secret: credential.secret, kind: 'resident' };
    return c.json(answer, 201);
  });

  routes.post('/enrol', protocolHeaderGate, rateLimit(deps.enrolPerIp, byIp), async (c) => {
    const body = await readObject(c, maxBodyBytes);
    if (body instanceof Response) return body;
    const code = normalizeEnrolmentCode(field(body, 'code'));
    const invalid = (): Response => jsonError(c, 400, 'enrolment-invalid', 'This code is unknown, expired or used; ask for a new one.');
    if (!code) return invalid();
    const credential = issueDeviceCredential();
    const redeemed = await devices.redeemEnrolment(
      sha256Hex(code),
      communeCode,
      { id: credential.deviceId, secretHash: credential.secretHash },
      now(),
    );
    if (!redeemed.ok) return invalid();
    const { device } = redeemed;
    await audit({
      actor: { kind: 'device', id: device.id },
      action: 'device.enrolled',
      target: { kind: 'device', id: device.id },
      detail: { kind: 'staff' },
    });
    const answer: DeviceCredential = {
      deviceId: device.id,
      secret: credential.secret,
      kind: 'staff',
      staff: staffSummaryOf(device.staff!),
    };
    return c.json(answer, 201);
  });

  routes.get('/me', protocolHeaderGate, deviceAuth, (c) => c.json(deviceIdentityOf(c.get('device'))));

  routes.post('/enrolments', requirePermission('device.enrol'), async (c) => {
    const body = await readObject(c, maxBodyBytes);
    if (body instanceof Response) return body;
    const username = readUsername(field(body, 'username'));
    const staff = username ? await accounts.findStaffByUsername(communeCode, username) : null;
    if (!staff || staff.disabledAt !== undefined) return jsonError(c, 404, 'not-found', 'No active account with this username.');
    const code = randomEnrolmentCode();
    const expiresAt = now() + ENROLMENT_VALID_MS;
    await devices.createEnrolment(
      { codeHash: sha256Hex(code), communeCode, staffId: staff.id, createdBy: staffOf(c)!.id, expiresAt },
      now(),
    );
    await audit({ actor: { kind: 'staff', id: staffOf(c)!.id }, action: 'enrolment.created', target: { kind: 'staff', id: staff.id } });
    const answer: EnrolmentCode = { code, expiresAt, url: `${ENROLMENT_PATH}#${code}` };
    return c.json(answer, 201);
  });

  routes.get('/', requirePermission('device.manage'), async (c) =>
    c.json({ devices: (await devices.listDevices(communeCode)).map(listingOf) }),
  );

  routes.post('/:id/revoke', requirePermission('device.manage'), async (c) => {
    const id = c.req.param('id');
    if (!/^[0-9a-f-]{36}$/.test(id) || !(await devices.revokeDevice(id, communeCode, now()))) {
      return jsonError(c, 404, 'not-found', 'No device with this id (or it is revoked already).');
    }
    await audit({
      actor: { kind: 'staff', id: staffOf(c)!.id },
      action: 'device.revoked',
      target: { kind: 'device', id },
      detail: { reason: 'admin' },
    });
    return c.json({ ok: true });
  });

  return routes;
}
