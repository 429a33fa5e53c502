/**
 * Small settings in their own idb-keyval store (database "mot-cua-luu-dong-settings", object
 * store "settings"), apart from the Dexie database so they survive its upgrades untouched, and
 * so the app shell can read the language without loading Dexie.
 * Keys: "deviceId" (UUID made once: names this phone in a hand-off file), "language" ('vi' | 'en'),
 * "syncCursor" (highest server sequence pulled), "lastSyncAt" (ms of the last successful pull),
 * "credential" (what the server issued when this phone registered or was enrolled: it alone lets
 * the phone send), "revokedAt" (when the server said this phone may no longer send).
 */
import { createStore, del, get, set, update, type UseStore } from 'idb-keyval';
import { readCredentialAnswer, type DeviceCredential } from '../domain/device-credential';

export const SETTINGS_DB_NAME = 'mot-cua-luu-dong-settings';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const KEYS = {
  deviceId: 'deviceId',
  language: 'language',
  syncCursor: 'syncCursor',
  lastSyncAt: 'lastSyncAt',
  credential: 'credential',
  revokedAt: 'revokedAt',
} as const;

export interface Settings {
  /** This phone's id, made once; the read-or-create is one readwrite transaction, so two tabs agree. */
  getDeviceId(): Promise<string>;
  /** Vietnamese unless the user chose English. */
  getLanguage(): Promise<Language>;
  setLanguage(lang: Language): Promise<void>;
  /** The highest server sequence already applied; 0 before the first pull. */
  getSyncCursor(): Promise<number>;
  setSyncCursor(cursor: number): Promise<void>;
  /** When the phone last heard from the server (ms), or null if never. */
  getLastSyncAt(): Promise<number | null>;
  setLastSyncAt(ms: number): Promise<void>;
  /** The server's credential for this phone, or undefined before it registered (or after it was forgotten). */
  getCredential(): Promise<DeviceCredential | undefined>;
  /** Keeps a new credential (registration or enrolment) and clears any revocation. */
  setCredential(credential: DeviceCredential): Promise<void>;
  forgetCredential(): Promise<void>;
  /** When the server refused this phone for good (revoked device or disabled account), or null. */
  getRevokedAt(): Promise<number | null>;
  setRevokedAt(ms: number): Promise<void>;
}

/** The idb-keyval store in database `dbName` (tests pass a fresh name each time). */
export function createSettingsStore(dbName: string = SETTINGS_DB_NAME): UseStore {
  return createStore(dbName, 'settings');
}

export function createSettings(store: UseStore = createSettingsStore()): Settings {
  return {
    async getDeviceId() {
      await update<unknown>(
        KEYS.deviceId,
        (existing) => (typeof existing === 'string' && existing ? existing : crypto.randomUUID()),
        store,
      );
      const id: unknown = await get(KEYS.deviceId, store);
      if (typeof id !== 'string') throw new Error('device id was not stored');
      return id;
    },
    async getLanguage() {
      const value: unknown = await get(KEYS.language, store);
      return value === 'en' ? 'en' : 'vi';
    },
    setLanguage: (lang) => set(KEYS.language, lang, store),
    async getSyncCursor() {
      const value: unknown = await get(KEYS.syncCursor, store);
      return typeof value === 'number' && Number.isFinite(value) ? value : 0;
    },
    setSyncCursor: (cursor) => set(KEYS.syncCursor, cursor, store),
    async getLastSyncAt() {
      const value: unknown = await get(KEYS.lastSyncAt, store);
      return typeof value === 'number' ? value : null;
    },
    setLastSyncAt: (ms) => set(KEYS.lastSyncAt, ms, store),
    // Read back through the same checks as the server's answer: the store may hold anything.
    getCredential: async () => readCredentialAnswer(await get(KEYS.credential, store)),
    async setCredential(credential) {
      await set(KEYS.credential, credential, store);
      await del(KEYS.revokedAt, store);
    },
    forgetCredential: () => del(KEYS.credential, store),
    async getRevokedAt() {
      const value: unknown = await get(KEYS.revokedAt, store);
      return typeof value === 'number' ? value : null;
    },
    setRevokedAt: (ms) => set(KEYS.revokedAt, ms, store),
  };
}
