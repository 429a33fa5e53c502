/**
 * Tờ khai thay đổi thông tin cư trú (mẫu CT01, Thông tư 66/2023/TT-BCA) for Đăng ký tạm trú,
 * procedure 1.004194, version 2: addresses picked from the administrative units, the household
 * head, and the family members moving together (the table at the end of CT01).
 * Version 1 (tam-tru-ct01.ts) stays registered: drafts and dossiers started on it remain valid.
 * source: Thông tư 66/2023/TT-BCA, mẫu CT01; verifiedOn: 2026-11-28.
 */
import type { FormDefinition } from '../../domain/form-schema';
import type { FormMigration } from '../../domain/form-migration';
import { TAM_TRU_CT01 } from './tam-tru-ct01';
import { ADDRESS_HINT, MEMBER_FIELDS, PHOTO_OR_PDF } from './common';

const V1 = new Map(TAM_TRU_CT01.fields.map((f) => [f.id, f]));
/** Fields whose id, label and checks are exactly those of version 1 (the e2e test fills them by label). */
const keep = (id: string) => {
  const field = V1.get(id);
  if (!field) throw new Error(`CT01 v1 has no field ${id}`);
  return field;
};

export const TAM_TRU_CT01_V2: FormDefinition = {
  id: 'tam-tru-ct01',
  version: 2,
  procedureCode: '1.004194',
  title: TAM_TRU_CT01.title,
  fields: [
    keep('fullName'),
    keep('birthDate'),
    keep('sex'),
    keep('cccd'),
    keep('phone'),
    { id: 'email', kind: 'email', label: { vi: 'Email', en: 'Email' } },
    {
      id: 'currentAddress',
      kind: 'address',
      required: true,
      label: { vi: 'Nơi ở hiện tại', en: 'Current address' },
      hint: ADDRESS_HINT,
    },
    {
      id: 'temporaryAddress',
      kind: 'address',
      required: true,
      label: { vi: 'Địa chỉ đăng ký tạm trú', en: 'Address of temporary residence' },
      hint: ADDRESS_HINT,
    },
    {
      id: 'joinsHousehold',
      kind: 'yesno',
      label: { vi: 'Tôi đăng ký vào một hộ đã có chủ hộ', en: 'I join a household that already has a head' },
    },
    {
      id: 'headName',
      isName: true,
      kind: 'text',
      required: true,
      maxLength: 100,
      showIf: { field: 'joinsHousehold', equals: true },
      label: { vi: 'Họ, chữ đệm và tên chủ hộ', en: 'Full name of the head of household' },
    },
    {
      id: 'headRelationship',
      kind: 'text',
      required: true,
      maxLength: 50,
      showIf: { field: 'joinsHousehold', equals: true },
      label: { vi: 'Mối quan hệ với chủ hộ', en: 'Relationship to the head of household' },
    },
    {
      id: 'headCccd',
      kind: 'cccd',
      showIf: { field: 'joinsHousehold', equals: true },
      label: { vi: 'Số định danh cá nhân của chủ hộ', en: 'Personal ID number of the head of household' },
    },
    keep('reason'),
    {
      id: 'startDate',
      kind: 'date',
      required: true,
      minYear: 2000,
      maxDaysAhead: 365,
      label: { vi: 'Ngày bắt đầu tạm trú', en: 'Start date of the stay' },
    },
    {
      id: 'endDate',
      kind: 'date',
      label: { vi: 'Tạm trú đến ngày', en: 'Stay until' },
      hint: { vi: 'Thời hạn tạm trú tối đa 2 năm; để trống nếu chưa biết', en: 'At most 2 years; leave empty if not known' },
    },
    {
      id: 'movingTogether',
      kind: 'yesno',
      label: { vi: 'Có người cùng đăng ký tạm trú với tôi', en: 'Other people register together with me' },
    },
    {
      id: 'members',
      kind: 'group',
      required: true,
      minItems: 1,
      maxItems: 15,
      showIf: { field: 'movingTogether', equals: true },
      itemLabel: { vi: 'Người cùng thay đổi', en: 'Person moving together' },
      label: { vi: 'Những người cùng thay đổi nơi cư trú', en: 'People moving together' },
      fields: MEMBER_FIELDS,
    },
    {
      id: 'memberCount',
      kind: 'computed',
      compute: 'count-items',
      args: { items: 'members' },
      unit: 'count',
      showIf: { field: 'movingTogether', equals: true },
      label: { vi: 'Số người cùng thay đổi', en: 'Number of people moving together' },
    },
    {
      id: 'lawfulHomeProof',
      kind: 'attachment',
      accept: PHOTO_OR_PDF,
      maxFiles: 5,
      label: { vi: 'Ảnh giấy tờ chứng minh chỗ ở hợp pháp', en: 'Photo of the proof of a lawful place to live' },
      hint: {
        vi: 'Ví dụ hợp đồng thuê nhà; không cần nếu cơ sở dữ liệu đã có',
        en: 'E.g. a rental contract; not needed if the database already has it',
      },
    },
  ],
  rules: [{ kind: 'date-order', before: 'startDate', after: 'endDate', strict: true }],
  qrMap: { fullName: 'fullName', birthDate: 'birthDate', sex: 'sex', cccd: 'cccd', address: 'currentAddress' },
};

/** v1 → v2: the two typed addresses become address answers that keep the text as free text. */
export const TAM_TRU_CT01_MIGRATIONS: readonly FormMigration[] = [
  {
    formId: 'tam-tru-ct01',
    from: 1,
    to: 2,
    steps: [
      { kind: 'text-to-address', field: 'currentAddress' },
      { kind: 'text-to-address', field: 'temporaryAddress' },
    ],
  },
];
