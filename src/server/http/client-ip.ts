/**
 * The client's address for rate limits: the TCP peer, or behind a reverse proxy we were told to
 * trust (TRUST_PROXY=1) the address the proxy appended last to X-Forwarded-For. Only the last
 * entry: anything before it was written by the client and may be forged.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/** When there is no socket (app.request() in tests, or a test harness): one shared bucket. */
const UNKNOWN = 'unknown';

export function clientIpOf(headers: Headers, env: unknown, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = headers.get('x-forwarded-for');
    const last = forwarded?.split(',').pop()?.trim();
    if (last) return last.slice(0, 64);
  }
  return (env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress ?? UNKNOWN;
}

export function clientIp(trustProxy: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('clientIp', clientIpOf(c.req.raw.headers, c.env, trustProxy));
    return next();
  };
}

/** The scheme the client used: https behind a trusted proxy that says so, else the request's own. */
export function requestIsHttps(url: string, headers: Headers, trustProxy: boolean): boolean {
  if (trustProxy) {
    const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
    if (proto) return proto === 'https';
  }
  return new URL(url).protocol === 'https:';
}
