/**
 * Table rows as both adapters read them, and their mapping to the store's types. PostgreSQL
 * hands BIGINT columns back as strings (to keep 64-bit precision), so numbers pass Number().
 */
import type { DossierStatus, StatusChange } from '../domain/protocol';
import type { StoredDossier } from './store';

export const DOSSIER_COLUMNS =
  'id, dossier_code, commune_code, device_id, form_id, form_version, content_hash, answers_json, submitted_at, received_at, status';

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
}

export interface ChangeRow {
  seq: number | string;
  dossier_id: string;
  dossier_code: string;
  status: string;
  note: string | null;
  changed_at: number | string;
}

export function toStatusChange(row: ChangeRow): StatusChange {
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
  };
}
