/**
 * Small settings in their own idb-keyval store (database "mot-cua-luu-dong-settings", object
 * store "settings"), apart from the Dexie database so they survive its upgrades untouched.
 * Keys: "deviceId" (UUID made once), "language" ('vi' | 'en'), "syncCursor" (highest server
 * sequence pulled), "lastSyncAt" (ms of the last successful pull).
 */
import { createStore, get, set, update, type UseStore } from 'idb-keyval';

export const SETTINGS_DB_NAME = 'mot-cua-luu-dong-settings';

export type Language = 'vi' | 'en';

const KEYS = {
  deviceId: 'deviceId',
  language: 'language',
  syncCursor: 'syncCursor',
  lastSyncAt: 'lastSyncAt',
} as const;

/** A settings store in database `dbName` (tests pass a fresh name each time). */
export function createSettingsStore(dbName: string = SETTINGS_DB_NAME): UseStore {
  return createStore(dbName, 'settings');
}

let store: UseStore | null = null;

function currentStore(): UseStore {
  store ??= createSettingsStore();
  return store;
}

/** Swaps the store every settings function uses (tests). */
export function setSettingsStore(next: UseStore): void {
  store = next;
}

/** This phone's id, made once; the read-or-create is one readwrite transaction, so two tabs agree. */
export async function getDeviceId(): Promise<string> {
  const target = currentStore();
  await update<unknown>(
    KEYS.deviceId,
    (existing) => (typeof existing === 'string' && existing ? existing : crypto.randomUUID()),
    target,
  );
  const id: unknown = await get(KEYS.deviceId, target);
  if (typeof id !== 'string') throw new Error('device id was not stored');
  return id;
}

/** Vietnamese unless the user chose English. */
export async function getLanguage(): Promise<Language> {
  const value: unknown = await get(KEYS.language, currentStore());
  return value === 'en' ? 'en' : 'vi';
}

export function setLanguage(lang: Language): Promise<void> {
  return set(KEYS.language, lang, currentStore());
}

/** The highest server sequence already applied; 0 before the first pull. */
export async function getSyncCursor(): Promise<number> {
  const value: unknown = await get(KEYS.syncCursor, currentStore());
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

export function setSyncCursor(cursor: number): Promise<void> {
  return set(KEYS.syncCursor, cursor, currentStore());
}

/** When the phone last heard from the server (ms), or null if never. */
export async function getLastSyncAt(): Promise<number | null> {
  const value: unknown = await get(KEYS.lastSyncAt, currentStore());
  return typeof value === 'number' ? value : null;
}

export function setLastSyncAt(ms: number): Promise<void> {
  return set(KEYS.lastSyncAt, ms, currentStore());
}
