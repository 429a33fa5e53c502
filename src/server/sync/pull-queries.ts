/**
 * The pull query both adapters run (`?` placeholders: device, since, limit): the status changes
 * of every dossier the device follows (device-links.ts), in seq order. Seq order is commit order
 * on both stores (SQLite has one writer; PostgreSQL takes lockStatusSeq), so a cursor never skips.
 */
import type { DossierStatus, StatusChange } from '../../domain/protocol';
import type { PullPage } from './sync-repository';

export const PULL_CHANGES_SQL = `SELECT sc.seq, sc.dossier_id, d.dossier_code, sc.status, sc.note, sc.changed_at
     FROM dossier_devices dd
     JOIN status_changes sc ON sc.dossier_id = dd.dossier_id
     JOIN dossiers d ON d.id = sc.dossier_id
     WHERE dd.device_id = ? AND sc.seq > ? ORDER BY sc.seq LIMIT ?`;

export interface ChangeRow {
  seq: number | string;
  dossier_id: string;
  dossier_code: string;
  status: string;
  note: string | null;
  changed_at: number | string;
}

function toStatusChange(row: ChangeRow): StatusChange {
  const change: StatusChange = {
    id: row.dossier_id,
    dossierCode: row.dossier_code,
    status: row.status as DossierStatus,
    changedAt: Number(row.changed_at),
    seq: Number(row.seq),
  };
  if (row.note !== null) change.note = row.note;
  return change;
}

/** The page for rows read after `since`: the cursor moves to the last seq, or stays. */
export function toPullPage(rows: readonly ChangeRow[], since: number): PullPage {
  const changes = rows.map(toStatusChange);
  const last = changes[changes.length - 1];
  return { changes, cursor: last ? last.seq : since };
}
