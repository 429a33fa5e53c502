/**
 * Registers the service worker in production builds only. An update is a conversation:
 * waiting → the user accepts → skip-waiting → reload when the new worker takes control.
 */
import { Workbox } from 'workbox-window';
import { announceUpdate } from './update-events';
import { onOfflineReadiness, watchOfflineReadiness } from './offline-readiness';

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const wb = new Workbox('/sw.js', { type: 'classic' });
  wb.addEventListener('waiting', () => {
    announceUpdate({
      accept: () => {
        wb.addEventListener('controlling', () => location.reload());
        wb.messageSkipWaiting();
      },
    });
  });
  watchOfflineReadiness();
  // A first install that failed leaves no worker: register again when it said to (the files
  // already fetched are in the cache and are not fetched again).
  let retry: ReturnType<typeof setTimeout> | undefined;
  onOfflineReadiness((state) => {
    if (state.state !== 'failed' || retry !== undefined) return;
    retry = setTimeout(
      () => {
        retry = undefined;
        void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
      },
      Math.max(1000, state.retryAt - Date.now()),
    );
  });
  void wb.register();
}
