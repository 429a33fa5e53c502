/**
 * POST /api/v1/lookup { dossierCode, digits }: a phone that did not send a dossier starts
 * following it (domain/dossier-lookup.ts). Needs a device credential, like every phone route. A
 * right code and digits answer the status and its date, and link the device to the dossier so
 * its pulls bring the next changes; every miss answers the same 404 lookup-failed, whether the
 * code is unknown, of another commune, or the digits are wrong. Misses are throttled per
 * address, per device and per code (lookup-throttle.ts): 429 rate-limited with Retry-After.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { lookupMatches, readLookupRequest, type LookupAnswer } from '../../domain/dossier-lookup';
import { SYNC_PROTOCOL_VERSION } from '../../domain/protocol';
import { readObject } from '../accounts/auth-routes';
import type { Audit } from '../audit/audit-log';
import type { AppEnv } from '../http/app-env';
import { jsonError } from '../http/http-errors';
import { rateLimited } from '../http/rate-limit';
import { protocolHeaderGate } from '../sync/protocol-gate';
import type { DossierRepository } from './dossier-repository';
import { LookupThrottle } from './lookup-throttle';

export interface LookupDeps {
  dossiers: DossierRepository;
  audit: Audit;
  communeCode: string;
  now: () => number;
  maxBodyBytes: number;
  /** requireDevice (devices/device-auth.ts). */
  deviceAuth: MiddlewareHandler<AppEnv>;
  /** One per app; tests pass their own clock through `now`. */
  throttle?: LookupThrottle;
}

export function lookupRoutes(deps: LookupDeps): Hono<AppEnv> {
  const { dossiers, audit, communeCode, now, maxBodyBytes, deviceAuth } = deps;
  const throttle = deps.throttle ?? new LookupThrottle(now);
  const routes = new Hono<AppEnv>();
  routes.use('*', protocolHeaderGate);

  routes.post('/', deviceAuth, async (c) => {
    const body = await readObject(c, maxBodyBytes);
    if (body instanceof Response) return body;
    const request = readLookupRequest(body);
    if (!request) {
      return jsonError(c, 400, 'bad-request', `dossierCode must be a dossier code and digits the last 4 digits of a CCCD or phone number.`);
    }
    const device = c.var.device;
    const codeKey = `code:${request.dossierCode}`;
    const keys = [`ip:${c.var.clientIp}`, `device:${device.id}`, codeKey];
    const wait = throttle.waitMs(keys);
    if (wait > 0) return rateLimited(c, Math.ceil(wait / 1000));

    const dossier = await dossiers.getDossier(request.dossierCode);
    const found = dossier !== null && dossier.communeCode === communeCode && dossier.dossierCode === request.dossierCode;
    const latest = found && lookupMatches(dossier.answers, request.digits) ? (await dossiers.history(dossier.id)).at(-1) : undefined;
    if (!found || !latest) {
      throttle.miss(keys);
      return jsonError(c, 404, 'lookup-failed', 'No dossier has this code with these digits.');
    }
    throttle.clear(codeKey);
    await dossiers.followDossier(dossier.id, communeCode, device.id, now());
    await audit({ actor: { kind: 'device', id: device.id }, action: 'dossier.followed', target: { kind: 'dossier', id: dossier.id } });
    const answer: LookupAnswer = {
      protocol: SYNC_PROTOCOL_VERSION,
      formId: dossier.formId,
      change: { id: dossier.id, dossierCode: dossier.dossierCode, status: latest.status, changedAt: latest.changedAt, seq: latest.seq },
    };
    return c.json(answer);
  });
  return routes;
}
