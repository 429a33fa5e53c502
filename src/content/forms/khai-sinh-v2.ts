/**
 * Tờ khai đăng ký khai sinh, procedure 1.001193, version 2: the form as amended by Thông tư
 * 04/2024/TT-BTP. The requester's residence; the child's date of birth also in words; the
 * parents' YEAR of birth (not the full date); the parents' marriage certificate (number, book,
 * date, place) when they are married. Version 1 stays registered for drafts and dossiers on it.
 * source: Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP; Thông tư 04/2020/TT-BTP sửa đổi bởi Thông tư
 * 04/2024/TT-BTP (mẫu tờ khai đăng ký khai sinh); verifiedOn: 2026-12-01.
 */
import type { Field, FormDefinition } from '../../domain/form-schema';
import type { FormMigration } from '../../domain/form-migration';
import { KHAI_SINH } from './khai-sinh';
import { REQUESTER_RESIDENCE } from './civil-status-2024';

const V1 = new Map(KHAI_SINH.fields.map((f) => [f.id, f]));
const keep = (id: string): Field => {
  const field = V1.get(id);
  if (!field) throw new Error(`khai sinh v1 has no field ${id}`);
  return field;
};

const FATHER = { field: 'fatherKnown', equals: true } as const;
const MARRIED = { field: 'parentsMarried', equals: true } as const;

const birthYear = (id: string, label: { vi: string; en: string }, showIf?: typeof FATHER): Field => ({
  id,
  kind: 'number',
  required: true,
  integer: true,
  min: 1900,
  max: 2100,
  label,
  hint: { vi: 'Ví dụ: 1990', en: 'E.g. 1990' },
  ...(showIf ? { showIf } : {}),
});

export const KHAI_SINH_V2: FormDefinition = {
  id: 'khai-sinh',
  version: 2,
  procedureCode: '1.001193',
  title: KHAI_SINH.title,
  fields: [
    keep('requesterName'),
    keep('requesterCccd'),
    keep('requesterPhone'),
    REQUESTER_RESIDENCE,
    keep('requesterRelationship'),
    keep('childName'),
    keep('childBirthDate'),
    {
      id: 'childBirthDateInWords',
      kind: 'text',
      maxLength: 200,
      label: { vi: 'Ngày, tháng, năm sinh của trẻ (ghi bằng chữ)', en: 'Child’s date of birth in words' },
      hint: {
        vi: 'Ví dụ: Ngày hai mươi, tháng mười một, năm hai nghìn không trăm hai mươi sáu. Để trống thì cán bộ ghi giúp.',
        en: 'E.g. “Ngày hai mươi, tháng mười một, năm hai nghìn không trăm hai mươi sáu”. Left empty, the officer writes it.',
      },
    },
    keep('childSex'),
    keep('childEthnicity'),
    keep('childNationality'),
    keep('birthPlaceKind'),
    keep('birthPlace'),
    keep('hometown'),
    keep('motherName'),
    birthYear('motherBirthYear', { vi: 'Năm sinh của mẹ', en: 'Mother’s year of birth' }),
    keep('motherEthnicity'),
    keep('motherNationality'),
    keep('motherCccd'),
    keep('motherAddress'),
    keep('fatherKnown'),
    keep('fatherName'),
    birthYear('fatherBirthYear', { vi: 'Năm sinh của cha', en: 'Father’s year of birth' }, FATHER),
    keep('fatherEthnicity'),
    keep('fatherNationality'),
    keep('fatherCccd'),
    keep('fatherAddress'),
    {
      id: 'parentsMarried',
      kind: 'yesno',
      showIf: FATHER,
      label: { vi: 'Cha mẹ đã đăng ký kết hôn', en: 'The parents are married' },
    },
    {
      id: 'marriageCertNumber',
      kind: 'text',
      required: true,
      maxLength: 50,
      showIf: MARRIED,
      label: { vi: 'Số Giấy chứng nhận kết hôn', en: 'Number of the marriage certificate' },
    },
    {
      id: 'marriageCertBook',
      kind: 'text',
      maxLength: 50,
      showIf: MARRIED,
      label: { vi: 'Quyển số', en: 'Register book number' },
      hint: { vi: 'Nếu có ghi trên giấy', en: 'If the certificate shows one' },
    },
    {
      id: 'marriageCertDate',
      kind: 'date',
      required: true,
      notFuture: true,
      minYear: 1945,
      showIf: MARRIED,
      label: { vi: 'Ngày đăng ký kết hôn', en: 'Date the marriage was registered' },
    },
    {
      id: 'marriageCertPlace',
      kind: 'text',
      required: true,
      maxLength: 200,
      showIf: MARRIED,
      label: { vi: 'Nơi đăng ký kết hôn', en: 'Where the marriage was registered' },
      hint: { vi: 'Ví dụ: UBND xã Hoằng Hóa, tỉnh Thanh Hóa', en: 'E.g. UBND xã Hoằng Hóa, tỉnh Thanh Hóa' },
    },
    keep('birthProofKind'),
    keep('birthProof'),
    keep('extraCopies'),
  ],
  rules: [
    { kind: 'year-before', year: 'motherBirthYear', date: 'childBirthDate' },
    { kind: 'year-before', year: 'fatherBirthYear', date: 'childBirthDate' },
    { kind: 'cccd-matches', cccd: 'motherCccd', birthYear: 'motherBirthYear', sexIs: 'female' },
    { kind: 'cccd-matches', cccd: 'fatherCccd', birthYear: 'fatherBirthYear', sexIs: 'male' },
  ],
  qrMap: KHAI_SINH.qrMap ?? {},
};

/** v1 → v2: the parents' birth dates become their years (the day and month are named as set aside). */
export const KHAI_SINH_MIGRATIONS: readonly FormMigration[] = [
  {
    formId: 'khai-sinh',
    from: 1,
    to: 2,
    steps: [
      { kind: 'date-to-year', field: 'motherBirthDate', to: 'motherBirthYear' },
      { kind: 'date-to-year', field: 'fatherBirthDate', to: 'fatherBirthYear' },
    ],
  },
];
