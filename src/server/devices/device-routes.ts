/**
 * /api/v1/devices: how a phone gets its credential (sync protocol 2) and what it may ask about
 * itself. A resident's phone registers on its own (unless the commune turned that off); a staff
 * member's phone trades the enrolment code an officer made. The secret is in the 201 answer
 * only: the server keeps its hash.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { type DeviceCredential, type DeviceIdentity, type StaffSummary } from '../../domain/protocol';
import { StrictReader, field } from '../../domain/strict-reader';
import type { AppEnv } from '../http/app-env';
import { bodyError, jsonError } from '../http/http-errors';
import { readJsonBody } from '../http/read-body';
import { SUPPORTED_PROTOCOLS } from '../sync/protocol-checks';
import { protocolHeaderGate } from '../sync/protocol-gate';
import { issueDeviceCredential } from './device-credentials';
import type { DeviceRecord, DeviceRepository, DeviceStaff } from './device-repository';

export interface DeviceRouteDeps {
  devices: DeviceRepository;
  communeCode: string;
  now: () => number;
  maxBodyBytes: number;
  /** requireDevice (device-auth.ts). */
  deviceAuth: MiddlewareHandler<AppEnv>;
  /** RESIDENT_SUBMISSIONS: false refuses self-registration (staff devices only). */
  residentSubmissions: boolean;
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
  const { devices, communeCode, now, maxBodyBytes, deviceAuth } = deps;
  const routes = new Hono<AppEnv>();

  routes.post('/register', protocolHeaderGate, async (c) => {
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
    const answer: DeviceCredential = { deviceId: credential.deviceId, secret: credential.secret, kind: 'resident' };
    return c.json(answer, 201);
  });

  routes.get('/me', protocolHeaderGate, deviceAuth, (c) => c.json(deviceIdentityOf(c.get('device'))));

  return routes;
}
