/**
 * Every form the app can fill, by id and version; the server validates submissions against the
 * same list. Older versions stay registered so drafts and dossiers started on them stay valid.
 */
import type { Answers, FormDefinition } from '../../domain/form-schema';
import { migrateAnswers, type FormMigration } from '../../domain/form-migration';
import { TAM_TRU_CT01 } from './tam-tru-ct01';
import { TAM_TRU_CT01_MIGRATIONS, TAM_TRU_CT01_V2 } from './tam-tru-ct01-v2';
import { THUONG_TRU_CT01 } from './thuong-tru-ct01';
import { KHAI_SINH } from './khai-sinh';
import { KHAI_TU } from './khai-tu';
import { KET_HON } from './ket-hon';
import { XAC_NHAN_HON_NHAN } from './xac-nhan-hon-nhan';
import { CHUNG_THUC_BAN_SAO } from './chung-thuc-ban-sao';
import { TRO_CAP_XA_HOI } from './tro-cap-xa-hoi';

/** Every registered version of every form (what the server accepts). */
export const FORM_VERSIONS: readonly FormDefinition[] = [
  TAM_TRU_CT01,
  TAM_TRU_CT01_V2,
  THUONG_TRU_CT01,
  KHAI_SINH,
  KHAI_TU,
  KET_HON,
  XAC_NHAN_HON_NHAN,
  CHUNG_THUC_BAN_SAO,
  TRO_CAP_XA_HOI,
];

/** Declared draft migrations between versions, per form. */
export const FORM_MIGRATIONS: readonly FormMigration[] = [...TAM_TRU_CT01_MIGRATIONS];

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
  | { status: 'migrated'; form: FormDefinition; answers: Answers }
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
    : { status: 'migrated', form: latest, answers: result.answers };
}
