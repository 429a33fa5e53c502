/**
 * Tờ khai đề nghị trợ giúp xã hội, procedure 1.001776, version 2: the group "from 80 years of
 * age without a pension" is gone from the monthly social allowance since 01/07/2025 (those people
 * now get the social pension, tro-cap-huu-tri-xa-hoi.ts). A draft of version 1 that chose that
 * group cannot move (the choice no longer exists) and stays on version 1, still accepted.
 * source: Nghị định 20/2021/NĐ-CP art. 5 and mẫu 1a, sửa đổi bởi Nghị định 76/2024/NĐ-CP;
 * Nghị định 176/2025/NĐ-CP; verifiedOn: 2026-12-01.
 */
import type { Field, FormDefinition } from '../../domain/form-schema';
import { TRO_CAP_XA_HOI } from './tro-cap-xa-hoi';

const ABOLISHED = 'elderly-80';

function withoutAbolishedGroup(field: Field): Field {
  if (field.id === 'category' && field.kind === 'choice') return { ...field, options: field.options.filter((o) => o.value !== ABOLISHED) };
  if (field.id === 'hasPension') return { ...field, showIf: { field: 'category', equals: 'elderly-poor' } };
  return field;
}

export const TRO_CAP_XA_HOI_V2: FormDefinition = {
  ...TRO_CAP_XA_HOI,
  version: 2,
  fields: TRO_CAP_XA_HOI.fields.map(withoutAbolishedGroup),
  rules: (TRO_CAP_XA_HOI.rules ?? []).filter((r) => !(r.kind === 'min-age' && r.years === 80)),
};
