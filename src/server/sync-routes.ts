/**
 * The phone's side of the API: push finished dossiers, pull what the office did with them.
 * The protocol number travels in the push body; the `x-mcld-protocol` header is optional on
 * every sync route and, when sent, must name a version we speak (old clients learn it on pull).
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { vietnamDateOf } from '../domain/dates';
import type { FormDefinition } from '../domain/form-schema';
import { PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION, type PullResponse, type PushResponse, type PushResult } from '../domain/protocol';
import { bodyError, jsonError } from './http-errors';
import { SUPPORTED_PROTOCOLS, checkPushEnvelope, checkPushItem, isDeviceId, isSupportedProtocol } from './push-request';
import { readJsonBody } from './read-body';
import type { AcceptedSubmission, DossierStore } from './store';

/** Most status changes one pull returns; the phone pulls again while pages come back full. */
export const PULL_LIMIT = 500;

export interface SyncDeps {
  store: DossierStore;
  communeCode: string;
  now: () => number;
  maxBodyBytes: number;
  /** Every accepted version of every form; the registered content forms by default. */
  forms?: readonly FormDefinition[];
}

const SINCE = /^\d{1,15}$/;

/** The optional `x-mcld-protocol` header, when sent, must name a version we speak (every phone route). */
export const protocolHeaderGate: MiddlewareHandler = async (c, next) => {
  const header = c.req.header(PROTOCOL_HEADER);
  if (header !== undefined && !isSupportedProtocol(Number(header))) {
    return jsonError(c, 426, 'protocol-unsupported', `Protocol ${header} is not supported; update the app.`, {
      supported: [...SUPPORTED_PROTOCOLS],
    });
  }
  return next();
};

export function syncRoutes({ store, communeCode, now, maxBodyBytes, forms }: SyncDeps): Hono {
  const routes = new Hono();

  routes.use('*', protocolHeaderGate);

  routes.post('/push', async (c) => {
    const body = await readJsonBody(c.req.raw, maxBodyBytes);
    if (!body.ok) return bodyError(c, body.reason, maxBodyBytes);
    const envelope = checkPushEnvelope(body.value);
    if (!envelope.ok) {
      const extra = envelope.error === 'protocol-unsupported' ? { supported: [...SUPPORTED_PROTOCOLS] } : {};
      return jsonError(c, envelope.status, envelope.error, envelope.message, extra);
    }
    const receivedAt = now();
    const context = { communeCode, today: vietnamDateOf(receivedAt), ...(forms ? { forms } : {}) };
    const checks = envelope.items.map((item) => checkPushItem(item, context));
    const accepted: AcceptedSubmission[] = [];
    for (const check of checks) if (check.ok) accepted.push(check.submission);
    const stored = await store.pushBatch(envelope.deviceId, accepted, receivedAt);
    // The store answers stored, duplicate, conflict, or missing-blobs / invalid for attachments;
    // weave its answers back between the items refused here, in request order.
    let next = 0;
    const results: PushResult[] = checks.map((check) => (check.ok ? stored[next++] : check.result) as PushResult);
    const response: PushResponse = { protocol: SYNC_PROTOCOL_VERSION, results };
    return c.json(response);
  });

  routes.get('/pull', async (c) => {
    const deviceId = c.req.header('x-mcld-device') ?? c.req.query('device');
    if (!isDeviceId(deviceId)) {
      return jsonError(c, 400, 'bad-request', 'Send the device id in the x-mcld-device header (or ?device=).');
    }
    const sinceText = c.req.query('since') ?? '0';
    if (!SINCE.test(sinceText)) return jsonError(c, 400, 'bad-request', 'since must be a non-negative integer cursor.');
    const page = await store.pullChanges(deviceId, Number(sinceText), PULL_LIMIT);
    const response: PullResponse = { protocol: SYNC_PROTOCOL_VERSION, changes: page.changes, cursor: page.cursor };
    return c.json(response);
  });

  return routes;
}
