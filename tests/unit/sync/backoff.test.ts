import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffDelay } from '../../../src/sync/backoff';

describe('backoffDelay', () => {
  it('is 0 with random = 0 (full jitter starts at zero)', () => {
    for (const attempt of [0, 1, 5, 30]) expect(backoffDelay(attempt, () => 0)).toBe(0);
  });

  it('reaches base × 2^attempt with random = 1', () => {
    expect(backoffDelay(0, () => 1)).toBe(2_000);
    expect(backoffDelay(1, () => 1)).toBe(4_000);
    expect(backoffDelay(3, () => 1)).toBe(16_000);
    expect(backoffDelay(7, () => 1)).toBe(256_000);
  });

  it('never exceeds the 5-minute cap, even for huge attempts', () => {
    expect(backoffDelay(8, () => 1)).toBe(BACKOFF_CAP_MS);
    expect(backoffDelay(1_000, () => 1)).toBe(300_000);
    expect(backoffDelay(Number.MAX_SAFE_INTEGER, () => 1)).toBe(300_000);
  });

  it('scales linearly with random inside the window', () => {
    expect(backoffDelay(2, () => 0.5)).toBe(4_000);
    expect(backoffDelay(20, () => 0.25)).toBe(75_000);
  });

  it('honours custom base and cap', () => {
    expect(backoffDelay(3, () => 1, { baseMs: 100, capMs: 500 })).toBe(500);
    expect(backoffDelay(2, () => 1, { baseMs: 100, capMs: 500 })).toBe(400);
  });

  it('stays within [0, min(cap, base × 2^attempt)] for any attempt and random', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, r) => {
        const delay = backoffDelay(attempt, () => r);
        return delay >= 0 && delay <= Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
      }),
    );
  });

  it('treats a negative attempt as the first one', () => {
    expect(backoffDelay(-3, () => 1)).toBe(2_000);
  });
});
