/** What the sync engine reports; the UI and the service worker only listen, they never drive it. */
import type { DeviceKind } from '../domain/device-credential';
import type { StatusChange } from '../domain/protocol';
import type { FieldError } from '../domain/validate';
import type { OutboxError, RejectionCode, RetryErrorCode } from '../domain/outbox-state';
import type { SendProgress } from './progress';

export const SYNC_REASONS = ['online', 'focus', 'timer', 'button', 'startup', 'background-sync'] as const;
export type SyncReason = (typeof SYNC_REASONS)[number];

/** Why a row will be sent again later (stored as the row's lastError); the codes are named in domain/outbox-state.ts. */
export type SyncErrorCode = RetryErrorCode;
export type SyncError = OutboxError<RetryErrorCode>;

export interface SyncReport {
  sent: number;
  rejected: number;
  conflicts: number;
  retried: number;
  /** The server could not be reached (fetch threw or timed out). */
  offline: boolean;
  /** Status changes received by the pull. */
  pulled: number;
  /** The server no longer speaks this app's protocol; nothing is sent until the app updates. */
  updateRequired: boolean;
  /** The server refused this phone for good (revoked, or its account disabled); the queue stays. */
  deviceRevoked: boolean;
  /** This server takes dossiers only from enrolled outreach phones, and this phone is not one. */
  registrationRefused: boolean;
}

export type SyncEvent =
  | { type: 'start'; reason: SyncReason }
  | { type: 'sent'; id: string; dossierCode: string }
  /** Parked for the user: field errors (invalid), photos the server lacks, or a refused request of this row alone. */
  | { type: 'rejected'; id: string; code: RejectionCode; errors: FieldError[]; missingBlobs?: string[] }
  | { type: 'conflict'; id: string }
  | { type: 'retry'; ids: string[]; nextAttemptAt: number; error: SyncError }
  | { type: 'status'; changes: StatusChange[] }
  | { type: 'update-required' }
  /** This phone registered itself with the server (its first sync with something to send). */
  | { type: 'registered'; kind: DeviceKind }
  | { type: 'registration-refused' }
  | { type: 'device-revoked' }
  /** How far this run has got (sync/progress.ts): monotonic within the run, ends with phase done or offline. */
  | { type: 'progress'; progress: SendProgress }
  | { type: 'done'; report: SyncReport }
  /** Storage failed mid-sync (quota, closed database); sync() rejects with the same error. */
  | { type: 'error'; error: unknown };

export type SyncListener = (event: SyncEvent) => void;

/** A listener that throws must not stop the sync or the other listeners. */
export function createEmitter(): { emit: (event: SyncEvent) => void; on: (listener: SyncListener) => () => void } {
  const listeners = new Set<SyncListener>();
  return {
    emit(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          console.error('sync listener failed', error);
        }
      }
    },
    on(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export function emptyReport(): SyncReport {
  return {
    sent: 0,
    rejected: 0,
    conflicts: 0,
    retried: 0,
    offline: false,
    pulled: 0,
    updateRequired: false,
    deviceRevoked: false,
    registrationRefused: false,
  };
}
