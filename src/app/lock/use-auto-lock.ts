/**
 * Locks after 5 idle minutes, or on coming back after more than a minute in the background
 * (domain/lock-policy.ts), when a PIN is set. Touches and keys count as activity.
 */
import { useEffect } from 'preact/hooks';
import { shouldLock, type ActivityState } from '../../domain/lock-policy';
import { isLocked, pinHint } from './lock-state';

const CHECK_EVERY_MS = 15_000;

export function useAutoLock(): void {
  useEffect(() => {
    const state: ActivityState = { lastActivityAt: Date.now() };
    const check = () => {
      if (isLocked() || !pinHint() || !shouldLock(state, Date.now())) return;
      void import('./lock-now').then((m) => m.lockNow());
    };
    const active = () => {
      state.lastActivityAt = Date.now();
    };
    const visibility = () => {
      if (document.visibilityState === 'hidden') state.hiddenSince = Date.now();
      else {
        check();
        delete state.hiddenSince;
        active();
      }
    };
    const events = ['pointerdown', 'keydown', 'input'] as const;
    for (const name of events) addEventListener(name, active, { passive: true, capture: true });
    document.addEventListener('visibilitychange', visibility);
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => {
      for (const name of events) removeEventListener(name, active, { capture: true });
      document.removeEventListener('visibilitychange', visibility);
      clearInterval(timer);
    };
  }, []);
}
