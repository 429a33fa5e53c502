import { describe, expect, it } from 'vitest';
import type { SyncEngine, SyncEvent, SyncReason } from '../../../src/sync/engine';
import { emptyReport } from '../../../src/sync/events';
import { MIN_TIMER_MS, SAFETY_NET_MS, startSyncScheduler } from '../../../src/sync/scheduler';
import { createSyncEngine } from '../../../src/sync/engine';
import { makeSubmission, portsOf, useFreshStorage } from '../storage/fresh-storage';
import { FakeServer } from './fake-server';

const storage = useFreshStorage();

/** Lets pending promise callbacks (the scheduler's reschedule) run; not a sleep. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

class FakeTimers {
  private next = 1;
  readonly pending = new Map<number, { fn: () => void; ms: number }>();
  setTimer = (fn: () => void, ms: number): unknown => {
    const handle = this.next++;
    this.pending.set(handle, { fn, ms });
    return handle;
  };
  clearTimer = (handle: unknown): void => {
    this.pending.delete(handle as number);
  };
  delays(): number[] {
    return [...this.pending.values()].map((t) => t.ms);
  }
  fireAll(): void {
    const due = [...this.pending.entries()];
    this.pending.clear();
    for (const [, timer] of due) timer.fn();
  }
}

/** An engine stand-in that records reasons and finishes each sync with a `done` event. */
function stubEngine(nextAt: () => number | null) {
  const reasons: SyncReason[] = [];
  const listeners = new Set<(e: SyncEvent) => void>();
  const engine: SyncEngine = {
    async sync(reason) {
      reasons.push(reason);
      const report = emptyReport();
      for (const l of listeners) l({ type: 'done', report });
      return report;
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async nextAttemptAt() {
      return nextAt();
    },
  };
  return { engine, reasons, listenerCount: () => listeners.size };
}

function visibleDocument(state: 'visible' | 'hidden') {
  const target = new EventTarget() as EventTarget & { visibilityState: string };
  target.visibilityState = state;
  return target;
}

function start(nextAt: () => number | null = () => null, now = 10_000) {
  const stub = stubEngine(nextAt);
  const target = new EventTarget();
  const visibility = visibleDocument('hidden');
  const timers = new FakeTimers();
  const stop = startSyncScheduler({
    engine: stub.engine,
    target,
    visibility,
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
    now: () => now,
  });
  return { ...stub, target, visibility, timers, stop };
}

describe('sync scheduler', () => {
  it('syncs at startup', () => {
    const { reasons } = start();
    expect(reasons).toEqual(['startup']);
  });

  it('syncs on online and on focus', () => {
    const { reasons, target } = start();
    target.dispatchEvent(new Event('online'));
    target.dispatchEvent(new Event('focus'));
    expect(reasons).toEqual(['startup', 'online', 'focus']);
  });

  it('syncs when the page becomes visible, not when it is hidden', () => {
    const { reasons, visibility } = start();
    visibility.dispatchEvent(new Event('visibilitychange'));
    visibility.visibilityState = 'visible';
    visibility.dispatchEvent(new Event('visibilitychange'));
    expect(reasons).toEqual(['startup', 'focus']);
  });

  it('sets a timer for the next due row and syncs when it fires', async () => {
    const { reasons, timers } = start(() => 15_000, 10_000);
    await settle();
    expect(timers.delays()).toEqual([5_000]);
    timers.fireAll();
    expect(reasons).toEqual(['startup', 'timer']);
  });

  it('waits at most the safety net while something is queued, at least the minimum', async () => {
    let at: number | null = 10_000 + 300_000;
    const { timers, target } = start(() => at, 10_000);
    await settle();
    expect(timers.delays()).toEqual([SAFETY_NET_MS]);
    at = 0;
    target.dispatchEvent(new Event('online'));
    await settle();
    expect(timers.delays()).toEqual([MIN_TIMER_MS]);
  });

  it('sets no timer when nothing is queued, and replaces the timer after every sync', async () => {
    let at: number | null = null;
    const { timers, target } = start(() => at, 10_000);
    await settle();
    expect(timers.pending.size).toBe(0);
    at = 12_000;
    target.dispatchEvent(new Event('focus'));
    await settle();
    expect(timers.delays()).toEqual([2_000]);
    at = 13_000;
    target.dispatchEvent(new Event('focus'));
    await settle();
    expect(timers.delays()).toEqual([3_000]);
  });

  it('stop() removes listeners and the timer', async () => {
    const { reasons, target, visibility, timers, stop, listenerCount } = start(() => 20_000);
    await settle();
    expect(timers.pending.size).toBe(1);
    stop();
    expect(timers.pending.size).toBe(0);
    expect(listenerCount()).toBe(0);
    visibility.visibilityState = 'visible';
    target.dispatchEvent(new Event('online'));
    target.dispatchEvent(new Event('focus'));
    visibility.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(reasons).toEqual(['startup']);
    expect(timers.pending.size).toBe(0);
  });

  it('with the real engine: a 503 sets the timer at the backoff, and the timer sends the row', async () => {
    let time = 1_000_000;
    const server = new FakeServer(() => time);
    server.pushFaults.push({ status: 503 });
    const engine = createSyncEngine({
      ...portsOf(storage()),
      fetch: server.fetch,
      now: () => time,
      random: () => 1,
      baseUrl: 'https://x.example',
    });
    const submission = makeSubmission();
    await storage().outbox.enqueueSubmission(submission, 'Phạm Thị Lan', time);
    const timers = new FakeTimers();
    const done: SyncEvent[] = [];
    engine.on((e) => e.type === 'done' && done.push(e));
    startSyncScheduler({ engine, target: new EventTarget(), setTimer: timers.setTimer, clearTimer: timers.clearTimer, now: () => time });
    while (timers.pending.size === 0) await settle();
    expect(done).toHaveLength(1);
    expect(timers.delays()).toEqual([2_000]);
    time += 2_000;
    timers.fireAll();
    while (done.length < 2) await settle();
    expect(await storage().outbox.getOutboxItem(submission.id)).toBeUndefined();
    expect(server.held.has(submission.id)).toBe(true);
  });
});
