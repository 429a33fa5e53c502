/** The Fullscreen API where the browser has it (not on iPhone Safari: the layout is full-viewport anyway). */
import { useEffect, useState, type MutableRef } from 'preact/hooks';

export function useFullscreen(ref: MutableRef<HTMLElement | null>) {
  const supported = typeof document !== 'undefined' && document.fullscreenEnabled === true;
  const [active, setActive] = useState(false);

  useEffect(() => {
    const update = () => setActive(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', update);
    return () => {
      document.removeEventListener('fullscreenchange', update);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  async function toggle(): Promise<void> {
    try {
      if (document.fullscreenElement) {
        await document.exitFullscreen();
        return;
      }
      await ref.current?.requestFullscreen();
      // A phone turned sideways shows the slides larger; not every browser lets a page lock it.
      const orientation = screen.orientation as ScreenOrientation & { lock?: (o: string) => Promise<void> };
      await orientation.lock?.('landscape').catch(() => undefined);
    } catch {
      // Refused (no user gesture, policy): the slides still fill the window.
    }
  }

  return { supported, active, toggle };
}
