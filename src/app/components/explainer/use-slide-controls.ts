/**
 * Keyboard and swipe control of a slide deck, the way presentation software behaves:
 * ←/PageUp back, →/PageDown/Space forward, Home/End first/last, Esc leaves.
 */
import { useEffect, useRef } from 'preact/hooks';

export interface SlideControls {
  go: (n: number) => void;
  current: number;
  count: number;
  leave: () => void;
}

/** A horizontal move shorter than this (CSS px) is a tap or a wobble, not a swipe. */
const SWIPE_MIN_PX = 48;

function targetAction(e: KeyboardEvent, { current, count }: SlideControls): number | 'leave' | null {
  const onButton = e.target instanceof Element && e.target.closest('button, input, select, textarea') !== null;
  switch (e.key) {
    case 'ArrowRight':
    case 'PageDown':
      return current + 1;
    case 'ArrowLeft':
    case 'PageUp':
      return current - 1;
    case ' ':
    case 'Spacebar':
      // Space on a focused button presses it; do not also turn the page.
      if (onButton) return null;
      return e.shiftKey ? current - 1 : current + 1;
    case 'Home':
      return 1;
    case 'End':
      return count;
    case 'Escape':
      // In full screen the browser uses Esc to leave full screen first.
      return document.fullscreenElement ? null : 'leave';
    default:
      return null;
  }
}

export function useSlideKeys(controls: SlideControls): void {
  const latest = useRef(controls);
  latest.current = controls;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      const action = targetAction(e, latest.current);
      if (action === null) return;
      e.preventDefault();
      if (action === 'leave') latest.current.leave();
      else latest.current.go(action);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/** Pointer handlers for the slide area (touch, pen or mouse): a swipe left is "next". */
export function useSwipe(onSwipe: (direction: 1 | -1) => void) {
  const start = useRef<{ id: number; x: number; y: number } | null>(null);
  return {
    onPointerDown(e: PointerEvent) {
      if (start.current && start.current.id !== e.pointerId) return;
      start.current = { id: e.pointerId, x: e.clientX, y: e.clientY };
    },
    onPointerUp(e: PointerEvent) {
      const s = start.current;
      if (!s || s.id !== e.pointerId) return;
      start.current = null;
      const dx = e.clientX - s.x;
      const dy = e.clientY - s.y;
      if (Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dx) < Math.abs(dy) * 1.5) return;
      onSwipe(dx < 0 ? 1 : -1);
    },
    onPointerCancel() {
      start.current = null;
    },
  };
}
