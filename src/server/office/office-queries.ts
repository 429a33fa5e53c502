/**
 * The inbox and register SQL both adapters run, written with `?` (PostgreSQL numbers it), and
 * the mapping of their rows. The inbox is built from the filters: every WHERE starts with the
 * commune, and the order (appointment first, then arrival) follows the migration-8 indexes. The
 * search is one LIKE over the folded search_text (domain/dossier-search.ts), with the user's
 * `%` and `_` escaped.
 */
import { applicantOf } from '../../domain/applicant';
import { foldSearch } from '../../domain/dossier-search';
import { OPEN_STATUSES, type InboxItem } from '../../domain/office';
import type { DossierStatus } from '../../domain/protocol';
import type { InboxRequest, RegisterRow } from './office-repository';

export interface SqlPart {
  sql: string;
  params: unknown[];
}

/** WHERE of the inbox; without the status filter when `withStatus` is false (the counts). */
export function inboxWhere(request: InboxRequest, withStatus: boolean): SqlPart {
  const clauses = ['commune_code = ?'];
  const params: unknown[] = [request.communeCode];
  if (withStatus && request.status) {
    clauses.push('status = ?');
    params.push(request.status);
  }
  if (request.formId) {
    clauses.push('form_id = ?');
    params.push(request.formId);
  }
  if (request.source) {
    clauses.push('device_kind = ?');
    params.push(request.source);
  }
  if (request.villageId) {
    clauses.push('village_id = ?');
    params.push(request.villageId);
  }
  if (request.from !== undefined) {
    clauses.push('received_at >= ?');
    params.push(request.from);
  }
  if (request.to !== undefined) {
    clauses.push('received_at < ?');
    params.push(request.to);
  }
  if (request.due) {
    clauses.push(`status IN (${OPEN_STATUSES.map(() => '?').join(', ')})`);
    params.push(...OPEN_STATUSES);
    if (request.due === 'overdue') {
      clauses.push('due_at < ?');
      params.push(request.now);
    } else {
      clauses.push('due_at >= ? AND due_at <= ?');
      params.push(request.now, request.soonUntil);
    }
  }
  if (request.q) {
    const folded = foldSearch(request.q).replace(/[\\%_]/g, (c) => `\\${c}`);
    clauses.push("search_text LIKE ? ESCAPE '\\'");
    params.push(`%${folded}%`);
  }
  return { sql: clauses.join(' AND '), params };
}

export function inboxPageSql(request: InboxRequest): SqlPart {
  const where = inboxWhere(request, true);
  return {
    sql: `SELECT id, dossier_code, form_id, status, received_at, due_at, due_estimated, device_kind, village_id, answers_json
      FROM dossiers WHERE ${where.sql}
      ORDER BY due_at ASC NULLS LAST, received_at ASC, id ASC LIMIT ? OFFSET ?`,
    params: [...where.params, request.pageSize, (request.page - 1) * request.pageSize],
  };
}

export function inboxTotalSql(request: InboxRequest): SqlPart {
  const where = inboxWhere(request, true);
  return { sql: `SELECT COUNT(*) AS n FROM dossiers WHERE ${where.sql}`, params: where.params };
}

export function inboxCountsSql(request: InboxRequest): SqlPart {
  const where = inboxWhere(request, false);
  return { sql: `SELECT status, COUNT(*) AS n FROM dossiers WHERE ${where.sql} GROUP BY status`, params: where.params };
}

export interface InboxRow {
  id: string;
  dossier_code: string;
  form_id: string;
  status: string;
  received_at: number | string;
  due_at: number | string | null;
  due_estimated: number | boolean | null;
  device_kind: string | null;
  village_id: string | null;
  answers_json: string;
}

export function toInboxItem(row: InboxRow): InboxItem {
  const item: InboxItem = {
    id: row.id,
    dossierCode: row.dossier_code,
    formId: row.form_id,
    status: row.status as DossierStatus,
    receivedAt: Number(row.received_at),
    applicant: applicantOf(JSON.parse(row.answers_json) as Parameters<typeof applicantOf>[0]).name,
  };
  if (row.due_at !== null) {
    item.dueAt = Number(row.due_at);
    item.dueEstimated = row.due_estimated === 1 || row.due_estimated === true;
  }
  if (row.device_kind === 'resident' || row.device_kind === 'staff') item.deviceKind = row.device_kind;
  if (row.village_id !== null) item.villageId = row.village_id;
  return item;
}

export function toCounts(rows: readonly { status: string; n: number | string }[]): Partial<Record<DossierStatus, number>> {
  const counts: Partial<Record<DossierStatus, number>> = {};
  for (const row of rows) counts[row.status as DossierStatus] = Number(row.n);
  return counts;
}

/** (commune_code, from, to, limit): each dossier with its reception and its return, if any. */
export const REGISTER_SQL = `SELECT d.dossier_code, d.form_id, d.answers_json, d.status, d.received_at, d.due_at,
    (SELECT MIN(sc.changed_at) FROM status_changes sc WHERE sc.dossier_id = d.id AND sc.action = 'receive') AS accepted_at,
    (SELECT s.display_name FROM status_changes sc JOIN staff s ON s.id = sc.staff_id
       WHERE sc.dossier_id = d.id AND sc.action = 'receive' ORDER BY sc.seq LIMIT 1) AS accepted_by,
    (SELECT MAX(sc.changed_at) FROM status_changes sc WHERE sc.dossier_id = d.id AND sc.action = 'return-result') AS returned_at
  FROM dossiers d WHERE d.commune_code = ? AND d.received_at >= ? AND d.received_at < ?
  ORDER BY d.received_at, d.id LIMIT ?`;

export interface RegisterDbRow {
  dossier_code: string;
  form_id: string;
  answers_json: string;
  status: string;
  received_at: number | string;
  due_at: number | string | null;
  accepted_at: number | string | null;
  accepted_by: string | null;
  returned_at: number | string | null;
}

export function toRegisterRow(row: RegisterDbRow): RegisterRow {
  const out: RegisterRow = {
    dossierCode: row.dossier_code,
    formId: row.form_id,
    answersJson: row.answers_json,
    status: row.status as DossierStatus,
    receivedAt: Number(row.received_at),
  };
  if (row.accepted_at !== null) out.acceptedAt = Number(row.accepted_at);
  if (row.accepted_by !== null) out.acceptedBy = row.accepted_by;
  if (row.due_at !== null) out.dueAt = Number(row.due_at);
  if (row.returned_at !== null) out.returnedAt = Number(row.returned_at);
  return out;
}

export const SELECT_SETTINGS_SQL = 'SELECT settings_json FROM commune_settings WHERE commune_code = ?';
/** (commune_code, settings_json, updated_at, updated_by) */
export const UPSERT_SETTINGS_SQL = `INSERT INTO commune_settings (commune_code, settings_json, updated_at, updated_by) VALUES (?, ?, ?, ?)
  ON CONFLICT (commune_code) DO UPDATE SET settings_json = excluded.settings_json, updated_at = excluded.updated_at, updated_by = excluded.updated_by`;
