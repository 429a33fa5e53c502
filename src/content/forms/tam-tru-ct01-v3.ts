/**
 * CT01 for Đăng ký tạm trú, procedure 1.004194, version 3: the form of Thông tư 53/2025/TT-BCA.
 * Field 1 reads "Họ, chữ đệm và tên khai sinh"; the addressee; the household head (7–9) with the
 * head's consent; the request (10: the address, the reason and the dates of the stay); the
 * members moving together (11); the lawful owner's consent when the home is not yours; a parent's
 * or guardian's consent for a minor. "Nơi ở hiện tại" is not on the 2025 form (the population
 * database knows it from the ID number), so it is retired from drafts of version 2.
 * Versions 1 and 2 stay registered: drafts and dossiers started on them remain valid.
 * source: Thông tư 53/2025/TT-BCA, mẫu CT01; Luật Cư trú 68/2020/QH14; verifiedOn: 2026-12-01.
 */
import type { Field, FormDefinition } from '../../domain/form-schema';
import type { FormMigration } from '../../domain/form-migration';
import { TAM_TRU_CT01_V2 } from './tam-tru-ct01-v2';
import { ADDRESSEE, BIRTH_NAME, MINOR_FIELDS, MINOR_RULE, headConsent, ownerFields } from './ct01-2025';

const V2 = new Map(TAM_TRU_CT01_V2.fields.map((f) => [f.id, f]));
/** Fields whose id, label and checks are exactly those of version 2 (the e2e tests fill them by label). */
const keep = (id: string): Field => {
  const field = V2.get(id);
  if (!field) throw new Error(`CT01 v2 has no field ${id}`);
  return field;
};

const JOINS = { field: 'joinsHousehold', equals: true } as const;
const NOT_OWNED = { field: 'homeNotOwned', equals: true } as const;

export const TAM_TRU_CT01_V3: FormDefinition = {
  id: 'tam-tru-ct01',
  version: 3,
  procedureCode: '1.004194',
  title: TAM_TRU_CT01_V2.title,
  fields: [
    ADDRESSEE,
    BIRTH_NAME,
    keep('birthDate'),
    keep('sex'),
    keep('cccd'),
    keep('phone'),
    keep('email'),
    keep('joinsHousehold'),
    keep('headName'),
    keep('headRelationship'),
    keep('headCccd'),
    ...headConsent(JOINS),
    keep('temporaryAddress'),
    keep('reason'),
    keep('startDate'),
    keep('endDate'),
    keep('movingTogether'),
    keep('members'),
    keep('memberCount'),
    {
      id: 'homeNotOwned',
      kind: 'yesno',
      label: {
        vi: 'Chỗ ở này không thuộc sở hữu của tôi (thuê, mượn, ở nhờ)',
        en: 'I do not own this home (rented, borrowed, staying with someone)',
      },
    },
    ...ownerFields(NOT_OWNED),
    ...MINOR_FIELDS,
    keep('lawfulHomeProof'),
  ],
  rules: [...(TAM_TRU_CT01_V2.rules ?? []), MINOR_RULE],
  qrMap: { fullName: 'fullName', birthDate: 'birthDate', sex: 'sex', cccd: 'cccd' },
};

/** v2 → v3: "Nơi ở hiện tại" left the official form; every other answer keeps its id. */
export const TAM_TRU_CT01_V3_MIGRATIONS: readonly FormMigration[] = [
  { formId: 'tam-tru-ct01', from: 2, to: 3, steps: [{ kind: 'retire', field: 'currentAddress' }] },
];
