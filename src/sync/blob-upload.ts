/**
 * Blobs first: before a dossier is pushed, each of its photos is asked about
 * with `HEAD /api/v1/blobs/{sha256}` and only the ones the server lacks are PUT, so a photo
 * crosses a weak signal once. A network error stops the upload at once (the rest would fail the
 * same way) and is reported, so the engine retries the dossiers later. Every request carries the
 * device credential. Never throws.
 */
import { PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '../domain/protocol';
import { DEFAULT_TIMEOUT_MS, retryAfterMs } from './transport';

export interface BlobUploadDeps {
  fetch: typeof fetch;
  /** Origin of the API, '' for the page's own origin. */
  baseUrl?: string;
  readBlob: (sha256: string) => Promise<{ blob: Blob; type: string } | undefined>;
  /** The device credential's Authorization header value. */
  authorization: string;
  /** Per request. */
  timeoutMs?: number;
  /** Called as each photo is on the server: PUT accepted, or the server had it (for progress). */
  onDone?: (sha256: string) => void;
}

export interface BlobUploadReport {
  /** PUT now (201 or 200). */
  uploaded: string[];
  /** The server already had them (HEAD 200): no bytes sent. */
  present: string[];
  /** Not on the server, with the reason. */
  failed: BlobFailure[];
}

/**
 * Why a photo is not on the server: 'network' or 'timeout' (the upload stopped there; hashes
 * after it are 'not-attempted'), 'server' (5xx), 'refused' (4xx: hash mismatch, too large, wrong
 * type; `status` says which), 'not-on-device' (this phone does not hold the bytes),
 * 'update-required', 'unauthorized' (401: the push that follows says why, since a HEAD answer has
 * no body to tell a revoked phone from an unknown one), 'rate-limited' (429, with the wait).
 */
export const BLOB_UPLOAD_ERRORS = [
  'network',
  'timeout',
  'server',
  'refused',
  'not-on-device',
  'update-required',
  'unauthorized',
  'rate-limited',
  'not-attempted',
] as const;
export type BlobUploadError = (typeof BLOB_UPLOAD_ERRORS)[number];

type Failure =
  | { error: Exclude<BlobUploadError, 'refused' | 'rate-limited'> }
  | { error: 'refused'; status: number }
  /** `quota`: the server said this resident phone's daily photo allowance is used up. */
  | { error: 'rate-limited'; retryAfterMs: number; quota: boolean };
export type BlobFailure = { sha256: string } & Failure;

/** The errors after which nothing else was tried: the whole upload should be retried later. */
export const STOPPING_ERRORS: ReadonlySet<BlobUploadError> = new Set<BlobUploadError>([
  'network',
  'timeout',
  'update-required',
  'unauthorized',
  'rate-limited',
]);

type Step =
  { kind: 'status'; status: number; retryAfter: string | null; reason?: string } | { kind: 'offline'; error: 'network' | 'timeout' };

/** The `error` of our server's JSON body (read only for a 429, to tell an allowance from a burst). */
async function reasonOf(response: Response): Promise<string | undefined> {
  const body: unknown = await response.json().catch(() => undefined);
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  return typeof error === 'string' ? error : undefined;
}

async function request(deps: BlobUploadDeps, sha256: string, init: RequestInit): Promise<Step> {
  const doFetch = deps.fetch; // unbound, as transport.ts explains
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const response = await doFetch(`${deps.baseUrl ?? ''}/api/v1/blobs/${sha256}`, {
      ...init,
      headers: {
        ...(init.headers as Record<string, string> | undefined),
        [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION),
        authorization: deps.authorization,
      },
      signal: controller.signal,
    });
    const retryAfter = response.headers.get('Retry-After');
    if (response.status === 429) {
      const reason = await reasonOf(response);
      return { kind: 'status', status: 429, retryAfter, ...(reason !== undefined ? { reason } : {}) };
    }
    // Read (and drop) the body so the connection is free and a timeout covers it.
    await response.arrayBuffer().catch(() => undefined);
    return { kind: 'status', status: response.status, retryAfter };
  } catch {
    return { kind: 'offline', error: controller.signal.aborted ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
  }
}

function failure(step: Extract<Step, { kind: 'status' }>): Failure {
  if (step.status === 426) return { error: 'update-required' };
  if (step.status === 401) return { error: 'unauthorized' };
  if (step.status === 429)
    return { error: 'rate-limited', retryAfterMs: retryAfterMs(step.retryAfter), quota: step.reason === 'quota-exceeded' };
  return step.status >= 500 ? { error: 'server' } : { error: 'refused', status: step.status };
}

/**
 * How many photos are asked about and sent at once. On 2G each request waits a long round trip
 * (~0.8 s); a few in flight overlap those waits while the uplink stays the bottleneck.
 */
export const UPLOAD_CONCURRENCY = 3;

type Outcome = { kind: 'present' | 'uploaded' } | ({ kind: 'failed' } & Failure);

/** One photo: HEAD, then PUT when the server lacks it. */
async function uploadOne(deps: BlobUploadDeps, sha256: string): Promise<Outcome> {
  const head = await request(deps, sha256, { method: 'HEAD' });
  if (head.kind === 'offline') return { kind: 'failed', error: head.error };
  if (head.status === 200) return { kind: 'present' };
  if (head.status !== 404) return { kind: 'failed', ...failure(head) };
  const stored = await deps.readBlob(sha256);
  if (!stored) return { kind: 'failed', error: 'not-on-device' };
  const put = await request(deps, sha256, { method: 'PUT', headers: { 'content-type': stored.type }, body: stored.blob });
  if (put.kind === 'offline') return { kind: 'failed', error: put.error };
  if (put.status === 200 || put.status === 201) return { kind: 'uploaded' };
  return { kind: 'failed', ...failure(put) };
}

/**
 * HEAD each hash (once), PUT the missing ones, a few at a time; see BlobUploadReport for what
 * comes back. After a stopping error nothing new starts and the hashes not started are reported
 * 'not-attempted'.
 */
export async function uploadBlobs(hashes: readonly string[], deps: BlobUploadDeps): Promise<BlobUploadReport> {
  const report: BlobUploadReport = { uploaded: [], present: [], failed: [] };
  const queue = [...new Set(hashes)];
  const outcomes = new Map<string, Outcome>();
  let next = 0;
  let stopped = false;
  async function worker(): Promise<void> {
    while (!stopped && next < queue.length) {
      const sha256 = queue[next++] as string;
      const outcome = await uploadOne(deps, sha256);
      outcomes.set(sha256, outcome);
      if (outcome.kind !== 'failed') deps.onDone?.(sha256);
      if (outcome.kind === 'failed' && STOPPING_ERRORS.has(outcome.error)) stopped = true;
    }
  }
  await Promise.all(Array.from({ length: Math.min(UPLOAD_CONCURRENCY, queue.length) }, worker));
  for (const sha256 of queue) {
    const outcome = outcomes.get(sha256);
    if (!outcome) report.failed.push({ sha256, error: 'not-attempted' });
    else if (outcome.kind === 'failed') {
      const { kind: _kind, ...reason } = outcome;
      report.failed.push({ sha256, ...reason });
    } else report[outcome.kind].push(sha256);
  }
  return report;
}
