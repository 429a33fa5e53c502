/**
 * The HTTP calls of the sync protocol, each sorted into one of the answers the engine acts on:
 * ok, offline (fetch threw or timed out), update-required (426 or protocol-unsupported),
 * unauthorized (401: no valid credential, or this phone was revoked), rate-limited (429 from our
 * server, with the wait it asked for), or failed (5xx, other 4xx, a body that is not the expected
 * JSON). Every call but registration carries the device credential. A failure is `permanent` only
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
import { authorizationOf, readCredentialAnswer, type DeviceCredential } from '../domain/device-credential';
import { readPullResponse, readPushResponse } from '../domain/protocol-read';
import { readLookupAnswer, type LookupAnswer, type LookupRequest } from '../domain/dossier-lookup';
import type { SyncError } from './events';

export const DEFAULT_TIMEOUT_MS = 30_000;
/** Waits longer than this in Retry-After are capped: a phone must not sleep for days on a bad header. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

export interface TransportDeps {
  fetch: typeof fetch;
  baseUrl: string;
  timeoutMs: number;
}

export type TransportAnswer<T> =
  | { kind: 'ok'; body: T }
  | { kind: 'offline'; error: SyncError }
  | { kind: 'update-required' }
  /** `revoked`: the server refused this phone for good (revoked device, disabled account). */
  | { kind: 'unauthorized'; revoked: boolean }
  | { kind: 'rate-limited'; retryAfterMs: number; error: SyncError }
  /** `reason`: the error code of our server's JSON body, when it sent one. */
  | { kind: 'failed'; error: SyncError; permanent?: boolean; reason?: string };

/** The server's reasons that depend only on the request's bytes. */
const PERMANENT_ERRORS = new Set(['bad-json', 'bad-request', 'body-too-large', 'too-many-items']);
/** 4xx statuses that mean "later", not "never". */
const TRANSIENT_4XX = new Set([408, 425, 429]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** One request and its answer sorted (exported for the other lanes: visit-lane.ts). */
export async function exchange<T>(
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
    // Read as plain text: a newer server may name reasons this app does not know.
    const reason: string | undefined = typeof errorBody?.error === 'string' ? (errorBody.error as string) : undefined;
    if (response.status === 426 || reason === 'protocol-unsupported') return { kind: 'update-required' };
    if (response.status >= 500) return { kind: 'failed', error: { code: 'server', detail: { status: response.status } } };
    // Only our server's own JSON counts: a captive portal's 401 or 429 is just a failure.
    if (response.status === 401 && (reason === 'unauthorized' || reason === 'device-revoked')) {
      return { kind: 'unauthorized', revoked: reason === 'device-revoked' };
    }
    if (response.status === 429 && reason !== undefined) {
      return {
        kind: 'rate-limited',
        retryAfterMs: retryAfterMs(response.headers.get('Retry-After')),
        error: { code: reason === 'quota-exceeded' ? 'quota-exceeded' : 'refused', detail: { status: 429, reason } },
      };
    }
    if (!response.ok) {
      const permanent =
        response.status >= 400 &&
        !TRANSIENT_4XX.has(response.status) &&
        typeof errorBody?.error === 'string' &&
        PERMANENT_ERRORS.has(errorBody.error);
      const failed: TransportAnswer<T> = { kind: 'failed', error: { code: 'refused', detail: { status: response.status, body } } };
      if (permanent) failed.permanent = true;
      if (reason !== undefined) failed.reason = reason;
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

/** Seconds (or an HTTP date) in Retry-After as milliseconds from now; a missing or odd value waits a minute. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number {
  const seconds = header !== null && /^\d+$/.test(header.trim()) ? Number(header.trim()) : NaN;
  const ms = Number.isFinite(seconds) ? seconds * 1000 : header ? Date.parse(header) - now : NaN;
  return Number.isFinite(ms) ? Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)) : 60_000;
}

export const protocolHeaders = (credential: DeviceCredential | null): Record<string, string> => ({
  [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION),
  ...(credential ? { authorization: authorizationOf(credential) } : {}),
});

export function postPush(deps: TransportDeps, credential: DeviceCredential, request: PushRequest): Promise<TransportAnswer<PushResponse>> {
  return exchange(
    deps,
    '/api/v1/sync/push',
    { method: 'POST', headers: { 'content-type': 'application/json', ...protocolHeaders(credential) }, body: JSON.stringify(request) },
    readPushResponse,
  );
}

export function getPull(deps: TransportDeps, credential: DeviceCredential, since: number): Promise<TransportAnswer<PullResponse>> {
  return exchange(
    deps,
    `/api/v1/sync/pull?since=${encodeURIComponent(String(since))}`,
    { method: 'GET', headers: protocolHeaders(credential) },
    readPullResponse,
  );
}

/** A resident's phone registers itself (no credential yet); the answer is its credential. */
export function postRegister(deps: TransportDeps): Promise<TransportAnswer<DeviceCredential>> {
  return exchange(
    deps,
    '/api/v1/devices/register',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...protocolHeaders(null) },
      body: JSON.stringify({ protocol: SYNC_PROTOCOL_VERSION }),
    },
    readCredentialAnswer,
  );
}

/** An outreach phone becomes its staff member's device with a one-time code. */
export function postEnrol(deps: TransportDeps, code: string): Promise<TransportAnswer<DeviceCredential>> {
  return exchange(
    deps,
    '/api/v1/devices/enrol',
    { method: 'POST', headers: { 'content-type': 'application/json', ...protocolHeaders(null) }, body: JSON.stringify({ code }) },
    readCredentialAnswer,
  );
}

/** "Theo dõi hồ sơ": follow a dossier this phone did not send, by its code and the applicant's last digits. */
export function postLookup(
  deps: TransportDeps,
  credential: DeviceCredential,
  request: LookupRequest,
): Promise<TransportAnswer<LookupAnswer>> {
  return exchange(
    deps,
    '/api/v1/lookup',
    { method: 'POST', headers: { 'content-type': 'application/json', ...protocolHeaders(credential) }, body: JSON.stringify(request) },
    readLookupAnswer,
  );
}
