/**
 * The `dossiers` table: what the commune server last said about each dossier it holds (dossier
 * code, lifecycle status, officer's note). A row appears when the server answers stored or
 * duplicate (the outbox calls recordReceived inside the transaction that removes the outbox row)
 * and changes when a pull brings status changes. The only module that touches `dossiers`.
 */
import type { StatusChange } from '../domain/protocol';
import { isFinal, phoneKeepsPersonal } from '../domain/retention';
import type { DossierEvent, DossierRow, McldDb } from './db';

export type { DossierEvent, DossierRow } from './db';

/** Longest story kept per dossier: a dossier moves through a handful of statuses; this only bounds a misbehaving server. */
export const MAX_HISTORY = 50;

/** The story with `event` added once (by seq), oldest first. */
export function withEvent(history: readonly DossierEvent[] | undefined, event: DossierEvent): DossierEvent[] {
  const list = history ? [...history] : [];
  if (event.seq !== undefined && list.some((e) => e.seq === event.seq)) return list;
  list.push(event);
  list.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0) || a.at - b.at);
  return list.slice(-MAX_HISTORY);
}

function eventOf(row: Pick<DossierRow, 'status' | 'receivedAt' | 'note' | 'statusSeq'>, at: number): DossierEvent {
  const event: DossierEvent = { status: row.status, at };
  if (row.note !== undefined) event.note = row.note;
  if (row.statusSeq !== undefined) event.seq = row.statusSeq;
  return event;
}

export interface Dossiers {
  /** Newest first. */
  listDossiers(): Promise<DossierRow[]>;
  getDossier(id: string): Promise<DossierRow | undefined>;
  /** True when the server already holds this dossier (enqueueing it again must do nothing). */
  hasDossier(id: string): Promise<boolean>;
  /**
   * Stores the server's answer for a dossier; joins the caller's transaction when there is one.
   * A status carried by the answer (with its statusSeq) replaces only an older one.
   */
  recordReceived(row: DossierRow): Promise<void>;
  /**
   * Applies pulled status changes in one transaction. Changes for dossiers this phone does not
   * know (not yet answered) are skipped and returned; a change older than the one already applied
   * (by server sequence) is ignored, so applying the same pull twice changes nothing.
   */
  applyStatusChanges(changes: readonly StatusChange[]): Promise<{ applied: string[]; unknown: string[] }>;
  /**
   * A dossier this phone follows by code and digits (it did not send it): stored with the
   * status the lookup answered, or left alone when the phone already knows a newer one.
   */
  recordFollowed(change: Omit<StatusChange, 'note'>, formId: string, now: number): Promise<DossierRow>;
  /** Deletes every row (the wipe). */
  clear(): Promise<void>;
  /**
   * Personal data leaves once its job is done (domain/retention.ts): a returned or refused
   * dossier, or one the server stored 30 days ago, keeps only its code, form, dates and status;
   * the name (label) and the officer's note go. Returns the ids it emptied.
   */
  forgetPersonal(now: number): Promise<string[]>;
}

/** The row without what names a person. */
function impersonal(row: DossierRow): DossierRow {
  const next: DossierRow = { ...row, label: '' };
  delete next.note;
  // The story keeps its steps and dates; the officer's notes in it name the person's case.
  if (next.history) next.history = next.history.map(({ note: _note, ...event }) => event);
  return next;
}

export function createDossiers(db: McldDb): Dossiers {
  return {
    listDossiers: () => db.dossiers.orderBy('updatedAt').reverse().toArray(),
    clear: () => db.dossiers.clear(),
    getDossier: (id) => db.dossiers.get(id),
    hasDossier: async (id) => (await db.dossiers.where('id').equals(id).count()) > 0,
    async recordReceived(row) {
      const existing = await db.dossiers.get(row.id);
      if (!existing) {
        await db.dossiers.put({ ...row, history: withEvent(row.history, eventOf(row, row.receivedAt)) });
        return;
      }
      // A repeated answer must not roll back a status that a pull has already moved forward.
      const next: DossierRow = { ...existing, dossierCode: row.dossierCode, receivedAt: row.receivedAt };
      if (row.statusSeq !== undefined && (existing.statusSeq === undefined || row.statusSeq > existing.statusSeq)) {
        next.status = row.status;
        next.statusSeq = row.statusSeq;
        if (row.note !== undefined) next.note = row.note;
        else delete next.note;
        next.history = withEvent(existing.history, eventOf(row, row.receivedAt));
      }
      // Sent from this phone after all (hand-off, or followed first): its name and form are known now.
      if (existing.followed) {
        delete next.followed;
        next.label = row.label;
        next.submittedAt = row.submittedAt;
      }
      await db.dossiers.put(next);
    },
    async applyStatusChanges(changes) {
      const applied: string[] = [];
      const unknown: string[] = [];
      if (changes.length === 0) return { applied, unknown };
      const ordered = [...changes].sort((a, b) => a.seq - b.seq);
      await db.transaction('rw', db.dossiers, async () => {
        for (const change of ordered) {
          const row = await db.dossiers.get(change.id);
          if (!row) {
            unknown.push(change.id);
            continue;
          }
          if (row.statusSeq !== undefined && change.seq <= row.statusSeq) continue;
          const next: DossierRow = {
            ...row,
            dossierCode: change.dossierCode || row.dossierCode,
            status: change.status,
            statusSeq: change.seq,
            updatedAt: Math.max(row.updatedAt, change.changedAt),
          };
          if (change.note !== undefined) next.note = change.note;
          else delete next.note;
          next.history = withEvent(row.history, eventOf(next, change.changedAt));
          await db.dossiers.put(isFinal(next.status) ? impersonal(next) : next);
          applied.push(change.id);
        }
      });
      return { applied, unknown };
    },
    recordFollowed: (change, formId, now) =>
      db.transaction('rw', db.dossiers, async () => {
        const existing = await db.dossiers.get(change.id);
        if (existing && existing.statusSeq !== undefined && existing.statusSeq >= change.seq) return existing;
        const base: DossierRow = existing ?? {
          id: change.id,
          dossierCode: change.dossierCode,
          formId,
          label: '',
          status: change.status,
          submittedAt: change.changedAt,
          receivedAt: change.changedAt,
          updatedAt: now,
          followed: true,
        };
        const next: DossierRow = { ...base, status: change.status, statusSeq: change.seq, updatedAt: Math.max(now, base.updatedAt) };
        delete next.note;
        next.history = withEvent(base.history, { status: change.status, at: change.changedAt, seq: change.seq });
        await db.dossiers.put(next);
        return next;
      }),
    async forgetPersonal(now) {
      const emptied: string[] = [];
      await db.transaction('rw', db.dossiers, async () => {
        await db.dossiers.each((row) => {
          if (phoneKeepsPersonal(row, now) || (row.label === '' && row.note === undefined)) return;
          emptied.push(row.id);
        });
        for (const id of emptied) {
          const row = await db.dossiers.get(id);
          if (row) await db.dossiers.put(impersonal(row));
        }
      });
      return emptied;
    },
  };
}
