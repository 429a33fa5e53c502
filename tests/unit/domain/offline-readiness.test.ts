/** The page's view of the precache: monotonic progress, ready only when the worker says so. */
import { describe, expect, it } from 'vitest';
import { isReadinessMessage, nextReadiness, readinessPercent, type Readiness } from '../../../src/domain/offline-readiness';

describe('offline readiness', () => {
  it('never goes backwards within one install and never reaches 100 % before ready', () => {
    let state: Readiness = { state: 'unknown' };
    state = nextReadiness(state, { type: 'precache-progress', done: 10, total: 40 });
    state = nextReadiness(state, { type: 'precache-progress', done: 8, total: 40 });
    expect(state).toEqual({ state: 'loading', done: 10, total: 40 });
    state = nextReadiness(state, { type: 'precache-progress', done: 40, total: 40 });
    expect(state.state).toBe('loading');
    expect(readinessPercent(40, 40)).toBe(99);
    expect(readinessPercent(24, 40)).toBe(60);
    state = nextReadiness(state, { type: 'precache-ready', at: 5 });
    expect(state).toEqual({ state: 'ready', at: 5 });
  });

  it('stays ready while an update downloads or fails; says so when the first install fails', () => {
    const ready: Readiness = { state: 'ready', at: 5 };
    expect(nextReadiness(ready, { type: 'precache-progress', done: 1, total: 40 })).toBe(ready);
    expect(nextReadiness(ready, { type: 'precache-failed', done: 1, total: 40, retryAt: 9 })).toBe(ready);
    expect(nextReadiness({ state: 'loading', done: 3, total: 40 }, { type: 'precache-failed', done: 3, total: 40, retryAt: 9 })).toEqual({
      state: 'failed',
      done: 3,
      total: 40,
      retryAt: 9,
    });
  });

  it('reads only well-formed messages', () => {
    expect(isReadinessMessage({ type: 'precache-progress', done: 1, total: 2 })).toBe(true);
    expect(isReadinessMessage({ type: 'precache-progress', done: 3, total: 2 })).toBe(false);
    expect(isReadinessMessage({ type: 'precache-ready' })).toBe(false);
    expect(isReadinessMessage({ type: 'sync-done' })).toBe(false);
    expect(isReadinessMessage(null)).toBe(false);
  });
});
