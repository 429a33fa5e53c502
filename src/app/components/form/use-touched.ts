/**
 * Which fields the user has left (their messages show from then on). A field left by tapping a
 * button is marked only after that tap completes: a message appearing mid-tap shifts the page
 * (scroll anchoring) and the tap would land beside the button.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

export function useTouched(): {
  touched: ReadonlySet<string>;
  touch: (path: string) => void;
  touchAll: (paths: readonly string[]) => void;
} {
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const pending = useRef<string[]>([]);
  const pointerDown = useRef(false);

  function flush() {
    const paths = pending.current;
    if (paths.length === 0) return;
    pending.current = [];
    setTouched((prev) => (paths.every((p) => prev.has(p)) ? prev : new Set([...prev, ...paths])));
  }

  useEffect(() => {
    const down = () => {
      pointerDown.current = true;
    };
    const up = () => {
      pointerDown.current = false;
      // After the click that this pointerup ends has been dispatched.
      setTimeout(flush, 0);
    };
    document.addEventListener('pointerdown', down, true);
    document.addEventListener('pointerup', up, true);
    document.addEventListener('pointercancel', up, true);
    return () => {
      document.removeEventListener('pointerdown', down, true);
      document.removeEventListener('pointerup', up, true);
      document.removeEventListener('pointercancel', up, true);
    };
  }, []);

  const touchAll = (paths: readonly string[]) => {
    pending.current.push(...paths);
    if (!pointerDown.current) flush();
  };
  return { touched, touch: (path) => touchAll([path]), touchAll };
}
