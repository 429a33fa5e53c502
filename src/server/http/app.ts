/**
 * The HTTP app factory: the API for phones (sync and blobs), the officer routes and the built
 * PWA, over the repositories in `stores`. Tests call `app.request()` on it without listening;
 * main.ts serves it with @hono/node-server.
 */
import { Hono } from 'hono';
import { SYNC_PROTOCOL_VERSION } from '../../domain/protocol';
import type { Catalog } from '../../domain/catalog';
import type { FormDefinition } from '../../domain/form-schema';
import { BUNDLED_CATALOG } from '../../content/catalog';
import { catalogRoutes } from '../catalog/catalog-routes';
import type { StoreKind } from '../db/store-kind';
import { officerRoutes } from '../dossiers/officer-routes';
import type { Stores } from '../stores';
import { DEFAULT_MAX_BLOB_BYTES, blobRoutes } from '../sync/blob-routes';
import { syncRoutes } from '../sync/sync-routes';
import { jsonError } from './http-errors';
import { DEFAULT_MAX_BODY_BYTES } from './read-body';
import { noStoreByDefault, securityHeaders } from './security-headers';
import { staticFiles } from './static-files';

export interface AppOptions {
  /** The repositories; the app never closes them (main.ts and the tests do). */
  stores: Stores;
  /** The commune this deployment receives dossiers for; others are refused per item. */
  communeCode: string;
  /** Built PWA to serve (dist/client); without it only the API answers. */
  staticDir?: string;
  now?: () => number;
  maxBodyBytes?: number;
  /** Largest accepted blob (PUT /api/v1/blobs/…); DEFAULT_MAX_BLOB_BYTES when absent. */
  maxBlobBytes?: number;
  /** Every accepted version of every form; the registered content forms when absent (tests add others). */
  forms?: readonly FormDefinition[];
  /** Bearer token for POST /api/v1/officer/status and GET /api/v1/blobs/…; without one those are 404. */
  officerToken?: string;
  /** The catalogue published at GET /api/v1/catalog; the bundled one by default. */
  catalog?: Catalog;
}

export interface HealthResponse {
  ok: true;
  protocol: number;
  store: StoreKind;
}

export function createApp(options: AppOptions): Hono {
  const { stores, communeCode } = options;
  const { sync, dossiers } = stores;
  const now = options.now ?? Date.now;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const app = new Hono();

  app.use('*', securityHeaders);
  app.use('/api/*', noStoreByDefault);
  app.get('/api/v1/health', (c) => {
    const health: HealthResponse = { ok: true, protocol: SYNC_PROTOCOL_VERSION, store: stores.kind };
    return c.json(health);
  });
  app.route('/api/v1/catalog', catalogRoutes(options.catalog ?? BUNDLED_CATALOG));
  app.route('/api/v1/sync', syncRoutes({ sync, communeCode, now, maxBodyBytes, ...(options.forms ? { forms: options.forms } : {}) }));
  const maxBlobBytes = options.maxBlobBytes ?? DEFAULT_MAX_BLOB_BYTES;
  app.route(
    '/api/v1/blobs',
    blobRoutes({ sync, communeCode, now, maxBlobBytes, ...(options.officerToken ? { officerToken: options.officerToken } : {}) }),
  );
  if (options.officerToken) {
    app.route('/api/v1/officer', officerRoutes({ dossiers, officerToken: options.officerToken, now, maxBodyBytes }));
  }
  app.all('/api/*', (c) => jsonError(c, 404, 'not-found', `No API route ${c.req.method} ${c.req.path}.`));
  if (options.staticDir) app.get('*', staticFiles(options.staticDir));

  app.notFound((c) => jsonError(c, 404, 'not-found', `Nothing at ${c.req.method} ${c.req.path}.`));
  app.onError((error, c) => {
    console.error('Unhandled error', error);
    return jsonError(c, 500, 'internal', 'The server could not handle this request; try again later.');
  });
  return app;
}
