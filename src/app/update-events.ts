/** Tells the UI that a new service worker waits; kept apart from workbox-window so it stays off the first load. */
export interface UpdateReady {
  accept: () => void;
}

type Listener = (update: UpdateReady) => void;
const listeners = new Set<Listener>();
let ready: UpdateReady | null = null;

export function onUpdateReady(listener: Listener): () => void {
  listeners.add(listener);
  if (ready) listener(ready);
  return () => listeners.delete(listener);
}

export function announceUpdate(update: UpdateReady): void {
  ready = update;
  listeners.forEach((listener) => listener(update));
}
