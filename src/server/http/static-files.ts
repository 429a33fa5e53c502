/**
 * Serves the built PWA (Vite's dist/client). Hashed files under /assets/ are cached for a year;
 * everything else (index.html, sw.js, the manifest, icons) is revalidated on every load so an
 * update reaches phones. Unknown navigation paths get the app shell (under /can-bo/, the console's page); unknown files get a 404,
 * never the shell (a missing chunk must fail loudly, not parse HTML as JavaScript). Text files go
 * out brotli- or gzip-compressed when the client accepts it (compression.ts), with an ETag per
 * encoding and `Vary: Accept-Encoding`; the build's `.br`/`.gz` copies themselves are never served
 * as files of their own.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Context, Handler } from 'hono';
import { COMPRESS_MIN_BYTES, compressedFile, etagFor, isCompressible, negotiateEncoding } from './compression';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Path segments inside the root, or null for anything that tries to leave it or is hidden. */
function safeSegments(pathname: string): string[] | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  // ".." escapes the root; other dot-names (.env, .git) are never part of a build.
  if (segments.some((s) => s.startsWith('.'))) return null;
  // The build's compressed copies are served only as an encoding of their file.
  const last = segments[segments.length - 1] ?? '';
  return /\.(br|gz)$/.test(last) ? null : segments;
}

async function fileSize(path: string): Promise<{ size: number; mtimeMs: number } | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? { size: info.size, mtimeMs: info.mtimeMs } : null;
  } catch {
    return null;
  }
}

async function sendFile(c: Context, path: string, cacheControl: string): Promise<Response | null> {
  const info = await fileSize(path);
  if (!info) return null;
  const contentType = contentTypeOf(path);
  const version = `${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}`;
  const compressible = isCompressible(contentType);
  const encoding = compressible && info.size >= COMPRESS_MIN_BYTES ? negotiateEncoding(c.req.header('accept-encoding')) : null;
  const etag = etagFor(`W/"${version}"`, encoding);
  const headers: Record<string, string> = { 'Content-Type': contentType, 'Cache-Control': cacheControl, ETag: etag };
  if (compressible) headers['Vary'] = 'Accept-Encoding';
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
  const bytes = await readFile(path);
  if (!encoding) return c.body(new Uint8Array(bytes), 200, headers);
  const body = await compressedFile(path, version, encoding, bytes);
  return c.body(new Uint8Array(body), 200, { ...headers, 'Content-Encoding': encoding });
}

/** A request a browser makes to open a page, not to fetch a file. */
function isNavigation(c: Context, segments: readonly string[]): boolean {
  if (c.req.header('sec-fetch-mode') === 'navigate') return true;
  if ((c.req.header('accept') ?? '').includes('text/html')) return true;
  const last = segments[segments.length - 1] ?? '';
  return !last.includes('.');
}

/** GET/HEAD handler for everything outside /api/. */
export function staticFiles(staticDir: string): Handler {
  const root = resolve(staticDir);
  const shell = join(root, 'index.html');
  // The console at /can-bo/ has its own page: every path under it opens that page.
  const consoleShell = join(root, 'can-bo', 'index.html');
  return async (c) => {
    const segments = safeSegments(new URL(c.req.url).pathname);
    if (segments === null) return c.text('Not found', 404);
    const path = join(root, ...segments);
    if (path !== root && !path.startsWith(root + sep)) return c.text('Not found', 404);
    const cacheControl = segments[0] === 'assets' ? IMMUTABLE : REVALIDATE;
    const served = segments.length > 0 ? await sendFile(c, path, cacheControl) : null;
    if (served) return served;
    if (segments.length === 0 || isNavigation(c, segments)) {
      const page = await sendFile(c, segments[0] === 'can-bo' ? consoleShell : shell, REVALIDATE);
      if (page) return page;
    }
    return c.text('Not found', 404);
  };
}
