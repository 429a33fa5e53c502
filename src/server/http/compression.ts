/**
 * Compressed bytes on a 2G link. Two halves:
 * - files of the build: the build writes `x.br` and `x.gz` beside each text file
 *   (.config/precompress.ts); a file is served from its copy only after the copy was checked to
 *   decompress to exactly the file's current bytes (once per file version, remembered), so a
 *   copy left from an older build is never sent. Without a good copy the file is compressed here
 *   once and remembered. The answer carries `Vary: Accept-Encoding` and an ETag per encoding.
 * - JSON answers of the API above COMPRESS_MIN_BYTES, compressed on the way out (brotli at a fast
 *   quality). Cross-site requests are refused before any route (guards.ts), so an attacker cannot
 *   make a phone send requests that mix their text with a secret (BREACH needs exactly that).
 */
import { readFile } from 'node:fs/promises';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

export const ENCODINGS = ['br', 'gzip'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Below this, compression saves less than a packet: the raw bytes go. */
export const COMPRESS_MIN_BYTES = 1024;

const SUFFIX: Readonly<Record<Encoding, string>> = { br: '.br', gzip: '.gz' };

/** The content types worth compressing (images and fonts are compressed already). */
export function isCompressible(contentType: string): boolean {
  return /^(text\/|application\/(json|manifest\+json|javascript)|image\/svg\+xml)/.test(contentType);
}

/**
 * The best encoding the client accepts (brotli first), or null for identity. Follows the q
 * values: `br;q=0` refuses brotli; `*` stands for any encoding not named.
 */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    if (name) q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (encoding: Encoding) => q.get(encoding) ?? (encoding === 'gzip' ? q.get('x-gzip') : undefined) ?? q.get('*') ?? 0;
  let best: Encoding | null = null;
  for (const encoding of ENCODINGS) if (weight(encoding) > 0 && (best === null || weight(encoding) > weight(best))) best = encoding;
  return best;
}

export function compress(bytes: Uint8Array, encoding: Encoding, quality: 'max' | 'fast'): Buffer {
  if (encoding === 'gzip') return gzipSync(bytes, { level: quality === 'max' ? 9 : 6 });
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality === 'max' ? 11 : 4,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

function decompress(bytes: Uint8Array, encoding: Encoding): Buffer {
  return encoding === 'br' ? brotliDecompressSync(bytes) : gunzipSync(bytes);
}

/** A checked or made copy per file version (path, size, mtime) and encoding. */
const remembered = new Map<string, Buffer>();
/** Enough for every text file of the build several versions over; the oldest go first. */
const MAX_REMEMBERED = 512;

async function readCopy(path: string, encoding: Encoding, source: Buffer): Promise<Buffer | null> {
  try {
    const copy = await readFile(path + SUFFIX[encoding]);
    return decompress(copy, encoding).equals(source) ? copy : null;
  } catch {
    return null;
  }
}

/**
 * The bytes to send for `path` in `encoding`: the build's copy when it matches `source` exactly,
 * else `source` compressed here. Remembered per version, so the check runs once.
 */
export async function compressedFile(path: string, version: string, encoding: Encoding, source: Buffer): Promise<Buffer> {
  const key = `${encoding} ${version} ${path}`;
  const known = remembered.get(key);
  if (known) return known;
  const bytes = (await readCopy(path, encoding, source)) ?? compress(source, encoding, 'max');
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value as string);
  remembered.set(key, bytes);
  return bytes;
}

/** Adds `Accept-Encoding` to the response's Vary header once. */
export function varyOnEncoding(headers: Headers): void {
  const vary = headers.get('Vary');
  if (!vary) headers.set('Vary', 'Accept-Encoding');
  else if (!/accept-encoding/i.test(vary)) headers.set('Vary', `${vary}, Accept-Encoding`);
}

/** An ETag for the encoded variant: caches must never answer a gzip request with brotli bytes. */
export function etagFor(etag: string, encoding: Encoding | null): string {
  return encoding ? etag.replace(/"$/, `-${encoding}"`) : etag;
}

/** Compresses the API's JSON answers above COMPRESS_MIN_BYTES for clients that accept it. */
export const compressJson: MiddlewareHandler = async (c, next) => {
  await next();
  const res = c.res;
  const type = res.headers.get('Content-Type') ?? '';
  if (c.req.method === 'HEAD' || !res.body || res.headers.has('Content-Encoding') || !type.startsWith('application/json')) return;
  varyOnEncoding(res.headers);
  const encoding = negotiateEncoding(c.req.header('accept-encoding'));
  if (!encoding) return;
  const bytes = new Uint8Array(await res.arrayBuffer());
  const headers = new Headers(res.headers);
  if (bytes.length >= COMPRESS_MIN_BYTES) {
    headers.set('Content-Encoding', encoding);
    headers.delete('Content-Length');
    const etag = headers.get('ETag');
    if (etag) {
      headers.set('ETag', etagFor(etag, encoding));
      // The route compared the client's tag with its own, unencoded one: a match of the encoded tag is ours to answer.
      if (res.status === 200 && c.req.header('if-none-match') === etagFor(etag, encoding)) {
        headers.delete('Content-Encoding');
        c.res = undefined;
        c.res = new Response(null, { status: 304, headers });
        return;
      }
    }
  }
  const body = bytes.length >= COMPRESS_MIN_BYTES ? new Uint8Array(compress(bytes, encoding, 'fast')) : bytes;
  // Hono copies the old answer's headers onto a new one; these are already the complete set.
  c.res = undefined;
  c.res = new Response(body, { status: res.status, statusText: res.statusText, headers });
};
