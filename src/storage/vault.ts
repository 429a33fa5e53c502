/**
 * The vault: the phone's data key, wrapped under the PIN (crypto/pin-wrap.ts) in the `vault`
 * table, and held unwrapped in memory only while the app is unlocked. One Vault per
 * PhoneStorage: the page's unlocks the page; the service worker never holds the key (it sends
 * the outbox, whose dossiers are sealed to the server, and needs nothing else).
 * Wrong PINs are counted in the table, so closing the app does not reset the wait
 * (domain/lock-policy.ts says how long). The only module that touches `vault`.
 */
import type { Key } from '../crypto/bytes';
import { PIN_PBKDF2_ITERATIONS, createDataKey, unwrapDataKey } from '../crypto/pin-wrap';
import { nextPinTryAt, offersWipe } from '../domain/lock-policy';
import type { McldDb, VaultRow } from './db';

export interface VaultStatus {
  pinSet: boolean;
  unlocked: boolean;
  failures: number;
  /** When the next PIN may be tried (ms); 0 when at once. */
  nextTryAt: number;
  offerWipe: boolean;
}

export type UnlockResult = { ok: true } | { ok: false; reason: 'wrong-pin' | 'wait' | 'no-pin'; status: VaultStatus };

export interface Vault {
  status(): Promise<VaultStatus>;
  /** The data key while unlocked; undefined when locked or when no PIN is set. */
  key(): Key | undefined;
  /** Sets the first PIN (refused when one exists) and unlocks; `onKey` runs with the new key (to encrypt what is in clear). */
  setPin(pin: string, now: number, onKey?: (key: Key) => Promise<void>): Promise<void>;
  unlock(pin: string, now: number): Promise<UnlockResult>;
  /** Drops the key from memory. */
  lock(): void;
  /** Forgets the PIN and the wrapped key (the wipe); what was encrypted under it is unreadable from now on. */
  forget(): Promise<void>;
  /** True when a PIN is set: then nothing personal may be written in clear. */
  pinSet(): Promise<boolean>;
  /** Called after every lock and unlock. */
  subscribe(listener: () => void): () => void;
}

export class VaultLockedError extends Error {
  override name = 'VaultLockedError';
  constructor() {
    super('The app is locked: unlock it with the PIN first.');
  }
}

export interface VaultOptions {
  /** PBKDF2 iterations for a new PIN; OWASP's figure by default (tests pass fewer). */
  iterations?: number;
}

export function createVault(db: McldDb, options: VaultOptions = {}): Vault {
  let dataKey: Key | undefined;
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };
  const statusOf = (row: VaultRow | undefined): VaultStatus => ({
    pinSet: row !== undefined,
    unlocked: dataKey !== undefined,
    failures: row?.failures ?? 0,
    nextTryAt: row && row.failures > 0 ? nextPinTryAt(row.failures, row.lastFailureAt) : 0,
    offerWipe: offersWipe(row?.failures ?? 0),
  });
  return {
    status: async () => statusOf(await db.vault.get('main')),
    key: () => dataKey,
    pinSet: async () => (await db.vault.count()) > 0,
    async setPin(pin, now, onKey) {
      if (await db.vault.get('main')) throw new Error('A PIN is set already.');
      const { dataKey: key, wrapped } = await createDataKey(pin, options.iterations ?? PIN_PBKDF2_ITERATIONS);
      await db.vault.add({ id: 'main', wrapped, failures: 0, lastFailureAt: 0, createdAt: now });
      dataKey = key;
      if (onKey) await onKey(key);
      changed();
    },
    async unlock(pin, now) {
      const row = await db.vault.get('main');
      if (!row) return { ok: false, reason: 'no-pin', status: statusOf(row) };
      if (row.failures > 0 && now < nextPinTryAt(row.failures, row.lastFailureAt))
        return { ok: false, reason: 'wait', status: statusOf(row) };
      const key = await unwrapDataKey(pin, row.wrapped);
      if (!key) {
        const next: VaultRow = { ...row, failures: row.failures + 1, lastFailureAt: now };
        await db.vault.put(next);
        return { ok: false, reason: 'wrong-pin', status: statusOf(next) };
      }
      if (row.failures > 0) await db.vault.put({ ...row, failures: 0, lastFailureAt: 0 });
      dataKey = key;
      changed();
      return { ok: true };
    },
    lock() {
      if (dataKey === undefined) return;
      dataKey = undefined;
      changed();
    },
    async forget() {
      await db.vault.clear();
      dataKey = undefined;
      changed();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
