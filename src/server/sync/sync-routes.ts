/** The phone's side of the API under /api/v1/sync: push finished dossiers, pull what the office did with them. */
import { Hono } from 'hono';
import { protocolHeaderGate } from './protocol-gate';
import { pullRoute } from './pull-route';
import { pushRoute, type PushDeps } from './push-route';

export type SyncDeps = PushDeps;

export function syncRoutes(deps: SyncDeps): Hono {
  const routes = new Hono();
  routes.use('*', protocolHeaderGate);
  routes.post('/push', pushRoute(deps));
  routes.get('/pull', pullRoute(deps));
  return routes;
}
