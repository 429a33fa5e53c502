/** Loads a screen's chunk on demand, so the first screen stays small. */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazyScreen<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  let cached: ComponentType<P> | null = null;
  return function LazyScreen(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => cached);
    useEffect(() => {
      if (cached) return;
      void load().then((module) => {
        cached = module.default;
        setComponent(() => module.default);
      });
    }, []);
    return Component ? (
      <Component {...props} />
    ) : (
      <p class="muted" aria-busy="true">
        …
      </p>
    );
  };
}
