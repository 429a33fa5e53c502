/**
 * The HTTP app factory: the API for phones (device credentials, sync and blobs), for staff
 * (sign-in, accounts, devices, dossiers) and the built PWA, over the repositories in `stores`. Tests call `app.request()` on it without listening;
 * main.ts serves it with @hono/node-server.
 *
 * One middleware stack, in this order, before any route: security headers, the client address,
 * the Host, Origin and content-type guards (guards.ts); then each route group's own checks (the
 * protocol gate, the device credential or the staff session).
 */
import { Hono } from 'hono';
import { SYNC_PROTOCOL_VERSION } from '../../domain/protocol';
import type { Catalog } from '../../domain/catalog';
import type { FormDefinition } from '../../domain/form-schema';
import { BUNDLED_CATALOG } from '../../content/catalog';
import { authRoutes } from '../accounts/auth-routes';
import { OWASP_SCRYPT, type ScryptParams } from '../accounts/passwords';
import { loadSession } from '../accounts/session';
import { staffRoutes } from '../accounts/staff-routes';
import { auditor } from '../audit/audit-log';
import { groupRoutes, progressRoutes, reportRoutes, villageRoutes, visitRoutes } from '../campaign/campaign-routes';
import { catalogRoutes } from '../catalog/catalog-routes';
import type { StoreKind } from '../db/store-kind';
import { requireDevice } from '../devices/device-auth';
import { deviceRoutes } from '../devices/device-routes';
import { dossierRoutes } from '../dossiers/dossier-routes';
import { officeRoutes } from '../office/office-routes';
import { HOLIDAY_CALENDARS } from '../../content/holidays';
import { lookupRoutes } from '../dossiers/lookup-routes';
import type { Stores } from '../stores';
import { DEFAULT_MAX_BLOB_BYTES, blobRoutes } from '../sync/blob-routes';
import { DEFAULT_RESIDENT_QUOTA, type ResidentQuota } from '../sync/resident-quota';
import { syncRoutes } from '../sync/sync-routes';
import { keyRoutes } from '../keys/key-routes';
import type { SealKeyring } from '../keys/seal-keys';
import type { AppEnv } from './app-env';
import { clientIp } from './client-ip';
import { compressJson } from './compression';
import { hostGuard, jsonContentGuard, originGuard } from './guards';
import { jsonError } from './http-errors';
import { rateLimiters, type RateLimits } from './rate-limit';
import { BodyAbortedError, DEFAULT_MAX_BODY_BYTES } from './read-body';
import { noStoreByDefault, securityHeaders } from './security-headers';
import { staticFiles } from './static-files';

/** The host names answered when ALLOWED_HOSTS says nothing (the tests' and a laptop's). */
export const DEFAULT_ALLOWED_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

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
  /** The catalogue published at GET /api/v1/catalog; the bundled one by default. */
  catalog?: Catalog;
  /** Host names (no port) this server answers for; DEFAULT_ALLOWED_HOSTS when absent. */
  allowedHosts?: readonly string[];
  /** TRUST_PROXY: believe X-Forwarded-For and X-Forwarded-Proto from the reverse proxy. */
  trustProxy?: boolean;
  /** RESIDENT_SUBMISSIONS: residents' own phones may register (default true). */
  residentSubmissions?: boolean;
  /** scrypt parameters for new password hashes; OWASP_SCRYPT by default (tests pass cheaper ones). */
  passwordParams?: Readonly<ScryptParams>;
  /** Changes to DEFAULT_RATE_LIMITS (in-memory, per process). */
  rateLimits?: Partial<RateLimits>;
  /** RESIDENT_DAILY_DOSSIERS / RESIDENT_DAILY_PHOTO_MB: a resident phone's daily allowance; DEFAULT_RESIDENT_QUOTA when absent. */
  residentQuota?: ResidentQuota;
  /** The sealing keys (server/keys/); without them GET /api/v1/keys/seal is 404 and sealed items do not open. */
  sealKeys?: SealKeyring;
}

/** The app as createApp makes it (tests and main.ts take this type). */
export type ServerApp = Hono<AppEnv>;

export interface HealthResponse {
  ok: true;
  protocol: number;
  store: StoreKind;
}

export function createApp(options: AppOptions): ServerApp {
  const { stores, communeCode } = options;
  const { sync, dossiers, devices, accounts } = stores;
  const now = options.now ?? Date.now;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const trustProxy = options.trustProxy ?? false;
  const passwordParams = options.passwordParams ?? OWASP_SCRYPT;
  const limits = rateLimiters(options.rateLimits ?? {}, now);
  const audit = auditor(stores.audit, communeCode, now);
  const sessions = { accounts, communeCode, now, trustProxy };
  const residentQuota = options.residentQuota ?? DEFAULT_RESIDENT_QUOTA;
  const app = new Hono<AppEnv>();

  app.use('*', securityHeaders);
  app.use('*', clientIp(trustProxy), hostGuard(options.allowedHosts ?? DEFAULT_ALLOWED_HOSTS), originGuard(trustProxy), jsonContentGuard);
  app.use('/api/*', compressJson, noStoreByDefault, loadSession(sessions));
  app.get('/api/v1/health', (c) => {
    const health: HealthResponse = { ok: true, protocol: SYNC_PROTOCOL_VERSION, store: stores.kind };
    return c.json(health);
  });
  const deviceAuth = requireDevice({ devices, communeCode, now });
  if (options.sealKeys) app.route('/api/v1/keys', keyRoutes(options.sealKeys));
  app.route('/api/v1/catalog', catalogRoutes(options.catalog ?? BUNDLED_CATALOG));
  app.route(
    '/api/v1/auth',
    authRoutes({ ...sessions, audit, maxBodyBytes, passwordParams, loginPerIp: limits.loginPerIp, setupPerIp: limits.setupPerIp }),
  );
  app.route('/api/v1/staff', staffRoutes({ accounts, audit, communeCode, now, maxBodyBytes, passwordParams }));
  app.route(
    '/api/v1/devices',
    deviceRoutes({
      devices,
      accounts,
      audit,
      communeCode,
      now,
      maxBodyBytes,
      deviceAuth,
      residentSubmissions: options.residentSubmissions ?? true,
      registerPerIp: limits.registerPerIp,
      enrolPerIp: limits.enrolPerIp,
    }),
  );
  app.route(
    '/api/v1/sync',
    syncRoutes({
      sync,
      communeCode,
      now,
      maxBodyBytes,
      deviceAuth,
      pushPerDevice: limits.pushPerDevice,
      pushPerIp: limits.pushPerIp,
      residentQuota,
      ...(options.forms ? { forms: options.forms } : {}),
      ...(options.sealKeys ? { sealKeys: options.sealKeys } : {}),
    }),
  );
  const maxBlobBytes = options.maxBlobBytes ?? DEFAULT_MAX_BLOB_BYTES;
  app.route(
    '/api/v1/blobs',
    blobRoutes({
      sync,
      communeCode,
      now,
      maxBlobBytes,
      deviceAuth,
      putPerDevice: limits.blobPutPerDevice,
      putPerIp: limits.blobPutPerIp,
      audit,
      residentQuota,
    }),
  );
  const office = { office: stores.office, catalog: options.catalog ?? BUNDLED_CATALOG, calendars: HOLIDAY_CALENDARS };
  app.route('/api/v1/dossiers', dossierRoutes({ dossiers, audit, communeCode, now, maxBodyBytes, ...office }));
  app.route('/api/v1', officeRoutes({ ...office, audit, communeCode, now, maxBodyBytes }));
  app.route('/api/v1/lookup', lookupRoutes({ dossiers, audit, communeCode, now, maxBodyBytes, deviceAuth }));
  const campaign = {
    campaign: stores.campaign,
    audit,
    communeCode,
    now,
    maxBodyBytes,
    deviceAuth,
    visitPushPerDevice: limits.visitPushPerDevice,
  };
  app.route('/api/v1/villages', villageRoutes(campaign));
  app.route('/api/v1/groups', groupRoutes(campaign));
  app.route('/api/v1/sync/visits', visitRoutes(campaign));
  app.route('/api/v1/campaign', progressRoutes(campaign));
  app.route('/api/v1/reports', reportRoutes(campaign));
  app.all('/api/*', (c) => jsonError(c, 404, 'not-found', `No API route ${c.req.method} ${c.req.path}.`));
  if (options.staticDir) app.get('*', staticFiles(options.staticDir));

  app.notFound((c) => jsonError(c, 404, 'not-found', `Nothing at ${c.req.method} ${c.req.path}.`));
  app.onError((error, c) => {
    if (error instanceof BodyAbortedError) {
      // Routine on 2G: one line without the path (it may carry a photo's hash), no stack.
      console.warn(`${c.req.method} request aborted by the client before its body was complete; nothing stored.`);
      return jsonError(c, 400, 'bad-request', 'The body ended before it was complete.');
    }
    console.error('Unhandled error', error);
    return jsonError(c, 500, 'internal', 'The server could not handle this request; try again later.');
  });
  return app;
}
