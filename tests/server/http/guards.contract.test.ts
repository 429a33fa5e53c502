/**
 * The cross-site and content rules every request meets first, on every adapter: a foreign Host,
 * a request from another site, a body that is not declared JSON are refused, and nothing is
 * stored for any of them.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/http/app';
import { COMMUNE_CODE, NOW, makeBlob, makeSubmission, pushRequest } from '../fixtures';
import { STORE_BACKENDS, useTestServer } from '../stores';

describe.each(STORE_BACKENDS)('request guards with $kind', (backend) => {
  const server = useTestServer(backend);

  async function expectNothingStored(): Promise<void> {
    expect(await server.db.rows('SELECT id FROM dossiers')).toEqual([]);
    expect(await server.db.rows('SELECT sha256 FROM blobs')).toEqual([]);
    expect(await server.db.rows('SELECT id FROM devices WHERE id <> ?', (await server.device()).deviceId)).toEqual([]);
  }

  /** A push, a blob upload and a registration, each with these extra headers and the URL's host. */
  async function stateChanges(url: (path: string) => string, extra: Record<string, string>): Promise<Response[]> {
    const phone = await server.device();
    const blob = makeBlob(1);
    return Promise.all([
      server.app.request(url('/api/v1/sync/push'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...phone.headers, ...extra },
        body: JSON.stringify(pushRequest([makeSubmission()])),
      }),
      server.app.request(url(`/api/v1/blobs/${blob.sha256}`), {
        method: 'PUT',
        headers: { 'content-type': 'image/jpeg', ...phone.headers, ...extra },
        body: blob.bytes,
      }),
      server.app.request(url('/api/v1/devices/register'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...extra },
        body: JSON.stringify({ protocol: 2 }),
      }),
    ]);
  }

  const local = (path: string): string => `http://localhost${path}`;

  it.each([
    ['a foreign name (DNS rebinding)', 'http://attacker.example/'],
    ['a foreign name with our port', 'http://attacker.example:8080/'],
    ['a subdomain of localhost', 'http://evil.localhost/'],
  ])('refuses %s in Host with 403 host-not-allowed', async (_name, base) => {
    await server.device();
    for (const res of await stateChanges((path) => new URL(path, base).toString(), {})) {
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: 'host-not-allowed' });
    }
    const read = await server.app.request(new URL('/api/v1/health', base).toString());
    expect(read.status).toBe(403);
    await expectNothingStored();
  });

  it('answers for localhost, 127.0.0.1 and [::1] on any port, and for the names in allowedHosts', async () => {
    for (const base of ['http://localhost:8080', 'http://127.0.0.1:39215', 'http://[::1]:8080', 'http://LOCALHOST']) {
      expect((await server.app.request(`${base}/api/v1/health`)).status, base).toBe(200);
    }
    const app = createApp({ stores: server.stores, communeCode: COMMUNE_CODE, now: () => NOW, allowedHosts: ['xa.example.vn'] });
    expect((await app.request('https://xa.example.vn/api/v1/health')).status).toBe(200);
    expect((await app.request('https://xa.example.vn:8443/api/v1/health')).status).toBe(200);
    expect((await app.request('http://localhost/api/v1/health')).status).toBe(403);
  });

  it.each([
    ['another site', { origin: 'https://attacker.example' }],
    ['our host on another scheme', { origin: 'https://localhost' }],
    ['our host on another port', { origin: 'http://localhost:8081' }],
    ['an opaque origin', { origin: 'null' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: cross-site with our own Origin', { 'sec-fetch-site': 'cross-site', origin: 'http://localhost' }],
  ])('refuses a request from %s with 403 cross-origin', async (_name, headers) => {
    await server.device();
    for (const res of await stateChanges(local, headers)) {
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: 'cross-origin' });
    }
    await expectNothingStored();
  });

  it('accepts our own origin, same-origin fetches, and clients that send no Origin at all', async () => {
    const phone = await server.device();
    for (const headers of [{ origin: 'http://localhost' }, { 'sec-fetch-site': 'same-origin' }, { 'sec-fetch-site': 'none' }, {}]) {
      const res = await server.app.request(local('/api/v1/sync/push'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...phone.headers, ...headers },
        body: JSON.stringify(pushRequest([])),
      });
      expect(res.status).toBe(200);
    }
  });

  it('lets a link from another site open the app (navigations are not refused), but not read the API', async () => {
    const page = await server.app.request(local('/'), { headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' } });
    expect(page.status).not.toBe(403);
    const api = await server.app.request(local('/api/v1/health'), { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(api.status).toBe(403);
  });

  it.each([
    ['text/plain (what a cross-site form may send)', 'text/plain'],
    ['a urlencoded form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['no content type', undefined],
    ['a JSON look-alike', 'application/json-patch+json'],
  ])('refuses a JSON route posted as %s with 415, storing nothing', async (_name, type) => {
    const phone = await server.device();
    const headers: Record<string, string> = { ...phone.headers, ...(type === undefined ? {} : { 'content-type': type }) };
    for (const path of ['/api/v1/sync/push', '/api/v1/devices/register']) {
      const body = path.endsWith('push') ? JSON.stringify(pushRequest([makeSubmission()])) : JSON.stringify({ protocol: 2 });
      const res = await server.app.request(local(path), { method: 'POST', headers, body });
      expect(res.status).toBe(415);
      expect(await res.json()).toMatchObject({ error: 'unsupported-media-type' });
    }
    await expectNothingStored();
  });

  it('accepts application/json with a charset', async () => {
    const phone = await server.device();
    const res = await server.app.request(local('/api/v1/sync/push'), {
      method: 'POST',
      headers: { 'content-type': 'Application/JSON; charset=utf-8', ...phone.headers },
      body: JSON.stringify(pushRequest([makeSubmission()])),
    });
    expect(res.status).toBe(200);
  });

  it('believes X-Forwarded-Proto only with trustProxy', async () => {
    const phone = await server.device();
    const behindProxy = (trustProxy: boolean) =>
      createApp({ stores: server.stores, communeCode: COMMUNE_CODE, now: () => NOW, trustProxy });
    const request = (app: ReturnType<typeof behindProxy>) =>
      app.request('http://localhost/api/v1/sync/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://localhost', 'x-forwarded-proto': 'https', ...phone.headers },
        body: JSON.stringify(pushRequest([])),
      });
    expect((await request(behindProxy(true))).status).toBe(200);
    expect((await request(behindProxy(false))).status).toBe(403);
  });
});
