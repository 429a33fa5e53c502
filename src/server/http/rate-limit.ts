/**
 * Rate limits per device and per address (push, blob upload, login, registration, enrolment),
 * kept in this process's memory: a token bucket per key that refills `limit` tokens every
 * `windowMs`. Behind several processes each counts on its own, which is acceptable for abuse
 * limits; the login throttle that must hold across processes is in the database (accounts/).
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';
import { jsonError } from './http-errors';

export interface RateRule {
  /** Requests allowed in a burst, and per window on average. */
  limit: number;
  windowMs: number;
}

/** Above this many keys, buckets that have refilled completely are dropped. */
const MAX_KEYS = 10_000;

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly rule: RateRule,
    private readonly now: () => number,
  ) {}

  /** Takes one token for `key`; when none is left, how many seconds until one is. */
  take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const at = this.now();
    const perMs = this.rule.limit / this.rule.windowMs;
    const bucket = this.buckets.get(key) ?? { tokens: this.rule.limit, at };
    // A clock set back (NTP, a test) refills nothing rather than draining the bucket.
    bucket.tokens = Math.min(this.rule.limit, bucket.tokens + Math.max(0, at - bucket.at) * perMs);
    bucket.at = Math.max(at, bucket.at);
    if (bucket.tokens < 1) {
      this.buckets.set(key, bucket);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    }
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_KEYS) this.prune(at, perMs);
    return { ok: true };
  }

  private prune(at: number, perMs: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (at - bucket.at) * perMs >= this.rule.limit) this.buckets.delete(key);
    }
  }
}

/** The 429 every limit answers, with Retry-After in seconds. */
export function rateLimited(c: Context, retryAfterSeconds: number, error: 'rate-limited' | 'quota-exceeded' = 'rate-limited'): Response {
  c.header('Retry-After', String(retryAfterSeconds));
  const message =
    error === 'rate-limited' ? 'Too many requests; try again later.' : 'The allowance for today is used up; try again tomorrow.';
  return jsonError(c, 429, error, message);
}

/** A middleware taking one token per request from each limiter, keyed as `keyOf` says (null: not counted). */
export function rateLimit(limiter: RateLimiter, keyOf: (c: Context<AppEnv>) => string | null): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = keyOf(c);
    if (key !== null) {
      const taken = limiter.take(key);
      if (!taken.ok) {
        await c.req.raw.body?.cancel().catch(() => undefined);
        return rateLimited(c, taken.retryAfterSeconds);
      }
    }
    return next();
  };
}

/** Every limit the app applies; each can be changed (tests make them small). */
export interface RateLimits {
  registerPerIp: RateRule;
  enrolPerIp: RateRule;
  loginPerIp: RateRule;
  setupPerIp: RateRule;
  pushPerDevice: RateRule;
  pushPerIp: RateRule;
  visitPushPerDevice: RateRule;
  blobPutPerDevice: RateRule;
  blobPutPerIp: RateRule;
}

const MINUTE = 60_000;

/**
 * Generous for real use: a phone pushes at most a few batches a minute, and one commune Wi-Fi
 * (one address) may carry a whole village meeting's phones.
 */
export const DEFAULT_RATE_LIMITS: Readonly<RateLimits> = {
  registerPerIp: { limit: 30, windowMs: 60 * MINUTE },
  enrolPerIp: { limit: 10, windowMs: 15 * MINUTE },
  loginPerIp: { limit: 30, windowMs: 15 * MINUTE },
  setupPerIp: { limit: 10, windowMs: 15 * MINUTE },
  pushPerDevice: { limit: 30, windowMs: MINUTE },
  pushPerIp: { limit: 300, windowMs: MINUTE },
  visitPushPerDevice: { limit: 30, windowMs: MINUTE },
  blobPutPerDevice: { limit: 120, windowMs: MINUTE },
  blobPutPerIp: { limit: 600, windowMs: MINUTE },
};

export type RateLimiters = { readonly [K in keyof RateLimits]: RateLimiter };

export function rateLimiters(rules: Partial<RateLimits>, now: () => number): RateLimiters {
  const all = { ...DEFAULT_RATE_LIMITS, ...rules };
  return Object.fromEntries(Object.entries(all).map(([name, rule]) => [name, new RateLimiter(rule, now)])) as unknown as RateLimiters;
}
