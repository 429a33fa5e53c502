import { describe, expect, it } from 'vitest';
import { MAX_PUSH_ITEMS } from '../../../src/domain/protocol';
import { DEFAULT_MAX_BODY_BYTES } from '../../../src/server/http/read-body';
import { SYNC_PROTOCOL_VERSION } from '../../../src/domain/protocol';
import { NO_RESIDENT_QUOTA, makeSubmission, push, pushRequest, startTestServer } from '../fixtures';
import { STORE_BACKENDS, useTestServer } from '../stores';

describe.each(STORE_BACKENDS)('push limits with $kind', (backend) => {
  // Many pushes from one phone: the resident allowance is tested in quota-purge.contract.test.ts.
  const server = useTestServer(backend, { residentQuota: NO_RESIDENT_QUOTA });

  /** Every refusal leaves the database as it was. */
  async function expectRefused(res: Response, status: number, error: string): Promise<Record<string, unknown>> {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.error).toBe(error);
    expect(typeof body.message).toBe('string');
    expect(await server.stores.dossiers.countDossiers()).toBe(0);
    return body;
  }

  /** A valid push padded with an extra property to exactly `size` bytes of JSON. */
  function paddedPush(size: number): string {
    const base = JSON.stringify({ ...pushRequest([makeSubmission()]), pad: '' });
    return base.replace('"pad":""', `"pad":"${'x'.repeat(size - Buffer.byteLength(base))}"`);
  }

  function streamOf(text: string, chunkSize = 16 * 1024): ReadableStream<Uint8Array> {
    const bytes = new TextEncoder().encode(text);
    let offset = 0;
    return new ReadableStream({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.subarray(offset, offset + chunkSize));
        offset += chunkSize;
      },
    });
  }

  async function postStream(body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Promise<Response> {
    const phone = await server.device();
    const init = { method: 'POST', body, duplex: 'half', headers: { 'content-type': 'application/json', ...phone.headers, ...headers } };
    return server.app.request('/api/v1/sync/push', init as RequestInit);
  }

  const pushBody = async (body: unknown): Promise<Response> => push(server.app, await server.device(), body);

  describe('push: refused requests store nothing', () => {
    it('refuses a body that is not JSON', async () => {
      await expectRefused(await pushBody('{"protocol":2,'), 400, 'bad-json');
    });

    it('refuses a body that is not UTF-8', async () => {
      const phone = await server.device();
      const res = await server.app.request('/api/v1/sync/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...phone.headers },
        body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
      });
      await expectRefused(res, 400, 'bad-json');
    });

    it.each([
      ['an array body', [1, 2]],
      ['no items', { protocol: SYNC_PROTOCOL_VERSION }],
      ['items that is not an array', { protocol: SYNC_PROTOCOL_VERSION, items: {} }],
      [
        'an item without an id, next to a valid one',
        { ...pushRequest([makeSubmission()]), items: [makeSubmission(), { formId: 'tam-tru-ct01' }] },
      ],
      ['an item that is a string', { protocol: SYNC_PROTOCOL_VERSION, items: ['hello'] }],
    ])('refuses %s as bad-request', async (_name, body) => {
      await expectRefused(await pushBody(body), 400, 'bad-request');
    });

    it.each([
      ['protocol 1 (a phone from before device credentials)', 1],
      ['an unknown major version', 3],
      ['a missing protocol', undefined],
      ['a protocol given as text', '2'],
    ])('refuses %s as protocol-unsupported, naming the versions it speaks', async (_name, protocol) => {
      const res = await pushBody({ ...pushRequest([makeSubmission()]), protocol });
      const body = await expectRefused(res, 426, 'protocol-unsupported');
      expect(body.supported).toEqual([2]);
    });

    it.each(['1', '3'])('refuses a protocol header of version %s even when the body is fine', async (version) => {
      const res = await push(server.app, await server.device(), pushRequest([makeSubmission()]), { 'x-mcld-protocol': version });
      await expectRefused(res, 426, 'protocol-unsupported');
    });

    it(`refuses more than ${MAX_PUSH_ITEMS} items and accepts exactly ${MAX_PUSH_ITEMS}`, async () => {
      const tooMany = Array.from({ length: MAX_PUSH_ITEMS + 1 }, () => makeSubmission());
      await expectRefused(await pushBody(pushRequest(tooMany)), 413, 'too-many-items');
      const res = await pushBody(pushRequest(tooMany.slice(0, MAX_PUSH_ITEMS)));
      expect(res.status).toBe(200);
      expect(await server.stores.dossiers.countDossiers()).toBe(MAX_PUSH_ITEMS);
    });

    it('refuses a body one byte over the default 1 MiB limit and accepts one at the limit', async () => {
      const over = paddedPush(DEFAULT_MAX_BODY_BYTES + 1);
      expect(Buffer.byteLength(over)).toBe(DEFAULT_MAX_BODY_BYTES + 1);
      await expectRefused(await pushBody(over), 413, 'body-too-large');
      const res = await pushBody(paddedPush(DEFAULT_MAX_BODY_BYTES));
      expect(res.status).toBe(200);
      expect(await server.stores.dossiers.countDossiers()).toBe(1);
    });

    it('counts the bytes of a stream without Content-Length', async () => {
      const res = await postStream(streamOf(paddedPush(DEFAULT_MAX_BODY_BYTES + 1)));
      await expectRefused(res, 413, 'body-too-large');
    });

    it('does not believe a Content-Length that lies low', async () => {
      const res = await postStream(streamOf(paddedPush(DEFAULT_MAX_BODY_BYTES + 1)), { 'content-length': '100' });
      await expectRefused(res, 413, 'body-too-large');
    });

    it('stops reading an endless stream once the limit is passed', async () => {
      let chunksRead = 0;
      const endless = new ReadableStream<Uint8Array>({
        pull(controller) {
          chunksRead += 1;
          controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
        },
      });
      await expectRefused(await postStream(endless), 413, 'body-too-large');
      expect(chunksRead).toBeLessThan(40);
    });

    it('honours a smaller configured limit', async () => {
      const small = await startTestServer(backend, { maxBodyBytes: 2048 });
      try {
        const res = await push(small.app, await small.device(), paddedPush(2049));
        expect(res.status).toBe(413);
        expect(await small.stores.dossiers.countDossiers()).toBe(0);
      } finally {
        await small.cleanup();
      }
    });
  });
});
