/**
 * The first middleware every request meets, before any route reads a body or a credential, so a
 * refused request stores nothing:
 * 1. Host: only the names this server answers for (ALLOWED_HOSTS). A page on an attacker's site
 *    that rebinds its DNS name to this address sends the attacker's name as Host: refused.
 * 2. Origin: a state-changing request (or any API request) that a browser sent from another site
 *    (`Sec-Fetch-Site: cross-site`, or an Origin that is not ours) is refused. Phones and scripts
 *    that send neither header pass; their credential is not ambient, so there is nothing to forge.
 * 3. Content type: a state-changing API request must declare `application/json` (blob uploads
 *    declare their media type instead). An HTML form can post text/plain or urlencoded bodies
 *    cross-site without asking; it cannot post JSON.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';
import { requestIsHttps } from './client-ip';
import { jsonError } from './http-errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function discardBody(c: Context): Promise<void> {
  await c.req.raw.body?.cancel().catch(() => undefined);
}

/** A host name as compared: lowercase, IPv6 in brackets, no port, no trailing dot. */
export function normalizeHostName(value: string): string {
  let host = value.trim().toLowerCase();
  if (host.startsWith('[')) host = host.slice(0, host.indexOf(']') + 1);
  else if (host.split(':').length === 2) host = host.slice(0, host.indexOf(':'));
  else if (host.includes(':')) host = `[${host}]`;
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

export function hostGuard(allowedHosts: readonly string[]): MiddlewareHandler<AppEnv> {
  const allowed = new Set(allowedHosts.map(normalizeHostName));
  return async (c, next) => {
    const host = normalizeHostName(new URL(c.req.url).hostname);
    if (!allowed.has(host)) {
      await discardBody(c);
      return jsonError(c, 403, 'host-not-allowed', 'This server does not answer for that host name (set ALLOWED_HOSTS).');
    }
    return next();
  };
}

export function originGuard(trustProxy: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const guarded = !SAFE_METHODS.has(c.req.method) || c.req.path.startsWith('/api/');
    if (!guarded) return next();
    const site = c.req.header('sec-fetch-site')?.toLowerCase();
    const origin = c.req.header('origin');
    let foreign = site === 'cross-site';
    if (!foreign && origin !== undefined) {
      const url = new URL(c.req.url);
      const own = `${requestIsHttps(c.req.url, c.req.raw.headers, trustProxy) ? 'https' : 'http'}://${url.host}`;
      foreign = origin.toLowerCase() !== own.toLowerCase();
    }
    if (foreign) {
      await discardBody(c);
      return jsonError(c, 403, 'cross-origin', 'Requests from other sites are refused.');
    }
    return next();
  };
}

/** The media type of a Content-Type header, parameters dropped. */
function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

export const jsonContentGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  const method = c.req.method;
  if (SAFE_METHODS.has(method) || !c.req.path.startsWith('/api/')) return next();
  if (method === 'PUT' && c.req.path.startsWith('/api/v1/blobs/')) return next();
  if (mediaType(c.req.header('content-type')) !== 'application/json') {
    await discardBody(c);
    return jsonError(c, 415, 'unsupported-media-type', 'Send the body as application/json.');
  }
  return next();
};
