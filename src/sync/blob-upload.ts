/**
 * Blobs first: before a dossier is pushed, each of its photos is asked about
 * with `HEAD /api/v1/blobs/{sha256}` and only the ones the server lacks are PUT, so a photo
 * crosses a weak signal once. A network error stops the upload at once (the rest would fail the
 * same way) and is reported, so the engine retries the dossiers later. Never throws.
 */
import { PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '../domain/protocol';
import { DEFAULT_TIMEOUT_MS } from './transport';

export interface BlobUploadDeps {
  fetch: typeof fetch;
  /** Origin of the API, '' for the page's own origin. */
  baseUrl?: string;
  readBlob: (sha256: string) => Promise<{ blob: Blob; type: string } | undefined>;
  /** Per request. */
  timeoutMs?: number;
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
 * type; `status` says which), 'not-on-device' (this phone does not hold the bytes), 'update-required'.
 */
export const BLOB_UPLOAD_ERRORS = ['network', 'timeout', 'server', 'refused', 'not-on-device', 'update-required', 'not-attempted'] as const;
export type BlobUploadError = (typeof BLOB_UPLOAD_ERRORS)[number];

export type BlobFailure =
  { sha256: string; error: Exclude<BlobUploadError, 'refused'> } | { sha256: string; error: 'refused'; status: number };

/** The errors after which nothing else was tried: the whole upload should be retried later. */
export const STOPPING_ERRORS: ReadonlySet<BlobUploadError> = new Set<BlobUploadError>(['network', 'timeout', 'update-required']);

type Step = { kind: 'status'; status: number } | { kind: 'offline'; error: 'network' | 'timeout' };

async function request(deps: BlobUploadDeps, sha256: string, init: RequestInit): Promise<Step> {
  const doFetch = deps.fetch; // unbound, as transport.ts explains
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const response = await doFetch(`${deps.baseUrl ?? ''}/api/v1/blobs/${sha256}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string> | undefined), [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION) },
      signal: controller.signal,
    });
    // Read (and drop) the body so the connection is free and a timeout covers it.
    await response.arrayBuffer().catch(() => undefined);
    return { kind: 'status', status: response.status };
  } catch {
    return { kind: 'offline', error: controller.signal.aborted ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
  }
}

function failure(status: number): Failed {
  if (status === 426) return { kind: 'failed', error: 'update-required' };
  return status >= 500 ? { kind: 'failed', error: 'server' } : { kind: 'failed', error: 'refused', status };
}

/**
 * How many photos are asked about and sent at once. On 2G each request waits a long round trip
 * (~0.8 s); a few in flight overlap those waits while the uplink stays the bottleneck.
 */
export const UPLOAD_CONCURRENCY = 3;

type Failed =
  { kind: 'failed'; error: Exclude<BlobUploadError, 'refused' | 'not-attempted'> } | { kind: 'failed'; error: 'refused'; status: number };
type Outcome = { kind: 'present' | 'uploaded' } | Failed;

/** One photo: HEAD, then PUT when the server lacks it. */
async function uploadOne(deps: BlobUploadDeps, sha256: string): Promise<Outcome> {
  const head = await request(deps, sha256, { method: 'HEAD' });
  if (head.kind === 'offline') return { kind: 'failed', error: head.error };
  if (head.status === 200) return { kind: 'present' };
  if (head.status !== 404) return failure(head.status);
  const stored = await deps.readBlob(sha256);
  if (!stored) return { kind: 'failed', error: 'not-on-device' };
  const put = await request(deps, sha256, { method: 'PUT', headers: { 'content-type': stored.type }, body: stored.blob });
  if (put.kind === 'offline') return { kind: 'failed', error: put.error };
  if (put.status === 200 || put.status === 201) return { kind: 'uploaded' };
  return failure(put.status);
}

/**
 * HEAD each hash (once), PUT the missing ones, a few at a time; see BlobUploadReport for what
 * comes back. After a stopping error (network, timeout, update required) nothing new starts and
 * the hashes not started are reported 'not-attempted'.
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
      if (outcome.kind === 'failed' && STOPPING_ERRORS.has(outcome.error)) stopped = true;
    }
  }
  await Promise.all(Array.from({ length: Math.min(UPLOAD_CONCURRENCY, queue.length) }, worker));
  for (const sha256 of queue) {
    const outcome = outcomes.get(sha256);
    if (!outcome) report.failed.push({ sha256, error: 'not-attempted' });
    else if (outcome.kind === 'failed')
      report.failed.push(
        outcome.error === 'refused' ? { sha256, error: 'refused', status: outcome.status } : { sha256, error: outcome.error },
      );
    else report[outcome.kind].push(sha256);
  }
  return report;
}
