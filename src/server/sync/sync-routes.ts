/**
 * The phone's side of the API under /api/v1/sync: push finished dossiers, pull what the office
 * did with them. The protocol gate first (an old phone learns to update, whatever else is
 * wrong), then the device credential; the routes act for the device it names.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env';
import { rateLimit, type RateLimiter } from '../http/rate-limit';
import { protocolHeaderGate } from './protocol-gate';
import { pullRoute } from './pull-route';
import { pushRoute, type PushDeps } from './push-route';

export interface SyncDeps extends PushDeps {
  /** requireDevice (devices/device-auth.ts). */
  deviceAuth: MiddlewareHandler<AppEnv>;
  pushPerDevice: RateLimiter;
  pushPerIp: RateLimiter;
}

export function syncRoutes(deps: SyncDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', protocolHeaderGate);
  // The address first (cheap, before the credential is looked up), then the device.
  routes.post(
    '/push',
    rateLimit(deps.pushPerIp, (c) => c.var.clientIp),
    deps.deviceAuth,
    rateLimit(deps.pushPerDevice, (c) => c.var.device.id),
    pushRoute(deps),
  );
  routes.get('/pull', deps.deviceAuth, pullRoute(deps));
  return routes;
}
