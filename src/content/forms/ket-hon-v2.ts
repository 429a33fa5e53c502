/**
 * Tờ khai đăng ký kết hôn, procedure 1.000894, version 2: since 01/01/2026 two Vietnamese citizens
 * no longer bring a certificate of marital status (the office looks it up), so the question
 * "one partner lives in another commune" and the photo of that certificate are retired.
 * Version 1 stays registered for drafts and dossiers started on it.
 * source: Luật Hôn nhân và gia đình 52/2014/QH13 art. 8; Luật Hộ tịch 2014; Nghị quyết
 * 66.7/2025/NQ-CP; Quyết định 1833/QĐ-BTP; verifiedOn: 2026-12-01.
 */
import type { FormDefinition } from '../../domain/form-schema';
import type { FormMigration } from '../../domain/form-migration';
import { KET_HON } from './ket-hon';

const RETIRED = new Set(['livesElsewhere', 'maritalStatusProof']);

export const KET_HON_V2: FormDefinition = {
  ...KET_HON,
  version: 2,
  fields: KET_HON.fields.filter((f) => !RETIRED.has(f.id)),
};

/** v1 → v2: the certificate of marital status is no longer asked for. */
export const KET_HON_MIGRATIONS: readonly FormMigration[] = [
  {
    formId: 'ket-hon',
    from: 1,
    to: 2,
    steps: [
      { kind: 'retire', field: 'livesElsewhere' },
      { kind: 'retire', field: 'maritalStatusProof' },
    ],
  },
];
