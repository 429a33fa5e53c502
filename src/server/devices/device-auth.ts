/**
 * The one check every phone route passes (push, pull, blob HEAD/PUT, /devices/me): a valid
 * `Authorization: Device <id>.<secret>` of this commune. No credential or a wrong one answers
 * 401 unauthorized; a revoked device, or a staff device whose account is disabled, 401
 * device-revoked (the phone then stops and says so, instead of retrying forever).
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env';
import { jsonError } from '../http/http-errors';
import { readDeviceAuthorization, secretMatches } from './device-credentials';
import type { DeviceRepository } from './device-repository';

/** last_seen_at is written at most this often per device: a sync of many requests costs one write. */
const TOUCH_INTERVAL_MS = 5 * 60_000;

export interface DeviceAuthDeps {
  devices: DeviceRepository;
  communeCode: string;
  now: () => number;
}

export function requireDevice({ devices, communeCode, now }: DeviceAuthDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const refuse = (): Response => {
      c.header('WWW-Authenticate', 'Device');
      return jsonError(c, 401, 'unauthorized', 'A device credential is required: register or enrol this phone.');
    };
    const credential = readDeviceAuthorization(c.req.header('authorization'));
    if (!credential) return refuse();
    const device = await devices.findDevice(credential.deviceId);
    if (!device || device.communeCode !== communeCode || !secretMatches(credential.secret, device.secretHash)) return refuse();
    if (device.revokedAt !== undefined || device.staff?.disabledAt !== undefined) {
      return jsonError(c, 401, 'device-revoked', 'This phone may no longer send to this server; ask the one-stop shop.');
    }
    const { secretHash: _hash, ...record } = device;
    const at = now();
    if (at - device.lastSeenAt >= TOUCH_INTERVAL_MS) {
      await devices.touchDevice(device.id, at);
      record.lastSeenAt = at;
    }
    c.set('device', record);
    return next();
  };
}
