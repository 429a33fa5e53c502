/** HEAD, PUT (with a device credential) and the officer's GET (a session with photo.view) of /api/v1/blobs/{sha256}, on every adapter. */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/http/app';
import { DEFAULT_MAX_BLOB_BYTES } from '../../../src/server/sync/blob-routes';
import { COMMUNE_CODE, NOW, headBlob, makeBlob, makeStaff, putBlob, registerDevice, sha256Of, startTestServer } from '../fixtures';
import { STORE_BACKENDS, useTestServer } from '../stores';

/** A stream of `bytes` in chunks, with no Content-Length unless the caller adds one. */
function streamOf(bytes: Uint8Array, chunkSize = 16 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

describe.each(STORE_BACKENDS)('blobs with $kind', (backend) => {
  const server = useTestServer(backend);

  const blobRows = () => server.db.rows('SELECT commune_code, sha256, content_type, size, stored_at FROM blobs');
  /** PUT and HEAD as the test's registered phone. */
  const putAs = async (
    sha256: string,
    bytes: Uint8Array | ReadableStream<Uint8Array>,
    type?: string,
    headers?: Record<string, string>,
  ): Promise<Response> => putBlob(server.app, await server.device(), sha256, bytes, type, headers);
  const headAs = async (sha256: string): Promise<Response> => headBlob(server.app, await server.device(), sha256);

  /** Every refusal is JSON with a machine-readable reason and leaves no blob behind. */
  async function expectRefused(res: Response, status: number, error: string): Promise<void> {
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error).toBe(error);
    expect(await blobRows()).toEqual([]);
  }

  it('answers HEAD 404 before the PUT, stores the bytes once, then HEAD 200 with their length', async () => {
    const blob = makeBlob(1, 1234);
    expect((await headAs(blob.sha256)).status).toBe(404);

    const put = await putAs(blob.sha256, blob.bytes);
    expect(put.status).toBe(201);
    expect(await put.json()).toEqual({ sha256: blob.sha256, type: 'image/jpeg', size: 1234 });

    const head = await headAs(blob.sha256);
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('1234');
    expect(head.headers.get('content-type')).toBe('image/jpeg');
    expect(await head.text()).toBe('');
    expect(await blobRows()).toEqual([
      { commune_code: COMMUNE_CODE, sha256: blob.sha256, content_type: 'image/jpeg', size: 1234, stored_at: NOW },
    ]);
    const [row] = await server.db.rows('SELECT bytes FROM blobs');
    expect(sha256Of(row?.bytes as Uint8Array)).toBe(blob.sha256);
  });

  it('answers a PUT of a blob already stored with 200 and keeps one row', async () => {
    const blob = makeBlob(2);
    expect((await putAs(blob.sha256, blob.bytes)).status).toBe(201);
    server.setNow(NOW + 1000);
    const again = await putAs(blob.sha256, blob.bytes);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ sha256: blob.sha256, type: 'image/jpeg', size: 1000 });
    expect(await blobRows()).toEqual([expect.objectContaining({ sha256: blob.sha256, stored_at: NOW })]);
  });

  it('takes every attachment type, and the hash in upper case as the same blob', async () => {
    for (const [seed, type] of (['image/png', 'image/webp', 'application/pdf'] as const).entries()) {
      const blob = makeBlob(10 + seed, 500, type);
      const res = await putAs(blob.sha256.toUpperCase(), blob.bytes, `${type}; charset=binary`);
      expect(res.status).toBe(201);
      expect((await headAs(blob.sha256)).status).toBe(200);
    }
    expect((await blobRows()).map((row) => row.content_type).sort()).toEqual(['application/pdf', 'image/png', 'image/webp']);
  });

  it('refuses bytes that do not hash to the path with blob-hash-mismatch, storing nothing', async () => {
    const blob = makeBlob(3);
    const other = makeBlob(4);
    await expectRefused(await putAs(other.sha256, blob.bytes), 400, 'blob-hash-mismatch');
    // One byte flipped in transit.
    const damaged = blob.bytes.slice();
    damaged[500] = damaged[500]! ^ 1;
    await expectRefused(await putAs(blob.sha256, damaged), 400, 'blob-hash-mismatch');
    expect((await headAs(blob.sha256)).status).toBe(404);
  });

  it.each(['abc', 'g'.repeat(64), 'a'.repeat(63), 'a'.repeat(65)])('refuses the malformed hash %s with 400', async (hash) => {
    await expectRefused(await putAs(hash, makeBlob(5).bytes), 400, 'bad-request');
    expect((await headAs(hash)).status).toBe(400);
  });

  it.each([
    ['an HTML page', 'text/html'],
    ['no type at all', ''],
    ['an octet stream', 'application/octet-stream'],
    ['an SVG (scripts inside)', 'image/svg+xml'],
  ])('refuses %s with 415', async (_name, type) => {
    const blob = makeBlob(6);
    await expectRefused(await putAs(blob.sha256, blob.bytes, type), 415, 'unsupported-media-type');
  });

  it('refuses bytes that do not start like their declared type with 415', async () => {
    const jpeg = makeBlob(7);
    await expectRefused(await putAs(jpeg.sha256, jpeg.bytes, 'image/png'), 415, 'unsupported-media-type');
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    await expectRefused(await putAs(sha256Of(html), html, 'application/pdf'), 415, 'unsupported-media-type');
  });

  it('refuses an empty body', async () => {
    const empty = new Uint8Array(0);
    await expectRefused(await putAs(sha256Of(empty), empty), 400, 'bad-request');
  });

  it('accepts a blob of exactly the default limit and refuses one byte more with 413', async () => {
    const atLimit = makeBlob(8, DEFAULT_MAX_BLOB_BYTES);
    const over = makeBlob(8, DEFAULT_MAX_BLOB_BYTES + 1);
    await expectRefused(await putAs(over.sha256, over.bytes), 413, 'body-too-large');
    expect((await putAs(atLimit.sha256, atLimit.bytes)).status).toBe(201);
  });

  it('counts the bytes of a stream, whatever Content-Length says, and stops reading an endless one', async () => {
    const small = await startTestServer(backend, { maxBlobBytes: 4096 });
    try {
      const phone = await small.device();
      const over = makeBlob(9, 4097);
      await expectRefused(await putBlob(small.app, phone, over.sha256, streamOf(over.bytes, 1000)), 413, 'body-too-large');
      const lying = await putBlob(small.app, phone, over.sha256, streamOf(over.bytes, 1000), 'image/jpeg', { 'content-length': '100' });
      await expectRefused(lying, 413, 'body-too-large');
      const declared = await putBlob(small.app, phone, over.sha256, streamOf(over.bytes, 1000), 'image/jpeg', { 'content-length': '4097' });
      await expectRefused(declared, 413, 'body-too-large');

      let chunksRead = 0;
      const endless = new ReadableStream<Uint8Array>({
        pull(controller) {
          chunksRead += 1;
          controller.enqueue(new Uint8Array(1024).fill(0xff));
        },
      });
      await expectRefused(await putBlob(small.app, phone, over.sha256, endless), 413, 'body-too-large');
      expect(chunksRead).toBeLessThan(10);

      const fits = makeBlob(9, 4096);
      expect((await putBlob(small.app, phone, fits.sha256, streamOf(fits.bytes, 1000))).status).toBe(201);
      expect(await small.db.rows('SELECT size FROM blobs')).toEqual([{ size: 4096 }]);
    } finally {
      await small.cleanup();
    }
  });

  it('stores one row when the same blob is PUT through several app instances at once', async () => {
    const blob = makeBlob(11, 100_000);
    const stores = await Promise.all(Array.from({ length: 6 }, () => server.db.open({ poolSize: 2 })));
    const apps = stores.map((store) => createApp({ stores: store, communeCode: COMMUNE_CODE, now: () => NOW }));
    const phone = await server.device();
    const responses = await Promise.all(
      apps.flatMap((app) => [putBlob(app, phone, blob.sha256, blob.bytes), putBlob(app, phone, blob.sha256, blob.bytes)]),
    );
    const statuses = responses.map((res) => res.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(await blobRows()).toHaveLength(1);
  });

  it('keeps blobs per commune: another commune on the same database does not see them', async () => {
    const blob = makeBlob(12);
    await putAs(blob.sha256, blob.bytes);
    const elsewhere = createApp({ stores: server.stores, communeCode: '00004', now: () => NOW });
    // A phone registered with one commune's server is a stranger to another's.
    expect((await headBlob(elsewhere, await server.device(), blob.sha256)).status).toBe(401);
    const theirs = await registerDevice(elsewhere);
    expect((await headBlob(elsewhere, theirs, blob.sha256)).status).toBe(404);
    expect((await putBlob(elsewhere, theirs, blob.sha256, blob.bytes)).status).toBe(201);
    expect((await blobRows()).map((row) => row.commune_code).sort()).toEqual(['00004', COMMUNE_CODE].sort());
  });

  it('lets an officer view a blob, as an attachment of its type, and audits each view', async () => {
    const blob = makeBlob(13, 2000, 'application/pdf');
    await putAs(blob.sha256, blob.bytes, blob.type);
    const officer = await server.officer();
    const res = await server.app.request(`/api/v1/blobs/${blob.sha256}`, { headers: officer.headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${blob.sha256}.pdf"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(blob.bytes);
    expect(await server.db.rows("SELECT actor_id, target_kind, target_id FROM audit_log WHERE action = 'photo.viewed'")).toEqual([
      { actor_id: officer.id, target_kind: 'blob', target_id: blob.sha256 },
    ]);

    const missing = await server.app.request(`/api/v1/blobs/${makeBlob(14).sha256}`, { headers: officer.headers });
    expect(missing.status).toBe(404);
  });

  it('refuses GET without a session, to a phone, and to roles without photo.view', async () => {
    const blob = makeBlob(15);
    await putAs(blob.sha256, blob.bytes);
    const anonymous = await server.app.request(`/api/v1/blobs/${blob.sha256}`);
    expect(anonymous.status).toBe(401);
    const phone = await server.app.request(`/api/v1/blobs/${blob.sha256}`, { headers: (await server.device()).headers });
    expect(phone.status).toBe(401);
    for (const role of ['leader', 'outreach'] as const) {
      const someone = await makeStaff(server, role);
      const res = await server.app.request(`/api/v1/blobs/${blob.sha256}`, { headers: someone.headers });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: 'forbidden' });
    }
    expect(await server.db.rows("SELECT seq FROM audit_log WHERE action = 'photo.viewed'")).toEqual([]);
  });

  it('refuses a protocol header of a version it does not speak, protocol 1 included', async () => {
    const blob = makeBlob(16);
    for (const version of ['1', '3']) {
      const res = await putAs(blob.sha256, blob.bytes, 'image/jpeg', { 'x-mcld-protocol': version });
      await expectRefused(res, 426, 'protocol-unsupported');
    }
  });

  it('refuses HEAD and PUT without a device credential, or with a wrong one, storing nothing', async () => {
    const blob = makeBlob(18);
    const phone = await server.device();
    const [id, secret] = phone.headers.authorization.slice('Device '.length).split('.') as [string, string];
    const flipped = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    for (const authorization of [
      undefined,
      '',
      `Bearer ${secret}`,
      `Device ${id}`,
      `Device ${id}.${flipped}`,
      `Device ${crypto.randomUUID()}.${secret}`,
    ]) {
      const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
      const put = await server.app.request(`/api/v1/blobs/${blob.sha256}`, {
        method: 'PUT',
        headers: { 'content-type': 'image/jpeg', ...headers },
        body: blob.bytes,
      });
      await expectRefused(put, 401, 'unauthorized');
      expect(put.headers.get('www-authenticate')).toBe('Device');
      const head = await server.app.request(`/api/v1/blobs/${blob.sha256}`, { method: 'HEAD', headers });
      expect(head.status).toBe(401);
    }
    expect(await blobRows()).toEqual([]);
  });

  it('keeps blobs across close and reopen of the store', async () => {
    const blob = makeBlob(17, 3000, 'image/png');
    await putAs(blob.sha256, blob.bytes, blob.type);
    await server.stores.close();
    const reopened = await server.db.open();
    expect(await reopened.sync.hasBlob(blob.sha256, COMMUNE_CODE)).toEqual({ type: 'image/png', size: 3000 });
    expect((await reopened.sync.getBlob(blob.sha256, COMMUNE_CODE))?.bytes).toEqual(blob.bytes);
    const app = createApp({ stores: reopened, communeCode: COMMUNE_CODE, now: () => NOW });
    expect((await headBlob(app, await server.device(), blob.sha256)).headers.get('content-length')).toBe('3000');
  });
});
