/**
 * Everything the phone keeps, behind one object made from its database handles. Nothing in
 * storage/ is a module singleton: the app, the service worker and each test make their own
 * PhoneStorage and pass it (or the parts a caller needs) along. A later vault (PIN-held key) is
 * one more thing passed in here, not one more global.
 */
import { DB_NAME, createDb, type McldDb } from './db';
import { createBlobs, type Blobs } from './blobs';
import { createDossiers, type Dossiers } from './dossiers';
import { createDrafts, type Drafts } from './drafts';
import { createOutbox, type Outbox } from './outbox';
import { createSettings, createSettingsStore, type Settings } from './settings';
import { createVault, type Vault, type VaultOptions } from './vault';
import { createVisits, type Visits } from './visits';

export interface PhoneStorage {
  readonly db: McldDb;
  readonly drafts: Drafts;
  readonly outbox: Outbox;
  readonly dossiers: Dossiers;
  readonly blobs: Blobs;
  readonly settings: Settings;
  /** The PIN-held data key (vault.ts): drafts are encrypted under it once a PIN is set. */
  readonly vault: Vault;
  readonly visits: Visits;
  /**
   * The wipe: drafts, the dossier list, the PIN and photos nothing queued needs; with
   * `keepQueue: false` the unsent outbox and every photo too.
   */
  wipe(options: { keepQueue: boolean; now: number }): Promise<void>;
  close(): void;
}

export interface PhoneStorageOptions {
  /** The Dexie database; a new handle on DB_NAME by default (unopened: Dexie opens on first use). */
  db?: McldDb;
  /** The settings; the idb-keyval store next to the database by default. */
  settings?: Settings;
  /** The vault's options (tests pass fewer PBKDF2 iterations). */
  vault?: VaultOptions;
}

export function createPhoneStorage(options: PhoneStorageOptions = {}): PhoneStorage {
  const db = options.db ?? createDb(DB_NAME);
  const vault = createVault(db, options.vault);
  const drafts = createDrafts(db, vault);
  const dossiers = createDossiers(db);
  const outbox = createOutbox(db, { drafts, dossiers });
  const blobs = createBlobs(db, { drafts, outbox });
  const settings = options.settings ?? createSettings(createSettingsStore());
  async function wipe({ keepQueue, now }: { keepQueue: boolean; now: number }): Promise<void> {
    await drafts.clear();
    await dossiers.clear();
    if (keepQueue) await blobs.deleteUnreferencedBlobs({ now, graceMs: 0 });
    else {
      await outbox.clear();
      await blobs.clear();
    }
    await vault.forget();
  }
  return { db, drafts, outbox, dossiers, blobs, settings, vault, visits: createVisits(db), wipe, close: () => db.close() };
}

/** A PhoneStorage on databases named after `name` (tests and benchmarks: one fresh pair each). */
export function createNamedPhoneStorage(name: string, vault?: VaultOptions): PhoneStorage {
  return createPhoneStorage({
    db: createDb(name),
    settings: createSettings(createSettingsStore(`${name}-settings`)),
    ...(vault ? { vault } : {}),
  });
}
