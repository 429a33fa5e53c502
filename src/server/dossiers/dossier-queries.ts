/**
 * The dossier SQL both adapters run (written with `?`; PostgreSQL numbers it) and the mapping
 * of its rows. PostgreSQL hands BIGINT columns back as strings (to keep 64-bit precision), so
 * numbers pass Number().
 */
import type { DossierAction } from '../../domain/dossier-lifecycle';
import type { ActionDetails } from '../../domain/office';
import type { ConsentRecord, DeviceKind, DossierStatus, StatusChange } from '../../domain/protocol';
import type { HistoryEntry, StoredDossier } from './dossier-repository';

export const DOSSIER_COLUMNS =
  'id, dossier_code, commune_code, device_id, form_id, form_version, content_hash, answers_json, submitted_at, received_at, status, ' +
  'consent_version, consent_lang, consent_agreed_at, device_kind, staff_id, village_id';
/** What a stored dossier is read with: its columns and the appointment (migration 8). */
const READ_COLUMNS = `${DOSSIER_COLUMNS}, due_at, due_estimated`;

/** A dossier by id or by code (ref, ref); ids and codes never look alike, so at most one matches. */
export const SELECT_DOSSIER_BY_REF_SQL = `SELECT ${READ_COLUMNS} FROM dossiers WHERE id = ? OR dossier_code = ? LIMIT 1`;
/** The dossier a lifecycle action is for (ref, ref, commune_code). */
export const SELECT_DOSSIER_FOR_ACTION_SQL =
  'SELECT id, dossier_code, commune_code, device_id, status FROM dossiers WHERE (id = ? OR dossier_code = ?) AND commune_code = ? LIMIT 1';
export const COUNT_DOSSIERS_SQL = 'SELECT COUNT(*) AS n FROM dossiers';
/** (status, due_at, due_estimated, id): the appointment kept unless the action sets one. */
export const UPDATE_STATUS_SQL =
  'UPDATE dossiers SET status = ?, due_at = COALESCE(?, due_at), due_estimated = COALESCE(?, due_estimated) WHERE id = ?';
/** A lifecycle change: dossier_id, commune_code, device_id, status, note, changed_at, from_status, action, staff_id, details_json. */
export const INSERT_LIFECYCLE_CHANGE_SQL = `INSERT INTO status_changes
       (dossier_id, commune_code, device_id, status, note, changed_at, from_status, action, staff_id, details_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The UPDATE_STATUS_SQL parameters for a move to `status` with these details. */
export function statusUpdateParams(status: DossierStatus, details: ActionDetails | undefined, id: string): unknown[] {
  const receive = details?.kind === 'receive' ? details : undefined;
  return [status, receive?.dueAt ?? null, receive ? (receive.estimated ? 1 : 0) : null, id];
}
/** A dossier's changes, oldest first, with the account that made each (dossier_id). */
export const SELECT_HISTORY_SQL = `SELECT sc.seq, sc.status, sc.from_status, sc.action, sc.note, sc.changed_at, sc.details_json, s.username, s.display_name
     FROM status_changes sc LEFT JOIN staff s ON s.id = sc.staff_id
     WHERE sc.dossier_id = ? ORDER BY sc.seq`;

export interface ActionRow {
  id: string;
  dossier_code: string;
  commune_code: string;
  device_id: string;
  status: string;
}

export interface HistoryRow {
  seq: number | string;
  status: string;
  from_status: string | null;
  action: string | null;
  note: string | null;
  changed_at: number | string;
  details_json: string | null;
  username: string | null;
  display_name: string | null;
}

export function toHistoryEntry(row: HistoryRow): HistoryEntry {
  const entry: HistoryEntry = { seq: Number(row.seq), status: row.status as DossierStatus, changedAt: Number(row.changed_at) };
  if (row.from_status !== null) entry.from = row.from_status as DossierStatus;
  if (row.action !== null) entry.action = row.action as DossierAction;
  if (row.note !== null) entry.note = row.note;
  if (row.details_json !== null) entry.details = JSON.parse(row.details_json) as ActionDetails;
  if (row.username !== null) entry.by = { username: row.username, displayName: row.display_name ?? row.username };
  return entry;
}
/** One status change: dossier_id, commune_code, device_id, status, note, changed_at; seq is drawn by the database. */
export const INSERT_STATUS_CHANGE_SQL =
  'INSERT INTO status_changes (dossier_id, commune_code, device_id, status, note, changed_at) VALUES (?, ?, ?, ?, ?, ?)';

export interface DossierRow {
  id: string;
  dossier_code: string;
  commune_code: string;
  device_id: string;
  form_id: string;
  form_version: number;
  content_hash: string;
  answers_json: string;
  submitted_at: number | string;
  received_at: number | string;
  status: string;
  consent_version: string | null;
  consent_lang: string | null;
  consent_agreed_at: number | string | null;
  device_kind: string | null;
  staff_id: string | null;
  village_id: string | null;
  due_at?: number | string | null;
  due_estimated?: number | boolean | null;
}

export function toStoredDossier(row: DossierRow): StoredDossier {
  return {
    id: row.id,
    dossierCode: row.dossier_code,
    communeCode: row.commune_code,
    deviceId: row.device_id,
    formId: row.form_id,
    formVersion: Number(row.form_version),
    contentHash: row.content_hash,
    answers: JSON.parse(row.answers_json) as StoredDossier['answers'],
    submittedAt: Number(row.submitted_at),
    receivedAt: Number(row.received_at),
    status: row.status as DossierStatus,
    ...consentOf(row),
    ...(row.device_kind !== null ? { deviceKind: row.device_kind as DeviceKind } : {}),
    ...(row.staff_id !== null ? { staffId: row.staff_id } : {}),
    ...(row.village_id !== null ? { villageId: row.village_id } : {}),
    ...(row.due_at !== null && row.due_at !== undefined
      ? { dueAt: Number(row.due_at), dueEstimated: row.due_estimated === 1 || row.due_estimated === true }
      : {}),
  };
}

/** The three consent columns, all set or (on dossiers from before schema 2) all null. */
function consentOf(row: DossierRow): { consent?: ConsentRecord } {
  if (row.consent_version === null || row.consent_lang === null || row.consent_agreed_at === null) return {};
  return {
    consent: { version: row.consent_version, lang: row.consent_lang as ConsentRecord['lang'], agreedAt: Number(row.consent_agreed_at) },
  };
}

/** The change an officer's decision recorded, as the route answers it and pulls later bring it. */
export function recordedChange(
  dossier: { id: string; dossier_code: string },
  status: DossierStatus,
  note: string | undefined,
  changedAt: number,
  seq: number | string | bigint,
): StatusChange {
  const change: StatusChange = { id: dossier.id, dossierCode: dossier.dossier_code, status, changedAt, seq: Number(seq) };
  if (note !== undefined) change.note = note;
  return change;
}
