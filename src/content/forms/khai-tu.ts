/**
 * Tờ khai đăng ký khai tử, procedure 1.000656: who died, when and where, who files, and the
 * death notice (giấy báo tử) or the paper replacing it.
 * source: Luật Hộ tịch 2014 (art. 33–34); Nghị định 123/2015/NĐ-CP; mẫu tờ khai của Thông tư
 * 04/2020/TT-BTP (sửa đổi bởi Thông tư 04/2024/TT-BTP); verifiedOn: 2026-11-28.
 */
import type { FormDefinition } from '../../domain/form-schema';
import { ADDRESS_HINT, ETHNICITY_HINT, PHOTO_OR_PDF, REQUESTER_FIELDS, SEX_OPTIONS } from './common';

export const KHAI_TU: FormDefinition = {
  id: 'khai-tu',
  version: 1,
  procedureCode: '1.000656',
  title: { vi: 'Đăng ký khai tử (Tờ khai)', en: 'Death registration (declaration)' },
  fields: [
    ...REQUESTER_FIELDS,
    {
      id: 'requesterRelationship',
      kind: 'text',
      required: true,
      maxLength: 50,
      label: { vi: 'Quan hệ với người đã mất', en: 'Relationship to the deceased' },
      hint: { vi: 'Ví dụ: con, vợ, chồng, cháu', en: 'E.g. child, wife, husband, grandchild' },
    },
    {
      id: 'deceasedName',
      isName: true,
      kind: 'text',
      required: true,
      maxLength: 100,
      label: { vi: 'Họ, chữ đệm và tên người đã mất', en: 'Full name of the deceased' },
    },
    {
      id: 'deceasedBirthDate',
      kind: 'date',
      required: true,
      notFuture: true,
      minYear: 1880,
      label: { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' },
    },
    { id: 'deceasedSex', kind: 'choice', required: true, options: SEX_OPTIONS, label: { vi: 'Giới tính', en: 'Sex' } },
    {
      id: 'deceasedEthnicity',
      kind: 'text',
      required: true,
      maxLength: 50,
      label: { vi: 'Dân tộc', en: 'Ethnicity' },
      hint: ETHNICITY_HINT,
    },
    { id: 'deceasedNationality', kind: 'text', required: true, maxLength: 50, label: { vi: 'Quốc tịch', en: 'Nationality' } },
    {
      id: 'deceasedCccd',
      kind: 'cccd',
      sexField: 'deceasedSex',
      birthDateField: 'deceasedBirthDate',
      label: { vi: 'Số định danh cá nhân của người đã mất', en: 'Personal ID number of the deceased' },
    },
    {
      id: 'lastResidence',
      kind: 'address',
      required: true,
      label: { vi: 'Nơi cư trú cuối cùng', en: 'Last place of residence' },
      hint: ADDRESS_HINT,
    },
    { id: 'deathDate', kind: 'date', required: true, notFuture: true, minYear: 1945, label: { vi: 'Ngày mất', en: 'Date of death' } },
    {
      id: 'deathTime',
      kind: 'text',
      maxLength: 5,
      label: { vi: 'Giờ mất', en: 'Time of death' },
      hint: { vi: 'Nếu biết, ví dụ 14:30', en: 'If known, e.g. 14:30' },
    },
    { id: 'deathPlace', kind: 'text', required: true, maxLength: 300, label: { vi: 'Nơi mất', en: 'Place of death' } },
    { id: 'deathCause', kind: 'text', maxLength: 200, label: { vi: 'Nguyên nhân mất', en: 'Cause of death' } },
    {
      id: 'deathNotice',
      kind: 'attachment',
      required: true,
      accept: PHOTO_OR_PDF,
      maxFiles: 3,
      label: { vi: 'Ảnh giấy báo tử (hoặc giấy tờ thay thế)', en: 'Photo of the death notice (or the paper replacing it)' },
      hint: {
        vi: 'Do bệnh viện, UBND xã hoặc cơ quan công an cấp',
        en: 'Issued by the hospital, the commune People’s Committee or the police',
      },
    },
  ],
  rules: [{ kind: 'date-order', before: 'deceasedBirthDate', after: 'deathDate' }],
  qrMap: { fullName: 'requesterName', cccd: 'requesterCccd' },
};
