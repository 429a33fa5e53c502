/**
 * What the sync engine needs from the phone's storage, passed in (never imported): the engine
 * is tested against fake-indexeddb or hand-made ports, and the page and the service worker give
 * it the same PhoneStorage (sync/phone-sync.ts). Each port is the slice of a storage door the
 * engine really calls.
 */
import type { Blobs } from '../storage/blobs';
import type { Dossiers } from '../storage/dossiers';
import type { Outbox } from '../storage/outbox';
import type { PhoneStorage } from '../storage/phone-storage';
import type { Settings } from '../storage/settings';

export type OutboxPort = Pick<
  Outbox,
  'dueItems' | 'earliestAttemptAt' | 'getOutboxItem' | 'markSending' | 'recordResults' | 'markRejected' | 'scheduleRetry' | 'recoverSending'
>;

export type DossiersPort = Pick<Dossiers, 'applyStatusChanges'>;

/** Where the pull cursor and the time of the last contact are kept. */
export type CursorPort = Pick<Settings, 'getSyncCursor' | 'setSyncCursor' | 'setLastSyncAt'>;

/** Photos of dossiers the server now holds are deleted from the phone. */
export type BlobsPort = Pick<Blobs, 'deleteBlobsOf'>;

/** The phone's credential: read before each sync, made on first need, dropped or marked revoked when refused. */
export type DevicePort = Pick<Settings, 'getCredential' | 'setCredential' | 'forgetCredential' | 'getRevokedAt' | 'setRevokedAt'>;

/**
 * A revoked phone (or one whose account was disabled) wipes its drafts and dossier list at that
 * contact; the sealed queue stays for the hand-off file.
 */
export type WipePort = Pick<PhoneStorage, 'wipe'>;

export interface SyncPorts {
  outbox: OutboxPort;
  phoneData: WipePort;
  dossiers: DossiersPort;
  cursor: CursorPort;
  blobs: BlobsPort;
  device: DevicePort;
}
