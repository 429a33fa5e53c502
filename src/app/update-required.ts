/**
 * "This app is too old for the server": the sync engine (page or service worker) says it once per
 * sync; the banner listens. Kept apart from the engine so the app shell can show the banner
 * without loading the database.
 */
type Listener = () => void;
const listeners = new Set<Listener>();
let required = false;

export function announceUpdateRequired(): void {
  required = true;
  listeners.forEach((listener) => listener());
}

/** Calls `listener` now if an update is already required, and on every later announcement. */
export function onUpdateRequired(listener: Listener): () => void {
  listeners.add(listener);
  if (required) listener();
  return () => listeners.delete(listener);
}
