/** Locks the app: pending draft saves first, then the key leaves memory, then the lock screen. */
import { phone } from '../phone';
import { setLocked } from './lock-state';
import { flushAll } from './save-barrier';

export async function lockNow(): Promise<void> {
  await flushAll();
  phone().vault.lock();
  setLocked(true);
}
