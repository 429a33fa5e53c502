import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/http/app';
import { COMMUNE_CODE, registerDevice, startTestServer, type TestServer } from '../fixtures';
import { SQLITE_BACKEND } from '../stores';

const SHELL = '<!doctype html><html lang="vi"><title>Một Cửa Lưu Động</title><div id="app"></div></html>';
const SECRET = 'SECRET-OUTSIDE-THE-BUILD';

let server: TestServer;
let app: TestServer['app'];

/** A miniature Vite build next to a file that must never be served. Files only: SQLite suffices. */
beforeEach(async () => {
  server = await startTestServer(SQLITE_BACKEND);
  const dist = join(server.dir, 'dist', 'client');
  await mkdir(join(dist, 'assets'), { recursive: true });
  await mkdir(join(dist, 'icons'), { recursive: true });
  await writeFile(join(dist, 'index.html'), SHELL);
  await writeFile(join(dist, 'sw.js'), 'self.addEventListener("install", () => {});');
  await writeFile(join(dist, 'manifest.webmanifest'), '{"name":"Một Cửa Lưu Động"}');
  await writeFile(join(dist, 'assets', 'index-B4x9Kq2e.js'), 'console.log("app");');
  await writeFile(join(dist, 'assets', 'index-C7pQ1a.css'), 'body{margin:0}');
  await writeFile(join(dist, 'icons', 'icon-192.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  await writeFile(join(dist, 'icons', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(dist, 'catalog.json'), '{"v":1}');
  await writeFile(join(dist, '.env'), SECRET);
  await writeFile(join(server.dir, 'dist', 'secret.txt'), SECRET);
  await writeFile(join(server.dir, 'secret.txt'), SECRET);
  app = createApp({ stores: server.stores, communeCode: COMMUNE_CODE, staticDir: dist });
});
afterEach(async () => {
  await server.cleanup();
});

describe('static files', () => {
  it.each([
    ['/', 'text/html; charset=utf-8', 'no-cache'],
    ['/index.html', 'text/html; charset=utf-8', 'no-cache'],
    ['/sw.js', 'text/javascript; charset=utf-8', 'no-cache'],
    ['/manifest.webmanifest', 'application/manifest+json; charset=utf-8', 'no-cache'],
    ['/assets/index-B4x9Kq2e.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/assets/index-C7pQ1a.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/icons/icon-192.png', 'image/png', 'no-cache'],
    ['/icons/logo.svg', 'image/svg+xml', 'no-cache'],
    ['/catalog.json', 'application/json; charset=utf-8', 'no-cache'],
  ])('serves %s as %s with Cache-Control %s', async (path, type, cache) => {
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('cache-control')).toBe(cache);
  });

  it('falls back to the app shell for navigation to an unknown route', async () => {
    for (const path of ['/some/route', '/ho-so/15865-250714-K7Q2MX']) {
      const res = await app.request(path, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(SHELL);
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
    expect(await (await app.request('/some/route')).text()).toBe(SHELL);
  });

  it('answers a missing asset with 404, not the shell', async () => {
    const res = await app.request('/assets/index-OLD.js');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('<html');
  });

  it.each([
    ['GET', '/api/nope'],
    ['GET', '/api/v1/unknown'],
    ['POST', '/api/nope'],
    ['GET', '/api/v1/sync/push'],
  ])('answers %s %s with a JSON 404, never the HTML shell', async (method, path) => {
    const res = await app.request(path, { method, headers: { accept: 'text/html', 'content-type': 'application/json' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ error: 'not-found' });
  });

  it.each([
    '/..%2fsecret.txt',
    '/..%2f..%2fsecret.txt',
    '/%2e%2e/%2e%2e/secret.txt',
    '/assets/..%2f..%2f..%2fsecret.txt',
    '/..%5c..%5csecret.txt',
    '/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/.env',
    '/%00index.html',
    '/%E0%A4%A',
  ])('refuses %s without leaking anything outside the build', async (path) => {
    const res = await app.request(path);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain(SECRET);
  });

  it('never serves a file outside the build even for plain ../ (the URL parser resolves it)', async () => {
    const res = await app.request('http://localhost/../../secret.txt');
    expect(await res.text()).not.toContain(SECRET);
  });

  it('answers a revalidation with 304 when the file has not changed', async () => {
    const first = await app.request('/sw.js');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await app.request('/sw.js', { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
  });

  it('answers HEAD with headers and no body', async () => {
    const res = await app.request('/', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toBe('');
  });
});

describe('security headers', () => {
  it.each(['/', '/assets/index-B4x9Kq2e.js', '/api/v1/health', '/api/nope', '/..%2fsecret.txt'])('are on %s', async (path) => {
    const res = await app.request(path);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    const permissions = res.headers.get('permissions-policy') ?? '';
    expect(permissions).toContain('microphone=()');
    expect(permissions).toContain(path.startsWith('/api/') ? 'camera=()' : 'camera=(self)');
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "connect-src 'self'",
      "img-src 'self' blob: data:",
      "worker-src 'self'",
      "manifest-src 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
  });

  it('keep API answers out of caches', async () => {
    const res = await app.request('/api/v1/health');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('keep the camera from the officer console and from API answers', async () => {
    for (const path of ['/can-bo/', '/can-bo/thiet-lap', '/api/v1/health']) {
      expect((await app.request(path)).headers.get('permissions-policy'), path).toContain('camera=()');
    }
    expect((await app.request('/chuyen-giao')).headers.get('permissions-policy')).toContain('camera=(self)');
  });

  it('are on refused pushes too', async () => {
    const phone = await registerDevice(app);
    const res = await app.request('/api/v1/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...phone.headers },
      body: 'nope',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const plain = await app.request('/api/v1/sync/push', { method: 'POST', body: 'nope' });
    expect(plain.status).toBe(415);
    expect(plain.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('without a static directory', () => {
  it('answers non-API paths with a JSON 404', async () => {
    const res = await server.app.request('/some/route');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not-found' });
  });
});
