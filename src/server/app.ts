/**
 * The HTTP app factory: the API for phones (sync and blobs), the officer seed routes and the built PWA. Tests call
 * `app.request()` on it without listening; main.ts serves it with @hono/node-server.
 */
import { Hono } from 'hono';
import { SYNC_PROTOCOL_VERSION } from '../domain/protocol';
import type { Catalog } from '../domain/catalog';
import type { FormDefinition } from '../domain/form-schema';
import { BUNDLED_CATALOG } from '../content/catalog';
import { DEFAULT_MAX_BLOB_BYTES, blobRoutes } from './blob-routes';
import { catalogRoutes } from './catalog-routes';
import { jsonError } from './http-errors';
import { officerRoutes } from './officer-routes';
import { DEFAULT_MAX_BODY_BYTES } from './read-body';
import { staticFiles } from './static-files';
import type { DossierStore, StoreKind } from './store';
import { syncRoutes } from './sync-routes';

export interface AppOptions {
  store: DossierStore;
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

/** Works with a Vite build: no inline scripts; inline styles allowed for component style attributes. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export function createApp(options: AppOptions): Hono {
  const { store, communeCode } = options;
  const now = options.now ?? Date.now;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  });

  app.use('/api/*', async (c, next) => {
    await next();
    // Personal data: no proxy or browser cache keeps API answers.
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });
  app.get('/api/v1/health', (c) => {
    const health: HealthResponse = { ok: true, protocol: SYNC_PROTOCOL_VERSION, store: store.kind };
    return c.json(health);
  });
  app.route('/api/v1/catalog', catalogRoutes(options.catalog ?? BUNDLED_CATALOG));
  app.route('/api/v1/sync', syncRoutes({ store, communeCode, now, maxBodyBytes, ...(options.forms ? { forms: options.forms } : {}) }));
  const maxBlobBytes = options.maxBlobBytes ?? DEFAULT_MAX_BLOB_BYTES;
  app.route('/api/v1/blobs', blobRoutes({ store, communeCode, now, maxBlobBytes, ...(options.officerToken ? { officerToken: options.officerToken } : {}) }));
  if (options.officerToken) {
    app.route('/api/v1/officer', officerRoutes({ store, officerToken: options.officerToken, now, maxBodyBytes }));
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
