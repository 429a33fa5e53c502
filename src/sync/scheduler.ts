/**
 * Decides when to sync: at start, when the browser says it is online, when the app regains focus
 * or becomes visible, and on a timer set for the engine's next due row (at most 60 s away while
 * anything is queued, as a safety net). It never reads navigator.onLine: trying is the only test.
 * Everything outside is passed in, so tests drive it with a plain EventTarget and fake timers.
 */
import type { SyncEngine, SyncReason } from './engine';

type Listenable = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

export interface SchedulerOptions {
  engine: SyncEngine;
  /** Receives `online` and `focus` (the window, or the worker's global scope). */
  target: Listenable;
  /** Receives `visibilitychange` (the document). */
  visibility?: { readonly visibilityState: string } & Listenable;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  now?: () => number;
}

/** Longest wait while something is queued. */
export const SAFETY_NET_MS = 60_000;
/** Shortest wait, so a zero backoff cannot make the timer spin. */
export const MIN_TIMER_MS = 1_000;

/** Starts scheduling; returns stop(), which removes every listener and the timer. */
export function startSyncScheduler(options: SchedulerOptions): () => void {
  const { engine, target, visibility, setTimer, clearTimer } = options;
  const now = options.now ?? Date.now;
  let stopped = false;
  let timer: unknown = undefined;
  let generation = 0;

  function cancelTimer(): void {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
  }

  async function reschedule(): Promise<void> {
    const mine = ++generation;
    const at = await engine.nextAttemptAt();
    // A newer reschedule or stop() won the race while we were reading the outbox.
    if (stopped || mine !== generation) return;
    cancelTimer();
    if (at === null) return;
    const delay = Math.min(SAFETY_NET_MS, Math.max(MIN_TIMER_MS, at - now()));
    timer = setTimer(() => {
      timer = undefined;
      trigger('timer');
    }, delay);
  }

  function trigger(reason: SyncReason): void {
    if (stopped) return;
    engine.sync(reason).catch((error: unknown) => console.error('sync failed', error));
  }

  // Every finished sync, whoever started it (a button, the service worker), moves the timer.
  const unsubscribe = engine.on((event) => {
    if (event.type === 'done' || event.type === 'error') void reschedule();
  });
  const onOnline = () => trigger('online');
  const onFocus = () => trigger('focus');
  const onVisibility = () => {
    if (visibility?.visibilityState === 'visible') trigger('focus');
  };

  target.addEventListener('online', onOnline);
  target.addEventListener('focus', onFocus);
  visibility?.addEventListener('visibilitychange', onVisibility);
  trigger('startup');

  return () => {
    stopped = true;
    generation += 1;
    cancelTimer();
    unsubscribe();
    target.removeEventListener('online', onOnline);
    target.removeEventListener('focus', onFocus);
    visibility?.removeEventListener('visibilitychange', onVisibility);
  };
}
