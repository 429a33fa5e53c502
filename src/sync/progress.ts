/**
 * How far a sync has got, as the engine reports it (`progress` events; the UI renders them, the
 * engine stays DOM-free). Within one run the counts never go backwards and never pass their
 * totals: dossiers answered out of those due when the run started, photo bytes handed over out
 * of the photo bytes those dossiers reference (sizes from their attachment refs; a photo the
 * server already had counts as handed over). Bytes advance per photo, when its upload finishes:
 * fetch() reports no upload progress, and a streamed request body needs HTTP/2, which a commune
 * server behind a plain proxy may not have.
 *
 * The time left comes from the throughput measured in this run: bytes left ÷ bytes per ms so far
 * while photos remain, else dossiers left × the measured time per dossier; null until there is
 * something measured.
 *
 * Data saver (`orderForDataSaver`): dossiers without photos go first, then the others from the
 * smallest to the largest, so the most dossiers reach the commune soonest; the push of each is
 * the same as without data saver, so exactly-once is untouched.
 */
import { attachmentSizesIn } from '../domain/attachment-hashes';
import type { OutboxRow } from '../storage/db';

export interface SendingNow {
  id: string;
  formId: string;
  /** The resident's name as the outbox lists it; the UI shows the first name only. */
  label: string;
}

export type SendPhase = 'sending' | 'done' | 'offline';

export interface SendProgress {
  /** Increases with each sync run of this engine. */
  run: number;
  phase: SendPhase;
  /** Dossiers answered by the server (stored, duplicate, rejected, conflict) in this run. */
  dossiersDone: number;
  dossiersTotal: number;
  bytesSent: number;
  bytesTotal: number;
  current: SendingNow | null;
  /** Estimated time left (ms), from this run's measured throughput; null before a measure. */
  etaMs: number | null;
}

/** The photo bytes a row references, each photo once. */
export function rowPhotoBytes(row: Pick<OutboxRow, 'submission'>): number {
  let total = 0;
  for (const size of attachmentSizesIn(row.submission.answers).values()) total += size;
  return total;
}

/** Rows without photos first (in their order), then by photo bytes, smallest first. */
export function orderForDataSaver<R extends Pick<OutboxRow, 'submission'>>(rows: readonly R[]): R[] {
  return rows
    .map((row, index) => ({ row, index, bytes: rowPhotoBytes(row) }))
    .sort((a, b) => a.bytes - b.bytes || a.index - b.index)
    .map((entry) => entry.row);
}

/** The time left from what this run has measured; see the file comment. */
export function estimateRemainingMs(
  p: Pick<SendProgress, 'dossiersDone' | 'dossiersTotal' | 'bytesSent' | 'bytesTotal'>,
  elapsedMs: number,
): number | null {
  if (elapsedMs <= 0) return null;
  if (p.bytesTotal > p.bytesSent) return p.bytesSent > 0 ? ((p.bytesTotal - p.bytesSent) * elapsedMs) / p.bytesSent : null;
  if (p.dossiersDone === 0) return null;
  return ((p.dossiersTotal - p.dossiersDone) * elapsedMs) / p.dossiersDone;
}

export interface ProgressTracker {
  snapshot(): SendProgress;
  /** The rows of this run, once they are known (due rows when the run starts). */
  begin(rows: readonly Pick<OutboxRow, 'id' | 'submission' | 'label'>[]): SendProgress;
  /** Of a batch under way: the first row still waiting for a photo, else the first not yet answered. */
  focus(batch: readonly Pick<OutboxRow, 'id' | 'submission' | 'label'>[]): SendProgress | null;
  /** A photo is on the server now (uploaded or already there). */
  photoDone(sha256: string): SendProgress | null;
  /** The server answered for this row. */
  rowDone(id: string): SendProgress | null;
  end(phase: Exclude<SendPhase, 'sending'>): SendProgress;
}

/** One run's counts; every method returns the new snapshot, or null when nothing changed. */
export function createProgressTracker(run: number, now: () => number): ProgressTracker {
  const startedAt = now();
  const rowIds = new Set<string>();
  const doneRows = new Set<string>();
  const photoSizes = new Map<string, number>();
  const donePhotos = new Set<string>();
  let bytesSent = 0;
  let bytesTotal = 0;
  let current: SendingNow | null = null;
  let phase: SendPhase = 'sending';

  function snapshot(): SendProgress {
    const p = { dossiersDone: doneRows.size, dossiersTotal: rowIds.size, bytesSent, bytesTotal };
    return {
      run,
      phase,
      ...p,
      current,
      etaMs: phase === 'sending' ? estimateRemainingMs(p, now() - startedAt) : phase === 'done' ? 0 : null,
    };
  }

  return {
    snapshot,
    begin(rows) {
      for (const row of rows) {
        rowIds.add(row.id);
        for (const [sha, size] of attachmentSizesIn(row.submission.answers)) {
          if (photoSizes.has(sha)) continue;
          photoSizes.set(sha, size);
          bytesTotal += size;
        }
      }
      return snapshot();
    },
    focus(batch) {
      const open = batch.filter((row) => rowIds.has(row.id) && !doneRows.has(row.id));
      const waiting = open.find((row) => [...attachmentSizesIn(row.submission.answers).keys()].some((sha) => !donePhotos.has(sha)));
      const row = waiting ?? open[0];
      if (!row || current?.id === row.id) return null;
      current = { id: row.id, formId: row.submission.formId, label: row.label };
      return snapshot();
    },
    photoDone(sha256) {
      const size = photoSizes.get(sha256);
      if (size === undefined || donePhotos.has(sha256)) return null;
      donePhotos.add(sha256);
      bytesSent += size;
      return snapshot();
    },
    rowDone(id) {
      if (!rowIds.has(id) || doneRows.has(id)) return null;
      doneRows.add(id);
      if (current?.id === id) current = null;
      return snapshot();
    },
    end(endPhase) {
      phase = endPhase;
      current = null;
      return snapshot();
    },
  };
}
