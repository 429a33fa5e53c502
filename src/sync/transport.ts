/**
 * The two HTTP calls of the sync protocol, each sorted into one of four answers the engine acts
 * on: ok, offline (fetch threw or timed out), update-required (426 or protocol-unsupported), or
 * failed (5xx, other 4xx, a body that is not the expected JSON). A failure is `permanent` only
 * when our own server said, in the protocol's error JSON, that the request itself is wrong
 * (bad JSON, bad shape, too large): resending the same bytes cannot help. A 4xx from anything
 * else (a captive portal, a proxy, 408/429) is never permanent. Never throws.
 */
import {
  PROTOCOL_HEADER,
  SYNC_PROTOCOL_VERSION,
  type ErrorBody,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../domain/protocol';
import { readPullResponse, readPushResponse } from '../domain/protocol-read';
import type { SyncError } from './events';

export const DEVICE_HEADER = 'x-mcld-device';
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface TransportDeps {
  fetch: typeof fetch;
  baseUrl: string;
  timeoutMs: number;
}

export type TransportAnswer<T> =
  | { kind: 'ok'; body: T }
  | { kind: 'offline'; error: SyncError }
  | { kind: 'update-required' }
  | { kind: 'failed'; error: SyncError; permanent?: boolean };

/** The server's reasons that depend only on the request's bytes. */
const PERMANENT_ERRORS = new Set(['bad-json', 'bad-request', 'body-too-large', 'too-many-items']);
/** 4xx statuses that mean "later", not "never". */
const TRANSIENT_4XX = new Set([408, 425, 429]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

async function exchange<T>(
  deps: TransportDeps,
  path: string,
  init: RequestInit,
  read: (body: unknown) => T | undefined,
): Promise<TransportAnswer<T>> {
  const doFetch = deps.fetch; // unbound: window.fetch throws "Illegal invocation" when called as deps.fetch()
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs);
  try {
    let response: Response;
    try {
      response = await doFetch(`${deps.baseUrl}${path}`, { ...init, signal: controller.signal });
    } catch (error) {
      return { kind: 'offline', error: { code: controller.signal.aborted ? 'timeout' : 'network', detail: String(error) } };
    }
    let body: unknown = undefined;
    let parsed = true;
    try {
      body = await response.json();
    } catch {
      parsed = false;
      if (controller.signal.aborted) return { kind: 'offline', error: { code: 'timeout' } };
    }
    const errorBody = isRecord(body) ? (body as Partial<ErrorBody>) : undefined;
    if (response.status === 426 || errorBody?.error === 'protocol-unsupported') return { kind: 'update-required' };
    if (response.status >= 500) return { kind: 'failed', error: { code: 'server', detail: { status: response.status } } };
    if (!response.ok) {
      const permanent =
        response.status >= 400 &&
        !TRANSIENT_4XX.has(response.status) &&
        typeof errorBody?.error === 'string' &&
        PERMANENT_ERRORS.has(errorBody.error);
      const failed: TransportAnswer<T> = { kind: 'failed', error: { code: 'refused', detail: { status: response.status, body } } };
      if (permanent) failed.permanent = true;
      return failed;
    }
    // Every field of the answer is checked before storage keeps any of it (a dossier code on a receipt).
    const answer = parsed ? read(body) : undefined;
    if (answer === undefined) return { kind: 'failed', error: { code: 'bad-response', detail: { status: response.status } } };
    return { kind: 'ok', body: answer };
  } finally {
    clearTimeout(timer);
  }
}

export function postPush(deps: TransportDeps, request: PushRequest): Promise<TransportAnswer<PushResponse>> {
  return exchange(
    deps,
    '/api/v1/sync/push',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION) },
      body: JSON.stringify(request),
    },
    readPushResponse,
  );
}

export function getPull(deps: TransportDeps, since: number, deviceId: string): Promise<TransportAnswer<PullResponse>> {
  return exchange(
    deps,
    `/api/v1/sync/pull?since=${encodeURIComponent(String(since))}`,
    {
      method: 'GET',
      headers: { [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION), [DEVICE_HEADER]: deviceId },
    },
    readPullResponse,
  );
}
