/**
 * Table rows as both adapters read them, and their mapping to the store's types. PostgreSQL
 * hands BIGINT columns back as strings (to keep 64-bit precision), so numbers pass Number().
 */
import type { AttachmentType } from '../domain/form-schema';
import type { HeldDossier } from '../domain/push-decision';
import type { ConsentRecord, CurrentStatus, DossierStatus, StatusChange } from '../domain/protocol';
import type { BlobInfo, StoredBlob, StoredDossier } from './store';

export const DOSSIER_COLUMNS =
  'id, dossier_code, commune_code, device_id, form_id, form_version, content_hash, answers_json, submitted_at, received_at, status, ' +
  'consent_version, consent_lang, consent_agreed_at';

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
}

export interface BlobRow {
  content_type: string;
  size: number | string;
  bytes?: Uint8Array;
}

export interface ChangeRow {
  seq: number | string;
  dossier_id: string;
  dossier_code: string;
  status: string;
  note: string | null;
  changed_at: number | string;
}

/** A dossier's status and the latest status change (the one that set it), for push answers. */
export interface StatusRow {
  status: string;
  seq: number | string | null;
  note: string | null;
}

/** What the push decision needs of a stored dossier. */
export interface HeldRow {
  dossier_code: string;
  content_hash: string;
  received_at: number | string;
}

export function toCurrentStatus(row: StatusRow): CurrentStatus {
  const current: CurrentStatus = { status: row.status as DossierStatus };
  if (row.seq !== null) current.statusSeq = Number(row.seq);
  if (row.note !== null) current.statusNote = row.note;
  return current;
}

/** The held row for decidePush, with its current status when the adapter has read it already. */
export function toHeldDossier(row: HeldRow, current: CurrentStatus = {}): HeldDossier {
  return { contentHash: row.content_hash, dossierCode: row.dossier_code, receivedAt: Number(row.received_at), ...current };
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
    ...consentOf(row),
  };
}

/** The three consent columns, all set or (on dossiers from before schema 2) all null. */
function consentOf(row: DossierRow): { consent?: ConsentRecord } {
  if (row.consent_version === null || row.consent_lang === null || row.consent_agreed_at === null) return {};
  return { consent: { version: row.consent_version, lang: row.consent_lang as ConsentRecord['lang'], agreedAt: Number(row.consent_agreed_at) } };
}

export function toBlobInfo(row: BlobRow): BlobInfo {
  return { type: row.content_type as AttachmentType, size: Number(row.size) };
}

export function toStoredBlob(row: BlobRow & { bytes: Uint8Array }): StoredBlob {
  return { ...toBlobInfo(row), bytes: new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) };
}
