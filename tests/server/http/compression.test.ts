/** Compressed answers: the build's copies when they match, never a stale one; JSON API answers too. */
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/http/app';
import { negotiateEncoding } from '../../../src/server/http/compression';
import { COMMUNE_CODE, startTestServer, type TestServer } from '../fixtures';
import { SQLITE_BACKEND } from '../stores';

const SCRIPT = `console.log(${JSON.stringify('Một Cửa Lưu Động '.repeat(200))});`;

let server: TestServer;
let app: TestServer['app'];
let dist: string;

beforeEach(async () => {
  server = await startTestServer(SQLITE_BACKEND);
  dist = join(server.dir, 'dist', 'client');
  await mkdir(join(dist, 'assets'), { recursive: true });
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(join(dist, 'assets', 'app.js'), SCRIPT);
  await writeFile(join(dist, 'assets', 'app.js.br'), brotliCompressSync(SCRIPT));
  await writeFile(join(dist, 'assets', 'app.js.gz'), gzipSync(SCRIPT));
  await writeFile(join(dist, 'icon.png'), new Uint8Array(4096));
  app = createApp({ stores: server.stores, communeCode: COMMUNE_CODE, staticDir: dist });
});
afterEach(async () => {
  await server.cleanup();
});

async function bodyOf(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer());
}

describe('negotiateEncoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['*', 'br'],
    ['*;q=0', null],
    ['identity', null],
    ['BR', 'br'],
  ])('%s → %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });
});

describe('compressed static files', () => {
  it('sends brotli to a client that accepts it, gzip to one that accepts only gzip, raw otherwise; Vary every time', async () => {
    const br = await app.request('/assets/app.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    const brBytes = await bodyOf(br);
    expect(brBytes.length).toBeLessThan(SCRIPT.length / 5);
    expect(brotliDecompressSync(brBytes).toString()).toBe(SCRIPT);

    const gz = await app.request('/assets/app.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bodyOf(gz)).toString()).toBe(SCRIPT);

    const raw = await app.request('/assets/app.js');
    expect(raw.headers.get('content-encoding')).toBeNull();
    expect(raw.headers.get('vary')).toMatch(/accept-encoding/i);
    expect((await bodyOf(raw)).toString()).toBe(SCRIPT);

    const etags = [br, gz, raw].map((res) => res.headers.get('etag'));
    expect(new Set(etags).size).toBe(3);
  });

  it('revalidates per encoding: the brotli ETag is not a match for a gzip request', async () => {
    const br = await app.request('/assets/app.js', { headers: { 'accept-encoding': 'br' } });
    const etag = br.headers.get('etag') ?? '';
    const same = await app.request('/assets/app.js', { headers: { 'accept-encoding': 'br', 'if-none-match': etag } });
    expect(same.status).toBe(304);
    const other = await app.request('/assets/app.js', { headers: { 'accept-encoding': 'gzip', 'if-none-match': etag } });
    expect(other.status).toBe(200);
    expect(other.headers.get('content-encoding')).toBe('gzip');
  });

  it('never sends a stale copy: a file rebuilt without its copies is compressed from its new bytes', async () => {
    const changed = SCRIPT.replace('Một', 'Hai');
    await writeFile(join(dist, 'assets', 'app.js'), changed);
    // Same size, and a copy newer than the file: only the bytes can tell.
    const later = new Date(Date.now() + 60_000);
    await utimes(join(dist, 'assets', 'app.js.br'), later, later);
    const res = await app.request('/assets/app.js', { headers: { 'accept-encoding': 'br' } });
    expect(brotliDecompressSync(await bodyOf(res)).toString()).toBe(changed);
  });

  it('never serves a copy as a file of its own, and leaves images alone', async () => {
    expect((await app.request('/assets/app.js.br')).status).toBe(404);
    expect((await app.request('/assets/app.js.gz')).status).toBe(404);
    const png = await app.request('/icon.png', { headers: { 'accept-encoding': 'br' } });
    expect(png.headers.get('content-encoding')).toBeNull();
    expect((await bodyOf(png)).length).toBe(4096);
  });
});

describe('compressed API answers', () => {
  it('compresses a large JSON answer (the catalogue) and keeps small ones raw', async () => {
    const big = await app.request('/api/v1/catalog', { headers: { 'accept-encoding': 'br' } });
    expect(big.status).toBe(200);
    expect(big.headers.get('content-encoding')).toBe('br');
    expect(big.headers.get('vary')).toMatch(/accept-encoding/i);
    const json: unknown = JSON.parse(brotliDecompressSync(await bodyOf(big)).toString());
    expect(json).toBeTypeOf('object');

    const small = await app.request('/api/v1/health', { headers: { 'accept-encoding': 'br' } });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.json()).toMatchObject({ ok: true });
  });
});

describe('revalidating a compressed API answer', () => {
  it('answers the encoded ETag with 304', async () => {
    const first = await app.request('/api/v1/catalog', { headers: { 'accept-encoding': 'br' } });
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/-br"$/);
    const again = await app.request('/api/v1/catalog', { headers: { 'accept-encoding': 'br', 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
  });
});
