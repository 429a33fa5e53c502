/**
 * Registers the service worker in production builds only. An update is a conversation:
 * waiting → the user accepts → skip-waiting → reload when the new worker takes control.
 */
import { Workbox } from 'workbox-window';
import { announceUpdate } from './update-events';

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
  void wb.register();
}
