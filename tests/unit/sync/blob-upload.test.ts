/**
 * Blobs first, against a fake server that speaks the blob protocol (HEAD 200/404, PUT verifying
 * the hash) and stores a pushed dossier only when all its blobs are there: present blobs cost one
 * HEAD, missing ones are PUT, a network error mid-upload pushes nothing and is retried later, a
 * `missing-blobs` answer leads to a re-upload, and after success no photo byte is sent again.
 */
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { attachmentHashesIn } from '../../../src/domain/attachment-hashes';
import type { PushRequest, PushResult, Submission } from '../../../src/domain/protocol';
import { UPLOAD_CONCURRENCY, uploadBlobs } from '../../../src/sync/blob-upload';
import { createBlobsFirst } from '../../../src/sync/blobs-first';
import { createSyncEngine } from '../../../src/sync/engine';
import { makeSubmission, portsOf, useFreshStorage } from '../storage/fresh-storage';
import { TEST_CREDENTIAL, fakeDossierCode } from './fake-server';
import { authorizationOf } from '../../../src/domain/device-credential';

const storage = useFreshStorage();
beforeEach(() => storage().settings.setCredential(TEST_CREDENTIAL));
const AUTH = authorizationOf(TEST_CREDENTIAL);

const BASE = 'https://xa-demo.example';

interface Call {
  method: string;
  path: string;
  bytes: number;
}

/** The server's blob and push routes, in memory, with a switch to drop the network. */
class BlobServer {
  readonly blobs = new Map<string, { bytes: Uint8Array; type: string }>();
  readonly dossiers = new Set<string>();
  readonly calls: Call[] = [];
  /** Requests answered before the network drops (Infinity: never). */
  networkBudget = Infinity;
  /** Forget these blobs just before the next push is handled (a server restored from backup). */
  forgetBeforePush: string[] = [];

  readonly fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const method = init.method ?? 'GET';
    if (this.networkBudget <= 0) throw new TypeError('Failed to fetch');
    this.networkBudget -= 1;
    const body =
      init.body instanceof Blob
        ? new Uint8Array(await init.body.arrayBuffer())
        : typeof init.body === 'string'
          ? new TextEncoder().encode(init.body)
          : new Uint8Array();
    this.calls.push({ method, path: url.pathname, bytes: body.byteLength });
    const blob = /^\/api\/v1\/blobs\/([0-9a-f]{64})$/.exec(url.pathname);
    if (blob && method === 'HEAD') return new Response(null, { status: this.blobs.has(blob[1]!) ? 200 : 404 });
    if (blob && method === 'PUT') {
      if (createHash('sha256').update(body).digest('hex') !== blob[1])
        return Response.json({ error: 'blob-hash-mismatch' }, { status: 400 });
      const had = this.blobs.has(blob[1]!);
      this.blobs.set(blob[1]!, { bytes: body, type: new Headers(init.headers).get('content-type') ?? '' });
      return Response.json({ sha256: blob[1], size: body.byteLength }, { status: had ? 200 : 201 });
    }
    if (url.pathname === '/api/v1/sync/push' && method === 'POST') {
      for (const hash of this.forgetBeforePush.splice(0)) this.blobs.delete(hash);
      const request = JSON.parse(new TextDecoder().decode(body)) as PushRequest;
      const results: PushResult[] = request.items.map((item) => {
        const missing = attachmentHashesIn((item as Submission).answers).filter((hash) => !this.blobs.has(hash));
        if (missing.length > 0) return { id: item.id, outcome: 'missing-blobs', missing };
        const outcome = this.dossiers.has(item.id) ? 'duplicate' : 'stored';
        this.dossiers.add(item.id);
        return { id: item.id, outcome, dossierCode: fakeDossierCode(parseInt(item.id.slice(0, 4), 16), 1), receivedAt: 1 };
      });
      return Response.json({ protocol: request.protocol, results });
    }
    if (url.pathname === '/api/v1/sync/pull') return Response.json({ protocol: 1, changes: [], cursor: 0 });
    return Response.json({ error: 'not-found' }, { status: 404 });
  }) as typeof fetch;

  count(method: string): number {
    return this.calls.filter((call) => call.method === method).length;
  }

  bytesSent(): number {
    return this.calls.filter((call) => call.method === 'PUT').reduce((sum, call) => sum + call.bytes, 0);
  }
}

/** A blob stored on the phone under its real hash. */
async function phoneBlob(text: string, type = 'image/jpeg'): Promise<{ sha256: string; name: string; type: 'image/jpeg'; size: number }> {
  const bytes = new TextEncoder().encode(text);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await storage().blobs.putBlob(sha256, new Blob([bytes], { type }), type, Date.now());
  return { sha256, name: `${text}.jpg`, type: 'image/jpeg', size: bytes.byteLength };
}

function engineFor(server: BlobServer) {
  let time = 1_000_000;
  const engine = createSyncEngine({
    fetch: server.fetch,
    now: () => time,
    random: () => 0.5,
    baseUrl: BASE,
    ...portsOf(storage()),
    ...createBlobsFirst(storage().blobs),
  });
  return { engine, advance: (ms: number) => void (time += ms) };
}

describe('uploadBlobs', () => {
  it('asks with HEAD, skips what the server has, PUTs the rest with the stored type', async () => {
    const server = new BlobServer();
    const a = await phoneBlob('giay-to-a');
    const b = await phoneBlob('giay-to-b', 'image/png');
    server.blobs.set(a.sha256, { bytes: new Uint8Array(), type: 'image/jpeg' });

    const report = await uploadBlobs([a.sha256, b.sha256, a.sha256], {
      fetch: server.fetch,
      baseUrl: BASE,
      readBlob: (sha) => storage().blobs.getBlob(sha),
      authorization: AUTH,
    });

    expect(report).toEqual({ uploaded: [b.sha256], present: [a.sha256], failed: [] });
    expect(server.calls.map((c) => `${c.method} ${c.path.slice(-6)}`)).toEqual([
      `HEAD ${a.sha256.slice(-6)}`,
      `HEAD ${b.sha256.slice(-6)}`,
      `PUT ${b.sha256.slice(-6)}`,
    ]);
    expect(server.blobs.get(b.sha256)?.type).toBe('image/png');
    expect(new TextDecoder().decode(server.blobs.get(b.sha256)?.bytes)).toBe('giay-to-b');
  });

  it('reports a blob the phone lacks and still uploads the others', async () => {
    const server = new BlobServer();
    const a = await phoneBlob('a');
    const gone = 'f'.repeat(64);
    const b = await phoneBlob('b');
    const report = await uploadBlobs([a.sha256, gone, b.sha256], {
      fetch: server.fetch,
      readBlob: (sha) => storage().blobs.getBlob(sha),
      baseUrl: BASE,
      authorization: AUTH,
    });
    expect(report.uploaded.sort()).toEqual([a.sha256, b.sha256].sort());
    expect(report.failed).toEqual([{ sha256: gone, error: 'not-on-device' }]);
  });

  it('after a network error starts nothing new: the photos in flight fail, the rest are not attempted', async () => {
    const server = new BlobServer();
    const photos = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((name) => phoneBlob(name)));
    server.networkBudget = 0;
    const report = await uploadBlobs(
      photos.map((p) => p.sha256),
      { fetch: server.fetch, readBlob: (sha) => storage().blobs.getBlob(sha), baseUrl: BASE, authorization: AUTH },
    );
    expect(report.uploaded).toEqual([]);
    expect(report.failed.map((f) => f.error)).toEqual([
      ...Array<string>(UPLOAD_CONCURRENCY).fill('network'),
      ...Array<string>(photos.length - UPLOAD_CONCURRENCY).fill('not-attempted'),
    ]);
    expect(report.failed.map((f) => f.sha256)).toEqual(photos.map((p) => p.sha256));
  });

  it('a network error in the middle loses nothing: every photo is uploaded or reported', async () => {
    const server = new BlobServer();
    const photos = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((name) => phoneBlob(name)));
    server.networkBudget = 4;
    const report = await uploadBlobs(
      photos.map((p) => p.sha256),
      { fetch: server.fetch, readBlob: (sha) => storage().blobs.getBlob(sha), baseUrl: BASE, authorization: AUTH },
    );
    const accounted = [...report.uploaded, ...report.present, ...report.failed.map((f) => f.sha256)];
    expect(accounted.sort()).toEqual(photos.map((p) => p.sha256).sort());
    expect(report.failed.some((f) => f.error === 'network')).toBe(true);
    for (const sha256 of report.uploaded) expect(server.blobs.has(sha256)).toBe(true);
  });
});

describe('the engine, blobs first', () => {
  it('uploads before the push; after success the phone drops the photo and a re-sync sends no bytes', async () => {
    const server = new BlobServer();
    const photo = await phoneBlob('the-photo');
    const submission = makeSubmission({ answers: { lawfulHomeProof: [photo] } });
    await storage().outbox.enqueueSubmission(submission, 'A', 1);
    const { engine } = engineFor(server);

    const report = await engine.sync('button');
    expect(report.sent).toBe(1);
    expect(server.calls.map((c) => c.method)).toEqual(['HEAD', 'PUT', 'POST', 'GET']);
    expect(server.dossiers.has(submission.id)).toBe(true);
    expect(await storage().dossiers.getDossier(submission.id)).toBeDefined();
    expect(await storage().blobs.hasBlob(photo.sha256)).toBe(false);

    const bytesBefore = server.bytesSent();
    await engine.sync('button');
    expect(server.bytesSent()).toBe(bytesBefore);
    expect(server.count('PUT')).toBe(1);
  });

  it('a blob the server already has costs one HEAD and no bytes', async () => {
    const server = new BlobServer();
    const photo = await phoneBlob('shared');
    server.blobs.set(photo.sha256, { bytes: new TextEncoder().encode('shared'), type: 'image/jpeg' });
    await storage().outbox.enqueueSubmission(makeSubmission({ answers: { proof: [photo] } }), 'A', 1);
    const report = await engineFor(server).engine.sync('button');
    expect(report.sent).toBe(1);
    expect(server.count('HEAD')).toBe(1);
    expect(server.count('PUT')).toBe(0);
  });

  it('a network error mid-upload pushes nothing, retries with backoff, and the next sync finishes', async () => {
    const server = new BlobServer();
    const one = await phoneBlob('one');
    const two = await phoneBlob('two');
    const submission = makeSubmission({ answers: { proof: [one, two] } });
    await storage().outbox.enqueueSubmission(submission, 'A', 1);
    const { engine } = engineFor(server);

    server.networkBudget = 2; // HEAD one, PUT one; HEAD two fails.
    const failed = await engine.sync('button');
    expect(failed.offline).toBe(true);
    expect(server.count('POST')).toBe(0);
    const row = await storage().outbox.getOutboxItem(submission.id);
    expect(row).toMatchObject({ state: 'queued', attempts: 1, lastError: { code: 'network' } });
    expect(row!.nextAttemptAt).toBeGreaterThan(1_000_000);

    server.networkBudget = Infinity;
    const done = await engine.sync('button');
    expect(done.sent).toBe(1);
    // `one` was already there: only `two` crosses the network this time.
    expect(server.calls.filter((c) => c.method === 'PUT').map((c) => c.bytes)).toEqual([3, 3]);
    expect(server.count('PUT')).toBe(2);
    expect(await storage().blobs.hasBlob(one.sha256)).toBe(false);
  });

  it('a missing-blobs answer is retried: the blob is uploaded again and the dossier stored', async () => {
    const server = new BlobServer();
    const photo = await phoneBlob('lost-on-server');
    const submission = makeSubmission({ answers: { proof: [photo] } });
    await storage().outbox.enqueueSubmission(submission, 'A', 1);
    const { engine } = engineFor(server);

    server.forgetBeforePush = [photo.sha256];
    const first = await engine.sync('button');
    expect(first.rejected).toBe(0);
    expect(first.retried).toBe(1);
    expect(await storage().outbox.getOutboxItem(submission.id)).toMatchObject({ state: 'queued', lastError: { code: 'missing-blobs' } });
    expect(await storage().blobs.hasBlob(photo.sha256)).toBe(true);

    const second = await engine.sync('button');
    expect(second.sent).toBe(1);
    expect(server.count('PUT')).toBe(2);
    expect(server.dossiers.has(submission.id)).toBe(true);
    expect(await storage().outbox.getOutboxItem(submission.id)).toBeUndefined();
  });

  it('a missing-blobs answer for a photo this phone does not hold parks the row for the user', async () => {
    const server = new BlobServer();
    const absent = { sha256: 'e'.repeat(64), name: 'x.jpg', type: 'image/jpeg' as const, size: 5 };
    const submission = makeSubmission({ answers: { proof: [absent] } });
    await storage().outbox.enqueueSubmission(submission, 'A', 1);
    const report = await engineFor(server).engine.sync('button');
    expect(report.rejected).toBe(1);
    expect(await storage().outbox.getOutboxItem(submission.id)).toMatchObject({
      state: 'rejected',
      lastError: { code: 'missing-blobs', detail: [absent.sha256] },
    });
  });
});
