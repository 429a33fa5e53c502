/**
 * Every form the app can fill, by id and version; the server validates submissions against the
 * same list. Older versions stay registered so drafts and dossiers started on them stay valid.
 */
import type { Answers, FormDefinition } from '../../domain/form-schema';
import { migrateAnswers, type FormMigration } from '../../domain/form-migration';
import { TAM_TRU_CT01 } from './tam-tru-ct01';
import { TAM_TRU_CT01_MIGRATIONS, TAM_TRU_CT01_V2 } from './tam-tru-ct01-v2';
import { TAM_TRU_CT01_V3, TAM_TRU_CT01_V3_MIGRATIONS } from './tam-tru-ct01-v3';
import { THUONG_TRU_CT01 } from './thuong-tru-ct01';
import { THUONG_TRU_CT01_V2 } from './thuong-tru-ct01-v2';
import { KHAI_SINH } from './khai-sinh';
import { KHAI_SINH_MIGRATIONS, KHAI_SINH_V2 } from './khai-sinh-v2';
import { KHAI_TU } from './khai-tu';
import { KHAI_TU_V2 } from './khai-tu-v2';
import { KET_HON } from './ket-hon';
import { KET_HON_MIGRATIONS, KET_HON_V2 } from './ket-hon-v2';
import { XAC_NHAN_HON_NHAN } from './xac-nhan-hon-nhan';
import { CHUNG_THUC_BAN_SAO } from './chung-thuc-ban-sao';
import { TRO_CAP_XA_HOI } from './tro-cap-xa-hoi';
import { TRO_CAP_XA_HOI_V2 } from './tro-cap-xa-hoi-v2';
import { TRO_CAP_HUU_TRI_XA_HOI } from './tro-cap-huu-tri-xa-hoi';

/**
 * Every registered version of every form (what the server accepts). The 2025–2026 reforms added
 * tạm trú CT01 v3 and thường trú CT01 v2 (Thông tư 53/2025/TT-BCA), khai sinh v2 and khai tử v2
 * (Thông tư 04/2024/TT-BTP), kết hôn v2 (no marital-status certificate), trợ cấp xã hội v2 (no
 * 80+ group) and the social pension form; every older version stays.
 */
export const FORM_VERSIONS: readonly FormDefinition[] = [
  TAM_TRU_CT01,
  TAM_TRU_CT01_V2,
  TAM_TRU_CT01_V3,
  THUONG_TRU_CT01,
  THUONG_TRU_CT01_V2,
  KHAI_SINH,
  KHAI_SINH_V2,
  KHAI_TU,
  KHAI_TU_V2,
  KET_HON,
  KET_HON_V2,
  XAC_NHAN_HON_NHAN,
  CHUNG_THUC_BAN_SAO,
  TRO_CAP_XA_HOI,
  TRO_CAP_XA_HOI_V2,
  TRO_CAP_HUU_TRI_XA_HOI,
];

/** Declared draft migrations between versions, per form (versions without one carry answers by id). */
export const FORM_MIGRATIONS: readonly FormMigration[] = [
  ...TAM_TRU_CT01_MIGRATIONS,
  ...TAM_TRU_CT01_V3_MIGRATIONS,
  ...KHAI_SINH_MIGRATIONS,
  ...KET_HON_MIGRATIONS,
];

function latestOf(id: string): FormDefinition | undefined {
  let latest: FormDefinition | undefined;
  for (const f of FORM_VERSIONS) if (f.id === id && (!latest || f.version > latest.version)) latest = f;
  return latest;
}

/** The latest version of each form, in registration order: what the app offers for new drafts. */
export const FORMS: readonly FormDefinition[] = [...new Set(FORM_VERSIONS.map((f) => f.id))].map((id) => latestOf(id)!);

/** A form by id: that exact version when given, otherwise the latest one. */
export function findForm(id: string, version?: number): FormDefinition | undefined {
  if (version === undefined) return latestOf(id);
  return FORM_VERSIONS.find((f) => f.id === id && f.version === version);
}

export type DraftUpgrade =
  | { status: 'current'; form: FormDefinition }
  /** `retired`: answers of fields the newer form no longer asks for (named to the resident). */
  | { status: 'migrated'; form: FormDefinition; answers: Answers; retired: string[] }
  /** Something could not be carried: the draft stays on its version (still accepted) until sent. */
  | { status: 'kept'; form: FormDefinition; dropped: string[] }
  | { status: 'unknown' };

/** What to do with an open draft when a newer version of its form is registered. */
export function upgradeDraft(formId: string, version: number, answers: Answers): DraftUpgrade {
  const from = findForm(formId, version);
  const latest = findForm(formId);
  if (!from || !latest) return { status: 'unknown' };
  if (latest.version <= from.version) return { status: 'current', form: from };
  const result = migrateAnswers(from, latest, answers, FORM_MIGRATIONS);
  return result.dropped.length > 0
    ? { status: 'kept', form: from, dropped: result.dropped }
    : { status: 'migrated', form: latest, answers: result.answers, retired: result.retired };
}
