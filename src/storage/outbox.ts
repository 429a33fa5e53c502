/**
 * The `outbox` table: finished dossiers waiting for the server's answer. Every row is one
 * Submission with its send state (the state machine is src/sync/outbox-state.ts; each write
 * below only touches rows in the state that machine allows, so a stale call changes nothing).
 * The only module that touches `outbox`. Rows leave it only after the server's answer for their
 * id is stored on the phone: the dossiers row is written in the same transaction that deletes
 * the outbox row. Cross-table writes call drafts.ts / dossiers.ts inside one Dexie transaction.
 */
import type { DossierStatus, PushResult, Submission } from '../domain/protocol';
import { type DossierRow, type DraftRow, type OutboxError, type OutboxRow, type OutboxState, getDb } from './db';
import { deleteDraft, putDraft } from './drafts';
import { hasDossier, recordReceived } from './dossiers';
import { guardQuota } from './quota';

export type { OutboxError, OutboxOrigin, OutboxRow, OutboxState } from './db';

/** Status of a dossier the server has stored but no officer has received yet (DOMAIN.md). */
export const STATUS_WHEN_STORED: DossierStatus = 'submitted';

/**
 * Queues a finished dossier: deletes its draft and adds a `queued` row in one strict transaction,
 * so a crash leaves either the draft or the outbox row, never both or neither. Queueing an id
 * already in the outbox or already held by the server does nothing. A full phone throws
 * StorageFullError and the draft stays as it was.
 */
export async function enqueueSubmission(submission: Submission, label: string, now: number = Date.now()): Promise<void> {
  const db = getDb();
  await guardQuota(() => db.transaction('rw', [db.drafts, db.outbox, db.dossiers], async () => {
    if (await db.outbox.get(submission.id)) return;
    if (await hasDossier(submission.id)) return;
    await deleteDraft(submission.id);
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
  }));
}

/** Oldest first, as the "waiting to send" list shows them. */
export async function listOutbox(): Promise<OutboxRow[]> {
  const rows = await getDb().outbox.orderBy('queuedAt').toArray();
  return rows.sort((a, b) => a.queuedAt - b.queuedAt || a.id.localeCompare(b.id));
}

export function getOutboxItem(id: string): Promise<OutboxRow | undefined> {
  return getDb().outbox.get(id);
}

/**
 * Dossiers the commune does not have yet: every outbox row, whatever its state. Rejected and
 * conflicting rows count too, because they still need the user and still hold personal data
 * that exists nowhere else (the "unsent dossiers" warning relies on this).
 */
export function countPending(): Promise<number> {
  return getDb().outbox.count();
}

/** Rows per state, for a finer badge ("2 waiting, 1 needs fixing"). */
export async function countByState(): Promise<Record<OutboxState, number>> {
  const counts: Record<OutboxState, number> = { queued: 0, sending: 0, rejected: 0, conflict: 0 };
  await getDb().outbox.each((row) => {
    counts[row.state] += 1;
  });
  return counts;
}

/** Queued rows whose next attempt is due at `now`, earliest first. */
export function dueItems(now: number, limit: number = 50): Promise<OutboxRow[]> {
  return getDb()
    .outbox.where('[state+nextAttemptAt]')
    .between(['queued', -Infinity], ['queued', now], true, true)
    .limit(limit)
    .toArray();
}

/** When the earliest queued row is due, or null when nothing is queued. */
export async function earliestAttemptAt(): Promise<number | null> {
  const first = await getDb()
    .outbox.where('[state+nextAttemptAt]')
    .between(['queued', -Infinity], ['queued', Infinity], true, true)
    .first();
  return first ? first.nextAttemptAt : null;
}

/** queued → sending; returns the rows actually marked (rows in another state are left alone). */
export async function markSending(ids: readonly string[], now: number = Date.now()): Promise<OutboxRow[]> {
  const db = getDb();
  return db.transaction('rw', db.outbox, async () => {
    const marked: OutboxRow[] = [];
    for (const row of await db.outbox.bulkGet([...ids])) {
      if (!row || row.state !== 'queued') continue;
      const next: OutboxRow = { ...row, state: 'sending', updatedAt: now };
      await db.outbox.put(next);
      marked.push(next);
    }
    return marked;
  });
}

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

/**
 * Stores the server's answers in one strict transaction: stored/duplicate write the dossier row
 * and delete the outbox row together; invalid and missing-blobs make the row `rejected`; conflict
 * makes it `conflict`. Only rows in `sending` are touched. Returns the results applied.
 */
export async function recordResults(results: readonly PushResult[], now: number = Date.now()): Promise<PushResult[]> {
  const db = getDb();
  return guardQuota(() => db.transaction('rw', [db.outbox, db.dossiers], async () => {
    const applied: PushResult[] = [];
    for (const result of results) {
      const row = await db.outbox.get(result.id);
      if (!row || row.state !== 'sending') continue;
      switch (result.outcome) {
        case 'stored':
        case 'duplicate':
          await recordReceived(receivedRow(row, result, now));
          await db.outbox.delete(row.id);
          break;
        case 'invalid':
          await db.outbox.put({ ...row, state: 'rejected', updatedAt: now, lastError: { code: 'invalid', detail: result.errors } });
          break;
        case 'missing-blobs':
          await db.outbox.put({ ...row, state: 'rejected', updatedAt: now, lastError: { code: 'missing-blobs', detail: result.missing } });
          break;
        case 'conflict':
          await db.outbox.put({ ...row, state: 'conflict', updatedAt: now, lastError: { code: 'conflict', detail: { dossierCode: result.dossierCode } } });
          break;
      }
      applied.push(result);
    }
    return applied;
  }));
}

/**
 * sending → rejected when the server refused a request holding only these rows (a malformed or
 * oversized dossier): sending it again as it is cannot succeed, so it waits for the user.
 */
export async function markRejected(ids: readonly string[], error: OutboxError, now: number = Date.now()): Promise<string[]> {
  const db = getDb();
  return db.transaction('rw', db.outbox, async () => {
    const marked: string[] = [];
    for (const row of await db.outbox.bulkGet([...ids])) {
      if (!row || row.state !== 'sending') continue;
      await db.outbox.put({ ...row, state: 'rejected', updatedAt: now, lastError: error });
      marked.push(row.id);
    }
    return marked;
  });
}

/** sending → queued after a failed send: one more attempt counted, not due before `nextAttemptAt`. */
export async function scheduleRetry(
  ids: readonly string[],
  nextAttemptAt: number,
  error: OutboxError,
  now: number = Date.now(),
): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.outbox, async () => {
    for (const row of await db.outbox.bulkGet([...ids])) {
      if (!row || row.state !== 'sending') continue;
      await db.outbox.put({ ...row, state: 'queued', attempts: row.attempts + 1, nextAttemptAt, updatedAt: now, lastError: error });
    }
  });
}

/**
 * sending → queued without counting an attempt: for rows a killed browser left in `sending`
 * (all of them when `ids` is omitted; call it only while holding the sync lock) and for a batch
 * the server never looked at. Returns how many rows changed.
 */
export async function recoverSending(ids?: readonly string[], now: number = Date.now()): Promise<number> {
  const db = getDb();
  return db.transaction('rw', db.outbox, async () => {
    const rows = ids
      ? (await db.outbox.bulkGet([...ids])).filter((row): row is OutboxRow => row?.state === 'sending')
      : await db.outbox.where('state').equals('sending').toArray();
    for (const row of rows) await db.outbox.put({ ...row, state: 'queued', updatedAt: now });
    return rows.length;
  });
}

/**
 * Moves a rejected dossier back to the drafts (same id, so it stays one dossier), remembering the
 * server's field errors so the form can show them. Returns the draft, or undefined when the row
 * is not rejected.
 */
export async function returnToDraft(id: string, now: number = Date.now()): Promise<DraftRow | undefined> {
  const db = getDb();
  return db.transaction('rw', [db.outbox, db.drafts], async () => {
    const row = await db.outbox.get(id);
    if (!row || row.state !== 'rejected') return undefined;
    const { submission } = row;
    const draft: DraftRow = {
      id,
      formId: submission.formId,
      formVersion: submission.formVersion,
      answers: submission.answers,
      label: row.label,
      createdAt: row.queuedAt,
      updatedAt: now,
    };
    if (row.lastError?.code === 'invalid' && Array.isArray(row.lastError.detail)) {
      draft.serverErrors = row.lastError.detail as DraftRow['serverErrors'];
    }
    await putDraft(draft);
    await db.outbox.delete(id);
    return draft;
  });
}

/**
 * rejected → queued at the user's request ("try again": the server may accept it now, e.g. after
 * missing photos were added or the server was updated). Due at once, attempts start over.
 */
export async function requeueRejected(id: string, now: number = Date.now()): Promise<boolean> {
  const db = getDb();
  return db.transaction('rw', db.outbox, async () => {
    const row = await db.outbox.get(id);
    if (!row || row.state !== 'rejected') return false;
    const next: OutboxRow = { ...row, state: 'queued', attempts: 0, nextAttemptAt: now, updatedAt: now };
    delete next.lastError;
    await db.outbox.put(next);
    return true;
  });
}

/**
 * Deletes a rejected or conflicting row at the user's request. Queued and sending rows are kept
 * (returns false): the server may already hold them, and only its answer may remove them.
 */
export async function deleteOutboxItem(id: string): Promise<boolean> {
  const db = getDb();
  return db.transaction('rw', db.outbox, async () => {
    const row = await db.outbox.get(id);
    if (!row || (row.state !== 'rejected' && row.state !== 'conflict')) return false;
    await db.outbox.delete(id);
    return true;
  });
}

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

/**
 * Queues the dossiers of a hand-off file in one strict transaction, keeping their ids (the id is
 * the idempotency key, so one sent from the other phone too comes back `duplicate`, never twice).
 * Ids already in the outbox or in dossiers are skipped; a draft with the same id is replaced by
 * its finalised version. A full phone throws StorageFullError and nothing is imported.
 */
export async function importSubmissions(items: readonly ImportItem[], now: number = Date.now()): Promise<ImportSummary> {
  const db = getDb();
  return guardQuota(() =>
    db.transaction('rw', [db.drafts, db.outbox, db.dossiers], async () => {
      const summary: ImportSummary = { added: [], alreadyQueued: [], alreadySent: [] };
      for (const { submission, label, queuedAt } of items) {
        const { id } = submission;
        if (await hasDossier(id)) summary.alreadySent.push(id);
        else if (await db.outbox.get(id)) summary.alreadyQueued.push(id);
        else {
          await deleteDraft(id);
          await db.outbox.add({ id, submission, label, state: 'queued', attempts: 0, nextAttemptAt: now, queuedAt, updatedAt: now, origin: 'import' });
          summary.added.push(id);
        }
      }
      return summary;
    }),
  );
}

/** Notes that these rows went into a hand-off file; they stay in the outbox until an answer. */
export async function markExported(ids: readonly string[], now: number = Date.now()): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.outbox, async () => {
    for (const row of await db.outbox.bulkGet([...ids])) if (row) await db.outbox.put({ ...row, exportedAt: now });
  });
}
