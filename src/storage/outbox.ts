/**
 * The `outbox` table: finished dossiers waiting for the server's answer. Every row is one
 * Submission with its send state. Every write is one move of the outbox state machine
 * (domain/outbox-state.ts) and goes through `move`, which asks the table: a row whose state does
 * not allow the event is left as it is, so a stale or repeated call changes nothing.
 * The only module that touches `outbox`. Rows leave it only after the server's answer for their
 * id is stored on the phone: the dossiers row is written in the same transaction that deletes
 * the outbox row. Cross-table writes call the drafts and dossiers doors inside one Dexie transaction.
 */
import { type OutboxEvent, type OutboxTarget, type RetryErrorCode, statesAllowing, tryNextState } from '../domain/outbox-state';
import type { DossierStatus, PushResult, Submission } from '../domain/protocol';
import type { FieldError } from '../domain/validate';
import type { DossierRow, DraftRow, McldDb, OutboxError, OutboxRow, OutboxState } from './db';
import type { Dossiers } from './dossiers';
import type { Drafts } from './drafts';
import { guardQuota } from './quota';

export type { OutboxError, OutboxOrigin, OutboxRow, OutboxState } from './db';

/** Status of a dossier the server has stored but no officer has received yet. */
export const STATUS_WHEN_STORED: DossierStatus = 'submitted';

/** A finalised dossier from a hand-off file (another phone's outbox). */
export interface ImportItem {
  submission: Submission;
  label: string;
  queuedAt: number;
}

export interface ImportSummary {
  /** Now queued on this phone. */
  added: string[];
  /** Already waiting in this phone's outbox (the file was imported before, or made here). */
  alreadyQueued: string[];
  /** The server already answered for it on this phone: nothing to send. */
  alreadySent: string[];
}

/** One move the table allowed and storage applied. */
export interface AppliedMove {
  id: string;
  event: OutboxEvent;
  target: OutboxTarget;
}

export interface Outbox {
  /**
   * Queues a finished dossier: deletes its draft and adds a `queued` row in one strict transaction,
   * so a crash leaves either the draft or the outbox row, never both or neither. Queueing an id
   * already in the outbox or already held by the server does nothing. A full phone throws
   * StorageFullError and the draft stays as it was.
   */
  enqueueSubmission(submission: Submission, label: string, now: number): Promise<void>;
  /** Oldest first, as the "waiting to send" list shows them. */
  listOutbox(): Promise<OutboxRow[]>;
  getOutboxItem(id: string): Promise<OutboxRow | undefined>;
  /**
   * Dossiers the commune does not have yet: every outbox row, whatever its state. Rejected and
   * conflicting rows count too, because they still need the user and still hold personal data
   * that exists nowhere else (the "unsent dossiers" warning relies on this).
   */
  countPending(): Promise<number>;
  /** Rows per state, for a finer badge ("2 waiting, 1 needs fixing"). */
  countByState(): Promise<Record<OutboxState, number>>;
  /** Rows a sync may take (`send` allowed) whose next attempt is due at `now`, earliest first. */
  dueItems(now: number, limit: number): Promise<OutboxRow[]>;
  /** When the earliest sendable row is due, or null when nothing is queued. */
  earliestAttemptAt(): Promise<number | null>;
  /** `send`: returns the rows actually marked (rows in another state are left alone). */
  markSending(ids: readonly string[], now: number): Promise<OutboxRow[]>;
  /**
   * Stores the server's answers in one strict transaction, each as the move its outcome names:
   * stored/duplicate write the dossier row and delete the outbox row together; invalid and
   * missing-blobs park the row in `rejected`; conflict in `conflict`. Returns the moves applied.
   */
  recordResults(results: readonly PushResult[], now: number): Promise<AppliedMove[]>;
  /**
   * `refused`: the server refused a request holding only these rows (a malformed or oversized
   * dossier): sending it again as it is cannot succeed, so it waits for the user.
   */
  markRejected(ids: readonly string[], error: OutboxError<'refused'>, now: number): Promise<string[]>;
  /** `retry`: one more attempt counted, not due before `nextAttemptAt`. */
  scheduleRetry(ids: readonly string[], nextAttemptAt: number, error: OutboxError<RetryErrorCode>, now: number): Promise<string[]>;
  /**
   * `recover`, without counting an attempt: for rows a killed browser left in `sending` (all of
   * them when `ids` is omitted; call it only while holding the sync lock) and for a batch the
   * server never looked at. Returns how many rows changed.
   */
  recoverSending(ids: readonly string[] | undefined, now: number): Promise<number>;
  /**
   * `edit`: moves a rejected dossier back to the drafts (same id, so it stays one dossier),
   * remembering the server's field errors so the form can show them. Returns the draft, or
   * undefined when the row's state does not allow it.
   */
  returnToDraft(id: string, now: number): Promise<DraftRow | undefined>;
  /**
   * `requeue`, at the user's request ("try again": the server may accept it now, e.g. after
   * missing photos were added or the server was updated). Due at once, attempts start over.
   */
  requeueRejected(id: string, now: number): Promise<boolean>;
  /**
   * `discard` at the user's request. Queued and sending rows are kept (returns false): the server
   * may already hold them, and only its answer may remove them.
   */
  deleteOutboxItem(id: string): Promise<boolean>;
  /**
   * Queues the dossiers of a hand-off file in one strict transaction, keeping their ids (the id is
   * the idempotency key, so one sent from the other phone too comes back `duplicate`, never twice).
   * Ids already in the outbox or in dossiers are skipped; a draft with the same id is replaced by
   * its finalised version. A full phone throws StorageFullError and nothing is imported.
   */
  importSubmissions(items: readonly ImportItem[], now: number): Promise<ImportSummary>;
  /** Notes that these rows went into a hand-off file; they stay in the outbox until an answer. */
  markExported(ids: readonly string[], now: number): Promise<void>;
  /** Deletes every row, unsent ones included (the wipe of everything, after its warning). */
  clear(): Promise<void>;
}

type Outcome = PushResult['outcome'];

/**
 * The dossier row for a stored/duplicate answer: the server's current status when the answer
 * carries one (a duplicate may already be past 'received', with changes below this phone's pull
 * cursor), else STATUS_WHEN_STORED as older servers imply.
 */
function receivedRow(row: OutboxRow, result: Extract<PushResult, { outcome: 'stored' | 'duplicate' }>, now: number): DossierRow {
  const dossier: DossierRow = {
    id: row.id,
    dossierCode: result.dossierCode,
    formId: row.submission.formId,
    label: row.label,
    status: result.status ?? STATUS_WHEN_STORED,
    submittedAt: row.submission.submittedAt,
    receivedAt: result.receivedAt,
    updatedAt: now,
  };
  if (result.status !== undefined && result.statusSeq !== undefined) dossier.statusSeq = result.statusSeq;
  if (result.status !== undefined && result.statusNote !== undefined) dossier.note = result.statusNote;
  return dossier;
}

/** What a parked row remembers of the answer that parked it. */
function parkingError(result: PushResult): OutboxError | undefined {
  switch (result.outcome) {
    case 'invalid':
      return { code: 'invalid', detail: result.errors };
    case 'missing-blobs':
      return { code: 'missing-blobs', detail: result.missing };
    case 'conflict':
      return { code: 'conflict', detail: { dossierCode: result.dossierCode } };
    default:
      return undefined;
  }
}

export function createOutbox(db: McldDb, tables: { drafts: Drafts; dossiers: Dossiers }): Outbox {
  const { drafts, dossiers } = tables;

  /**
   * Applies `event` to each of `ids` that the table allows it for, in one transaction; `write`
   * persists the move (the row, its target). Rows the table refuses, or that are gone, are skipped.
   */
  async function move(
    ids: readonly string[],
    event: OutboxEvent,
    write: (row: OutboxRow, target: OutboxTarget) => Promise<void>,
  ): Promise<AppliedMove[]> {
    const applied: AppliedMove[] = [];
    for (const row of await db.outbox.bulkGet([...ids])) {
      const target = row && tryNextState(row.state, event);
      if (!row || target === undefined) continue;
      await write(row, target);
      applied.push({ id: row.id, event, target });
    }
    return applied;
  }

  /** A move whose target is another state: the row is rewritten with that state and `patch`. */
  function restate(patch: (row: OutboxRow) => Partial<OutboxRow>) {
    return async (row: OutboxRow, target: OutboxTarget): Promise<void> => {
      if (target === 'removed' || target === 'draft' || target === 'deleted') throw new Error(`outbox: ${target} is not a state`);
      await db.outbox.put({ ...row, ...patch(row), state: target });
    };
  }

  const rw = <T>(fn: () => Promise<T>) => db.transaction('rw', db.outbox, fn);
  const idsOf = (moves: readonly AppliedMove[]) => moves.map((m) => m.id);
  // The states a sync may take rows from, as the table says ('queued' today).
  const sendable = statesAllowing('send');

  /** The earliest-due rows in the sendable states, up to `now`. */
  async function dueRows(now: number, limit: number): Promise<OutboxRow[]> {
    const rows: OutboxRow[] = [];
    for (const state of sendable) {
      rows.push(
        ...(await db.outbox.where('[state+nextAttemptAt]').between([state, -Infinity], [state, now], true, true).limit(limit).toArray()),
      );
    }
    return rows.sort((a, b) => a.nextAttemptAt - b.nextAttemptAt).slice(0, limit);
  }

  return {
    async enqueueSubmission(submission, label, now) {
      await guardQuota(() =>
        db.transaction('rw', [db.drafts, db.outbox, db.dossiers], async () => {
          if (await db.outbox.get(submission.id)) return;
          if (await dossiers.hasDossier(submission.id)) return;
          await drafts.deleteDraft(submission.id);
          await db.outbox.add({
            id: submission.id,
            submission,
            label,
            state: 'queued',
            attempts: 0,
            nextAttemptAt: now,
            queuedAt: now,
            updatedAt: now,
            origin: 'device',
          });
        }),
      );
    },

    async listOutbox() {
      const rows = await db.outbox.orderBy('queuedAt').toArray();
      return rows.sort((a, b) => a.queuedAt - b.queuedAt || a.id.localeCompare(b.id));
    },

    getOutboxItem: (id) => db.outbox.get(id),

    countPending: () => db.outbox.count(),
    clear: () => db.outbox.clear(),

    async countByState() {
      const counts: Record<OutboxState, number> = { queued: 0, sending: 0, rejected: 0, conflict: 0 };
      await db.outbox.each((row) => {
        counts[row.state] += 1;
      });
      return counts;
    },

    dueItems: (now, limit) => dueRows(now, limit),

    async earliestAttemptAt() {
      const [first] = await dueRows(Infinity, 1);
      return first ? first.nextAttemptAt : null;
    },

    markSending: (ids, now) =>
      rw(async () => {
        const marked: OutboxRow[] = [];
        await move(ids, 'send', async (row, target) => {
          const next = { ...row, state: target as OutboxState, updatedAt: now };
          await db.outbox.put(next);
          marked.push(next);
        });
        return marked;
      }),

    recordResults: (results, now) =>
      guardQuota(() =>
        db.transaction('rw', [db.outbox, db.dossiers], async () => {
          const applied: AppliedMove[] = [];
          for (const result of results) {
            const event: Outcome = result.outcome;
            applied.push(
              ...(await move([result.id], event, async (row, target) => {
                if (target !== 'removed') {
                  const lastError = parkingError(result);
                  await restate(() => ({ updatedAt: now, ...(lastError ? { lastError } : {}) }))(row, target);
                } else if (result.outcome === 'stored' || result.outcome === 'duplicate') {
                  await dossiers.recordReceived(receivedRow(row, result, now));
                  await db.outbox.delete(row.id);
                }
              })),
            );
          }
          return applied;
        }),
      ),

    markRejected: (ids, error, now) =>
      rw(async () =>
        idsOf(
          await move(
            ids,
            'refused',
            restate(() => ({ updatedAt: now, lastError: error })),
          ),
        ),
      ),

    scheduleRetry: (ids, nextAttemptAt, error, now) =>
      rw(async () =>
        idsOf(
          await move(
            ids,
            'retry',
            restate((row) => ({ attempts: row.attempts + 1, nextAttemptAt, updatedAt: now, lastError: error })),
          ),
        ),
      ),

    recoverSending: (ids, now) =>
      rw(async () => {
        const chosen = ids ?? (await db.outbox.where('state').anyOf(statesAllowing('recover')).primaryKeys());
        return (
          await move(
            chosen,
            'recover',
            restate(() => ({ updatedAt: now })),
          )
        ).length;
      }),

    returnToDraft: (id, now) =>
      db.transaction('rw', [db.outbox, db.drafts], async () => {
        let draft: DraftRow | undefined;
        await move([id], 'edit', async (row) => {
          const { submission } = row;
          draft = {
            id,
            formId: submission.formId,
            formVersion: submission.formVersion,
            answers: submission.answers,
            label: row.label,
            createdAt: row.queuedAt,
            updatedAt: now,
          };
          if (row.lastError?.code === 'invalid' && Array.isArray(row.lastError.detail)) {
            draft.serverErrors = row.lastError.detail as FieldError[];
          }
          await drafts.putDraft(draft);
          await db.outbox.delete(id);
        });
        return draft;
      }),

    requeueRejected: (id, now) =>
      rw(async () => {
        const moves = await move([id], 'requeue', async (row, target) => {
          const next: OutboxRow = { ...row, state: target as OutboxState, attempts: 0, nextAttemptAt: now, updatedAt: now };
          delete next.lastError;
          await db.outbox.put(next);
        });
        return moves.length > 0;
      }),

    deleteOutboxItem: (id) => rw(async () => (await move([id], 'discard', (row) => db.outbox.delete(row.id))).length > 0),

    importSubmissions: (items, now) =>
      guardQuota(() =>
        db.transaction('rw', [db.drafts, db.outbox, db.dossiers], async () => {
          const summary: ImportSummary = { added: [], alreadyQueued: [], alreadySent: [] };
          for (const { submission, label, queuedAt } of items) {
            const { id } = submission;
            if (await dossiers.hasDossier(id)) summary.alreadySent.push(id);
            else if (await db.outbox.get(id)) summary.alreadyQueued.push(id);
            else {
              await drafts.deleteDraft(id);
              await db.outbox.add({
                id,
                submission,
                label,
                state: 'queued',
                attempts: 0,
                nextAttemptAt: now,
                queuedAt,
                updatedAt: now,
                origin: 'import',
              });
              summary.added.push(id);
            }
          }
          return summary;
        }),
      ),

    markExported: (ids, now) =>
      rw(async () => {
        for (const row of await db.outbox.bulkGet([...ids])) if (row) await db.outbox.put({ ...row, exportedAt: now });
      }),
  };
}
