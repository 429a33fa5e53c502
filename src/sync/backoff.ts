/** Retry delays: exponential with full jitter, so phones that failed together do not retry together. */

export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
}

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 300_000;

/** random() × min(cap, base × 2^attempt); attempt 0 is the first retry. */
export function backoffDelay(attempt: number, random: () => number, options: BackoffOptions = {}): number {
  const { baseMs = BACKOFF_BASE_MS, capMs = BACKOFF_CAP_MS } = options;
  const exponent = Math.max(0, Math.floor(attempt));
  // 2^exponent overflows to Infinity for huge attempts; min() keeps the cap.
  const ceiling = Math.min(capMs, baseMs * 2 ** exponent);
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(r * ceiling);
}
