/**
 * The `visits` and `visitQueue` tables (v5): household visits of the outreach campaign. A visit
 * is saved as a draft with every change; "Lưu và gửi" queues its next version (one more than any
 * version sent or queued, so an edit after sending is a new version and nothing sent is ever
 * replaced). A queue row leaves only in the transaction that records the server's stored or
 * duplicate answer for it; conflict and invalid park the visit as `rejected` with the reasons.
 * The only module that touches these two tables.
 */
import type { FieldError } from '../domain/validation-codes';
import type { Visit } from '../domain/visit';
import type { VisitPushResult } from '../domain/visit-protocol';
import type { McldDb, VisitQueueRow, VisitRow } from './db';

export type { VisitQueueRow, VisitRow, VisitState } from './db';

export const visitKey = (id: string, version: number): string => `${id}:${version}`;

export interface Visits {
  /** Newest first. */
  listVisits(): Promise<VisitRow[]>;
  getVisit(id: string): Promise<VisitRow | undefined>;
  /** Saves the visit's current text (a draft, or an edit of a sent one: state 'draft' until queued); its version is set when queued. */
  saveVisit(visit: Visit, now: number): Promise<void>;
  /** Queues the saved text as its next version; returns that version. */
  queueVisit(id: string, now: number): Promise<number>;
  /** Deletes a visit never sent (a draft thrown away). False when some version of it reached the server. */
  discardVisit(id: string): Promise<boolean>;
  /** Versions due by `cutoff`, oldest first. */
  dueVisits(cutoff: number, limit: number): Promise<VisitQueueRow[]>;
  pendingVisitCount(): Promise<number>;
  /** Records the server's answers in one transaction. */
  recordVisitResults(results: readonly VisitPushResult[], now: number): Promise<void>;
  /** Back in the queue after `nextAttemptAt`, one more attempt counted. */
  scheduleVisitRetry(keys: readonly string[], nextAttemptAt: number): Promise<void>;
  /** When the earliest waiting version is due; null when the queue is empty. */
  earliestVisitAttemptAt(): Promise<number | null>;
}

export function createVisits(db: McldDb): Visits {
  return {
    listVisits: () => db.visits.orderBy('updatedAt').reverse().toArray(),
    getVisit: (id) => db.visits.get(id),
    async saveVisit(visit, now) {
      await db.transaction('rw', db.visits, async () => {
        const existing = await db.visits.get(visit.id);
        const row: VisitRow = existing
          ? { ...existing, visit, updatedAt: now, state: 'draft' }
          : { id: visit.id, visit, state: 'draft', createdAt: now, updatedAt: now };
        await db.visits.put(row);
      });
    },
    async queueVisit(id, now) {
      return db.transaction('rw', db.visits, db.visitQueue, async () => {
        const row = await db.visits.get(id);
        if (!row) throw new Error('no such visit');
        const queued = await db.visitQueue.where('id').equals(id).toArray();
        const version = Math.max(row.sentVersion ?? 0, ...queued.map((q) => q.version)) + 1;
        const visit: Visit = { ...row.visit, version, recordedAt: now };
        await db.visitQueue.put({ key: visitKey(id, version), id, version, visit, attempts: 0, nextAttemptAt: 0, queuedAt: now });
        const { errors: _errors, ...rest } = row;
        await db.visits.put({ ...rest, visit, state: 'queued', updatedAt: now });
        return version;
      });
    },
    async discardVisit(id) {
      return db.transaction('rw', db.visits, db.visitQueue, async () => {
        const row = await db.visits.get(id);
        if (!row || row.sentVersion !== undefined) return false;
        await db.visitQueue.where('id').equals(id).delete();
        await db.visits.delete(id);
        return true;
      });
    },
    earliestVisitAttemptAt: async () => (await db.visitQueue.orderBy('nextAttemptAt').first())?.nextAttemptAt ?? null,
    dueVisits: (cutoff, limit) => db.visitQueue.where('nextAttemptAt').belowOrEqual(cutoff).limit(limit).sortBy('queuedAt'),
    pendingVisitCount: () => db.visitQueue.count(),
    async recordVisitResults(results, now) {
      if (results.length === 0) return;
      await db.transaction('rw', db.visits, db.visitQueue, async () => {
        for (const result of results) {
          const key = visitKey(result.id, result.version);
          if (!(await db.visitQueue.get(key))) continue;
          await db.visitQueue.delete(key);
          const row = await db.visits.get(result.id);
          if (!row) continue;
          const left = await db.visitQueue.where('id').equals(result.id).count();
          if (result.outcome === 'stored' || result.outcome === 'duplicate') {
            const sentVersion = Math.max(row.sentVersion ?? 0, result.version);
            // 'draft': the worker changed the text after queueing it; that change is not sent yet.
            const state = row.state === 'draft' ? 'draft' : left > 0 ? 'queued' : 'sent';
            await db.visits.put({ ...row, sentVersion, state, updatedAt: now });
          } else {
            const errors: FieldError[] = result.outcome === 'invalid' ? result.errors : [];
            // The text stays, and the worker corrects it and sends it again (a new version).
            await db.visits.put({ ...row, state: 'rejected', errors, updatedAt: now });
          }
        }
      });
    },
    async scheduleVisitRetry(keys, nextAttemptAt) {
      await db.transaction('rw', db.visitQueue, async () => {
        for (const key of keys) {
          const row = await db.visitQueue.get(key);
          if (row) await db.visitQueue.put({ ...row, attempts: row.attempts + 1, nextAttemptAt });
        }
      });
    },
  };
}
