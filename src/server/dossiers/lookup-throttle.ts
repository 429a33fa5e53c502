/**
 * Misses of POST /api/v1/lookup counted per key (the client's address, the device, the dossier
 * code), in this process's memory like the other abuse limits (http/rate-limit.ts): behind
 * several processes each counts on its own, which multiplies an attacker's tries by the number of
 * processes, still far too few against 10^4 digit tails. The waits are domain/dossier-lookup.ts's.
 */
import { lookupWaitMs } from '../../domain/dossier-lookup';

/** A key whose last miss is older than this starts again from nothing. */
const FORGET_AFTER_MS = 24 * 60 * 60_000;
/** Above this many keys, forgotten ones are dropped. */
const MAX_KEYS = 10_000;

interface Misses {
  count: number;
  /** No try is answered before this time. */
  until: number;
  lastAt: number;
}

export class LookupThrottle {
  private readonly misses = new Map<string, Misses>();

  constructor(private readonly now: () => number) {}

  /** Milliseconds until any of `keys` may try again; 0 when all may now. */
  waitMs(keys: readonly string[]): number {
    const at = this.now();
    let wait = 0;
    for (const key of keys) {
      const entry = this.current(key, at);
      if (entry) wait = Math.max(wait, entry.until - at);
    }
    return wait;
  }

  /** Counts a miss for every key; the next try of each waits as lookupWaitMs says. */
  miss(keys: readonly string[]): void {
    const at = this.now();
    for (const key of keys) {
      const count = (this.current(key, at)?.count ?? 0) + 1;
      this.misses.set(key, { count, until: at + lookupWaitMs(count), lastAt: at });
    }
    if (this.misses.size > MAX_KEYS) this.prune(at);
  }

  /** A right answer clears the dossier's own count (never the address's: one known dossier must not reset a guesser). */
  clear(key: string): void {
    this.misses.delete(key);
  }

  private current(key: string, at: number): Misses | undefined {
    const entry = this.misses.get(key);
    if (entry && at - entry.lastAt > FORGET_AFTER_MS) {
      this.misses.delete(key);
      return undefined;
    }
    return entry;
  }

  private prune(at: number): void {
    for (const [key, entry] of this.misses) if (at - entry.lastAt > FORGET_AFTER_MS || entry.until <= at) this.misses.delete(key);
  }
}
