/**
 * Tờ khai đề nghị hưởng trợ cấp hưu trí xã hội (Nghị định 176/2025/NĐ-CP): a citizen aged 75 or
 * more, or 70 to 74 in a poor or near-poor household, without a pension or a monthly social
 * insurance allowance. The ages are rules checked on the birth date; the payment and who fills in
 * for the elderly person as in the social allowance form. The procedure's national code is not
 * confirmed yet, so the form names the catalogue slug (see FormDefinition.procedureCode).
 * source: Luật Bảo hiểm xã hội 41/2024/QH15 art. 21–22; Nghị định 176/2025/NĐ-CP (mẫu tờ khai);
 * verifiedOn: 2026-12-01.
 */
import type { Condition, FormDefinition } from '../../domain/form-schema';
import { ADDRESS_HINT, SEX_OPTIONS } from './common';

const GROUP_75: Condition = { field: 'group', equals: '75-plus' };
const GROUP_70: Condition = { field: 'group', equals: '70-74-poor' };
const BY_BANK: Condition = { field: 'payment', equals: 'bank' };
const BY_OTHER: Condition = { field: 'filedByOther', equals: true };

export const TRO_CAP_HUU_TRI_XA_HOI: FormDefinition = {
  id: 'tro-cap-huu-tri-xa-hoi',
  version: 1,
  procedureCode: 'tro-cap-huu-tri-xa-hoi',
  title: { vi: 'Trợ cấp hưu trí xã hội (Tờ khai)', en: 'Social pension (application)' },
  fields: [
    {
      id: 'fullName',
      isName: true,
      kind: 'text',
      required: true,
      maxLength: 100,
      label: { vi: 'Họ, chữ đệm và tên người đề nghị', en: 'Full name of the applicant' },
      hint: { vi: 'Viết có dấu, như trên căn cước', en: 'With diacritics, as on the ID card' },
    },
    {
      id: 'birthDate',
      kind: 'date',
      required: true,
      notFuture: true,
      minYear: 1900,
      label: { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' },
    },
    { id: 'sex', kind: 'choice', required: true, options: SEX_OPTIONS, label: { vi: 'Giới tính', en: 'Sex' } },
    {
      id: 'cccd',
      kind: 'cccd',
      required: true,
      sexField: 'sex',
      birthDateField: 'birthDate',
      label: { vi: 'Số định danh cá nhân (CCCD)', en: 'Personal ID number (CCCD)' },
      hint: { vi: '12 chữ số trên thẻ căn cước', en: 'The 12 digits on the ID card' },
    },
    {
      id: 'age',
      kind: 'computed',
      compute: 'age-years',
      args: { birthDate: 'birthDate' },
      unit: 'years',
      label: { vi: 'Tuổi', en: 'Age' },
    },
    { id: 'residence', kind: 'address', required: true, label: { vi: 'Nơi cư trú', en: 'Place of residence' }, hint: ADDRESS_HINT },
    { id: 'contactPhone', kind: 'phone', required: true, label: { vi: 'Số điện thoại liên hệ', en: 'Contact phone number' } },
    {
      id: 'group',
      kind: 'choice',
      required: true,
      label: { vi: 'Đề nghị hưởng theo trường hợp nào', en: 'Which case applies' },
      options: [
        { value: '75-plus', label: { vi: 'Từ đủ 75 tuổi trở lên', en: 'Aged 75 or over' } },
        {
          value: '70-74-poor',
          label: {
            vi: 'Từ đủ 70 đến dưới 75 tuổi, thuộc hộ nghèo hoặc hộ cận nghèo',
            en: 'Aged 70 to 74, in a poor or near-poor household',
          },
        },
      ],
    },
    {
      id: 'householdStatus',
      kind: 'choice',
      required: true,
      showIf: GROUP_70,
      label: { vi: 'Hộ gia đình đang là', en: 'The household is' },
      options: [
        { value: 'poor', label: { vi: 'Hộ nghèo', en: 'A poor household' } },
        { value: 'near-poor', label: { vi: 'Hộ cận nghèo', en: 'A near-poor household' } },
      ],
    },
    {
      id: 'hasPension',
      kind: 'yesno',
      label: {
        vi: 'Đang hưởng lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng',
        en: 'Receives a pension or a monthly social insurance allowance',
      },
    },
    {
      id: 'pensionAmount',
      kind: 'number',
      required: true,
      integer: true,
      min: 0,
      max: 100_000_000,
      showIf: { field: 'hasPension', equals: true },
      label: { vi: 'Mức đang hưởng mỗi tháng (đồng)', en: 'Amount received each month (đồng)' },
      hint: { vi: 'Cán bộ xã sẽ đối chiếu với mức trợ cấp hưu trí xã hội', en: 'The commune compares it with the social pension' },
    },
    {
      id: 'hasSocialAllowance',
      kind: 'yesno',
      label: { vi: 'Đang hưởng trợ cấp xã hội hằng tháng', en: 'Receives the monthly social allowance' },
      hint: {
        vi: 'Ví dụ trợ cấp người cao tuổi đã được duyệt trước 01/7/2025',
        en: 'E.g. an old-age allowance granted before 1 July 2025',
      },
    },
    {
      id: 'payment',
      kind: 'choice',
      required: true,
      label: { vi: 'Nhận tiền trợ cấp qua', en: 'Receive the payments by' },
      options: [
        { value: 'cash', label: { vi: 'Tiền mặt tại xã hoặc bưu điện', en: 'Cash at the commune or the post office' } },
        { value: 'bank', label: { vi: 'Tài khoản ngân hàng', en: 'Bank account' } },
      ],
    },
    {
      id: 'bankName',
      kind: 'text',
      isName: true,
      required: true,
      maxLength: 100,
      showIf: BY_BANK,
      label: { vi: 'Tên ngân hàng', en: 'Bank name' },
    },
    {
      id: 'bankAccount',
      kind: 'text',
      required: true,
      maxLength: 30,
      showIf: BY_BANK,
      label: { vi: 'Số tài khoản', en: 'Account number' },
    },
    {
      id: 'filedByOther',
      kind: 'yesno',
      label: { vi: 'Người khác khai thay', en: 'Someone else fills this in for them' },
    },
    {
      id: 'filerName',
      isName: true,
      kind: 'text',
      required: true,
      maxLength: 100,
      showIf: BY_OTHER,
      label: { vi: 'Họ, chữ đệm và tên người khai thay', en: 'Full name of the person filling in' },
    },
    {
      id: 'filerRelationship',
      kind: 'text',
      required: true,
      maxLength: 50,
      showIf: BY_OTHER,
      label: { vi: 'Quan hệ với người đề nghị', en: 'Relationship to the applicant' },
    },
  ],
  rules: [
    { kind: 'min-age', birthDate: 'birthDate', years: 75, when: GROUP_75, code: 'min-age' },
    { kind: 'min-age', birthDate: 'birthDate', years: 70, when: GROUP_70, code: 'min-age' },
  ],
  qrMap: { fullName: 'fullName', birthDate: 'birthDate', sex: 'sex', cccd: 'cccd', address: 'residence' },
};
