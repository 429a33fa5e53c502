/**
 * CT01 for Đăng ký thường trú, procedure 1.004222, version 2: the form of Thông tư 53/2025/TT-BCA.
 * Field 1 reads "Họ, chữ đệm và tên khai sinh"; the addressee; the household head's consent and
 * the lawful owner's consent when registering in a relative's or a rented home (Luật Cư trú
 * art. 20); a parent's or guardian's consent for a minor. Every field of version 1 keeps its id,
 * so drafts move over by id; version 1 stays registered for what was started or queued on it.
 * source: Thông tư 53/2025/TT-BCA, mẫu CT01; Luật Cư trú 68/2020/QH14; verifiedOn: 2026-12-01.
 */
import type { Condition, Field, FormDefinition } from '../../domain/form-schema';
import { THUONG_TRU_CT01 } from './thuong-tru-ct01';
import { ADDRESSEE, BIRTH_NAME, MINOR_FIELDS, MINOR_RULE, headConsent, ownerFields } from './ct01-2025';

const V1 = new Map(THUONG_TRU_CT01.fields.map((f) => [f.id, f]));
const keep = (id: string): Field => {
  const field = V1.get(id);
  if (!field) throw new Error(`thường trú CT01 v1 has no field ${id}`);
  return field;
};

/** Registering in a home someone else owns and heads (a relative's, or rented/borrowed). */
const SOMEONE_ELSES: Condition = { field: 'basis', in: ['family-home', 'rented'] };

export const THUONG_TRU_CT01_V2: FormDefinition = {
  id: 'thuong-tru-ct01',
  version: 2,
  procedureCode: '1.004222',
  title: THUONG_TRU_CT01.title,
  fields: [
    ADDRESSEE,
    BIRTH_NAME,
    keep('birthDate'),
    keep('sex'),
    keep('cccd'),
    keep('phone'),
    keep('email'),
    keep('permanentAddress'),
    keep('basis'),
    keep('basisDetail'),
    keep('headName'),
    keep('headRelationship'),
    keep('headCccd'),
    ...headConsent(SOMEONE_ELSES),
    keep('reason'),
    keep('movingTogether'),
    keep('members'),
    ...ownerFields(SOMEONE_ELSES),
    ...MINOR_FIELDS,
    keep('lawfulHomeProof'),
    keep('familyProof'),
  ],
  rules: [MINOR_RULE],
  qrMap: THUONG_TRU_CT01.qrMap ?? {},
};
