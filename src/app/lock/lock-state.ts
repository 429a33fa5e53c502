/**
 * Whether the app is locked, readable before Dexie loads: a PIN-set hint in localStorage lets
 * the shell show the lock screen at once instead of a flash of the home screen. The vault
 * (storage/vault.ts) stays the truth: the lock screen opens the app when it finds no PIN, and the
 * gate locks when the vault has a PIN the hint did not know of.
 */
import { useEffect, useState } from 'preact/hooks';

const HINT = 'mcld-pin-set';

function readHint(): boolean {
  try {
    return localStorage.getItem(HINT) === '1';
  } catch {
    return false;
  }
}

let locked = readHint();
const listeners = new Set<() => void>();

export function isLocked(): boolean {
  return locked;
}

export function setLocked(value: boolean): void {
  if (locked === value) return;
  locked = value;
  for (const listener of listeners) listener();
}

/** Remembers whether a PIN is set (the hint read at the next start). */
export function rememberPinSet(pinSet: boolean): void {
  try {
    if (pinSet) localStorage.setItem(HINT, '1');
    else localStorage.removeItem(HINT);
  } catch {
    // Private mode without storage: the gate still asks the vault.
  }
}

export function pinHint(): boolean {
  return readHint();
}

export function useLocked(): boolean {
  const [value, setValue] = useState(locked);
  useEffect(() => {
    const listener = () => setValue(locked);
    listeners.add(listener);
    listener();
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return value;
}
