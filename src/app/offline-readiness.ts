/**
 * The page's view of "ready for offline": it listens to the service worker's precache messages
 * and asks the worker where it stands when the page opens (a worker may have finished before
 * this page loaded). Kept apart from workbox-window so the first script stays small.
 */
import { READINESS_QUERY, isReadinessMessage, nextReadiness, type Readiness } from '../domain/offline-readiness';

type Listener = (state: Readiness) => void;
const listeners = new Set<Listener>();
let state: Readiness = { state: 'unknown' };
let started = false;

function set(next: Readiness): void {
  if (next === state) return;
  state = next;
  listeners.forEach((listener) => listener(state));
}

function ask(worker: ServiceWorker | null | undefined): void {
  worker?.postMessage({ type: READINESS_QUERY });
}

/** Starts listening (once); safe where there is no service worker (dev, old browsers): stays unknown. */
export function watchOfflineReadiness(): void {
  if (started || !('serviceWorker' in navigator)) return;
  started = true;
  const container = navigator.serviceWorker;
  container.addEventListener('message', (event: MessageEvent) => {
    if (isReadinessMessage(event.data)) set(nextReadiness(state, event.data));
  });
  // Messages to a page the worker does not control yet wait until this is called.
  container.startMessages();
  void container.getRegistration().then((registration) => {
    ask(registration?.active);
    ask(registration?.installing);
  });
  container.addEventListener('controllerchange', () => ask(container.controller));
}

export function onOfflineReadiness(listener: Listener): () => void {
  listeners.add(listener);
  listener(state);
  return () => listeners.delete(listener);
}

export function offlineReadiness(): Readiness {
  return state;
}
