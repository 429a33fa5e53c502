/**
 * The phone's Dexie database "mot-cua-luu-dong". What is stored where:
 * - `drafts`   — forms being filled, one row per dossier UUID (made when the draft is created and
 *                kept as the idempotency key until the server answers). Only drafts.ts touches it.
 * - `outbox`   — finished submissions waiting for the server's answer, with their send state.
 *                Only outbox.ts touches it.
 * - `dossiers` — what the server last said about each dossier it has (code, status, note).
 *                Only dossiers.ts touches it.
 *
 * Schema history: every shipped version stays declared below, unchanged. A change adds
 * `db.version(n + 1).stores({ ...only the tables that change }).upgrade(tx => ...)`, and the
 * upgrade is tested on data written by version n (Dexie runs the missing steps in order when an
 * older phone opens the app).
 * - v1: drafts, outbox, dossiers.
 * - v2: outbox rows say where they came from (`origin`: this phone or an imported hand-off file)
 *       and when they were last exported; `queuedAt` is indexed for the oldest-first list.
 * - v3: `blobs` — compressed photos and scans keyed by sha256, referenced from answers.
 * - v4: `vault` — the data key wrapped under the PIN, and the wrong-PIN counter (vault.ts). Draft
 *       rows may carry `secret` (answers, label, focus and server errors encrypted under the data
 *       key, crypto/records.ts) instead of those fields in clear; rows of v3 stay readable as
 *       they are and are encrypted when a PIN is set (vault.ts, setPin), since the upgrade itself
 *       runs before anyone has typed a PIN.
 * - v5: `visits` — household visits of the outreach campaign (the latest text of each, what the
 *       server holds of it) and `visitQueue` — each version waiting for the server, keyed
 *       `id:version`. Only visits.ts touches them. (v4 is the phone lock's.)
 *
 * Durability: Dexie 4 has no per-transaction option; `chromeTransactionDurability` in the
 * constructor applies to every transaction of the instance. We use 'strict' for all of them:
 * a draft save, an enqueue and a recorded server answer must all survive a dead battery.
 */
import { Dexie, type Table } from 'dexie';
import type { Answers } from '../domain/form-schema';
import type { DossierStatus, Submission } from '../domain/protocol';
import type { FieldError } from '../domain/validate';
import type { OutboxError, OutboxState } from '../domain/outbox-state';
import type { EncryptedRecord } from '../crypto/records';
import type { WrappedKey } from '../crypto/pin-wrap';
import type { Visit } from '../domain/visit';

export type { OutboxError, OutboxState } from '../domain/outbox-state';

export const DB_NAME = 'mot-cua-luu-dong';

export interface DraftRow {
  /** The dossier UUID; becomes Submission.id. */
  id: string;
  formId: string;
  formVersion: number;
  answers: Answers;
  /** Field the resident was on, so reopening the draft lands there. */
  focusField?: string;
  /** Resident name shown in lists. */
  label?: string;
  /** Field errors the server gave when it refused this dossier (set by returnToDraft). */
  serverErrors?: FieldError[];
  createdAt: number;
  updatedAt: number;
  /** v4: the personal fields above, encrypted under the data key (drafts.ts); then answers is {} at rest. */
  secret?: EncryptedRecord;
}

/** The one vault row (v4): the wrapped data key and the wrong-PIN counter. Only vault.ts touches it. */
export interface VaultRow {
  id: 'main';
  wrapped: WrappedKey;
  /** Wrong PINs in a row since the last right one. */
  failures: number;
  lastFailureAt: number;
  createdAt: number;
}

/** Where an outbox row was finalised: on this phone, or on another one (hand-off file). */
export type OutboxOrigin = 'device' | 'import';

export interface OutboxRow {
  id: string;
  submission: Submission;
  /** Resident name for lists, and for the dossier row once the server has it. */
  label: string;
  state: OutboxState;
  /** Failed sends so far; drives the backoff. */
  attempts: number;
  /** Not sent before this time (ms); 0 when due at once. */
  nextAttemptAt: number;
  queuedAt: number;
  updatedAt: number;
  lastError?: OutboxError;
  /** Added in v2; rows written by v1 are upgraded to 'device'. */
  origin: OutboxOrigin;
  /** When this row was last written to a hand-off file (it stays queued: only an answer removes it). */
  exportedAt?: number;
}

/** One step of a dossier's story as the server told it (a push answer or a pulled change). */
export interface DossierEvent {
  status: DossierStatus;
  /** Server clock. */
  at: number;
  /** The officer's reasons (supplement requested, refusal). */
  note?: string;
  /** Server sequence; absent for an answer that carried no status. */
  seq?: number;
}

export interface DossierRow {
  id: string;
  dossierCode: string;
  formId: string;
  label: string;
  status: DossierStatus;
  /** Officer's reason (supplement requested, refusal). */
  note?: string;
  submittedAt: number;
  /** When the server stored it (server clock). */
  receivedAt: number;
  updatedAt: number;
  /** Server sequence of the last status change applied; older changes are ignored. */
  statusSeq?: number;
  /**
   * The story, oldest first, one event per status the server reported (no schema change: not
   * indexed; rows written before it have none and show their latest status only).
   */
  history?: DossierEvent[];
  /** Followed by code and digits (POST /api/v1/lookup), not sent from this phone: no answers, no name. */
  followed?: true;
}

/** A compressed photo or scan, keyed by the SHA-256 of its bytes (v3; only blobs.ts touches it). */
export interface BlobRow {
  sha256: string;
  blob: Blob;
  type: string;
  size: number;
  storedAt: number;
}

/** Where a visit stands: being written, waiting to go, held by the server, or refused by it. */
export const VISIT_STATES = ['draft', 'queued', 'sent', 'rejected'] as const;
export type VisitState = (typeof VISIT_STATES)[number];

/** A household visit as the phone keeps it (v5): the newest text, and what the server holds. */
export interface VisitRow {
  id: string;
  visit: Visit;
  state: VisitState;
  /** The highest version the server answered stored or duplicate for. */
  sentVersion?: number;
  /** Field errors the server gave (invalid), or a conflict. */
  errors?: FieldError[];
  createdAt: number;
  updatedAt: number;
}

/** One version of a visit waiting for the server (v5), keyed `id:version`. */
export interface VisitQueueRow {
  key: string;
  id: string;
  version: number;
  visit: Visit;
  attempts: number;
  nextAttemptAt: number;
  queuedAt: number;
}

export type McldDb = Dexie & {
  drafts: Table<DraftRow, string>;
  outbox: Table<OutboxRow, string>;
  dossiers: Table<DossierRow, string>;
  blobs: Table<BlobRow, string>;
  vault: Table<VaultRow, string>;
  visits: Table<VisitRow, string>;
  visitQueue: Table<VisitQueueRow, string>;
};

/** The schema as version 1 shipped it; frozen (the upgrade test opens a database with only this). */
export const SCHEMA_V1 = {
  drafts: 'id, updatedAt',
  outbox: 'id, state, nextAttemptAt, [state+nextAttemptAt]',
  dossiers: 'id, updatedAt, dossierCode',
} as const;

/** Declares every schema version in order; see the block comment for how to add one. */
function declareSchema(db: Dexie): void {
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores({ outbox: 'id, state, nextAttemptAt, [state+nextAttemptAt], queuedAt' })
    .upgrade((tx) =>
      tx
        .table('outbox')
        .toCollection()
        .modify((row: Partial<OutboxRow>) => {
          row.origin ??= 'device';
        }),
    );
  db.version(3).stores({ blobs: 'sha256' });
  db.version(4).stores({ vault: 'id' });
  db.version(5).stores({ visits: 'id, updatedAt', visitQueue: 'key, id, nextAttemptAt' });
}

/** A new, unopened handle on the database `name` (tests pass a fresh name each time). */
export function createDb(name: string = DB_NAME): McldDb {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as McldDb;
  declareSchema(db);
  return db;
}
