/**
 * Tờ khai đề nghị trợ giúp xã hội (mẫu 1a of Nghị định 20/2021/NĐ-CP), procedure 1.001776: who
 * the allowance is for, which group of art. 5 they belong to, and only the questions that group
 * needs (disability level, children raised alone, pension). Ages of art. 5 are rules: the
 * elderly groups are checked against the birth date.
 * source: Nghị định 20/2021/NĐ-CP art. 5 and mẫu 1a, sửa đổi bởi Nghị định 76/2024/NĐ-CP;
 * verifiedOn: 2026-11-28.
 */
import type { Condition, FormDefinition } from '../../domain/form-schema';
import { ADDRESS_HINT, PHOTO_OR_PDF, SEX_OPTIONS } from './common';

/** Shown only for one beneficiary group. */
const categoryIs = (value: string): Condition => ({ field: 'category', equals: value });
const BY_BANK: Condition = { field: 'payment', equals: 'bank' };

export const TRO_CAP_XA_HOI: FormDefinition = {
  id: 'tro-cap-xa-hoi',
  version: 1,
  procedureCode: '1.001776',
  title: { vi: 'Trợ cấp xã hội hằng tháng (Tờ khai)', en: 'Monthly social allowance (application)' },
  fields: [
    {
      id: 'fullName',
      isName: true,
      kind: 'text',
      required: true,
      maxLength: 100,
      label: { vi: 'Họ, chữ đệm và tên người được trợ cấp', en: 'Full name of the person the allowance is for' },
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
      sexField: 'sex',
      birthDateField: 'birthDate',
      label: { vi: 'Số định danh cá nhân (CCCD)', en: 'Personal ID number (CCCD)' },
      hint: { vi: 'Trẻ em chưa có thẻ thì để trống', en: 'Leave empty for a child without a card' },
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
    {
      id: 'category',
      kind: 'choice',
      required: true,
      label: { vi: 'Thuộc nhóm nào', en: 'Which group' },
      options: [
        {
          value: 'elderly-80',
          label: {
            vi: 'Người từ đủ 80 tuổi, không có lương hưu hay trợ cấp bảo hiểm xã hội hằng tháng',
            en: 'Aged 80 or over, with no pension or monthly social insurance allowance',
          },
        },
        {
          value: 'elderly-poor',
          label: {
            vi: 'Người cao tuổi (từ đủ 60 tuổi) thuộc hộ nghèo, không có người phụng dưỡng',
            en: 'Aged 60 or over in a poor household, with nobody to support them',
          },
        },
        {
          value: 'disability',
          label: { vi: 'Người khuyết tật nặng hoặc đặc biệt nặng', en: 'Person with a severe or very severe disability' },
        },
        {
          value: 'single-parent',
          label: { vi: 'Người đơn thân thuộc hộ nghèo đang nuôi con nhỏ', en: 'Single parent in a poor household raising young children' },
        },
        {
          value: 'orphan',
          label: { vi: 'Trẻ em dưới 16 tuổi không có nguồn nuôi dưỡng', en: 'Child under 16 with no one to provide for them' },
        },
        { value: 'hiv-poor', label: { vi: 'Người nhiễm HIV/AIDS thuộc hộ nghèo', en: 'Person living with HIV/AIDS in a poor household' } },
      ],
    },
    {
      id: 'hasPension',
      kind: 'yesno',
      showIf: { field: 'category', in: ['elderly-80', 'elderly-poor'] },
      label: {
        vi: 'Đang hưởng lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng',
        en: 'Receives a pension or a monthly social insurance allowance',
      },
    },
    {
      id: 'disabilityLevel',
      kind: 'choice',
      required: true,
      showIf: categoryIs('disability'),
      label: { vi: 'Mức độ khuyết tật', en: 'Level of disability' },
      options: [
        { value: 'severe', label: { vi: 'Nặng', en: 'Severe' } },
        { value: 'very-severe', label: { vi: 'Đặc biệt nặng', en: 'Very severe' } },
      ],
    },
    {
      id: 'disabilityCertificate',
      kind: 'attachment',
      required: true,
      accept: PHOTO_OR_PDF,
      maxFiles: 2,
      showIf: categoryIs('disability'),
      label: { vi: 'Ảnh giấy xác nhận khuyết tật', en: 'Photo of the disability certificate' },
    },
    {
      id: 'children',
      kind: 'group',
      required: true,
      minItems: 1,
      maxItems: 10,
      showIf: categoryIs('single-parent'),
      itemLabel: { vi: 'Con đang nuôi', en: 'Child being raised' },
      label: { vi: 'Các con đang nuôi', en: 'Children being raised' },
      fields: [
        {
          id: 'fullName',
          isName: true,
          kind: 'text',
          required: true,
          maxLength: 100,
          label: { vi: 'Họ, chữ đệm và tên của con', en: 'Child’s full name' },
        },
        {
          id: 'birthDate',
          kind: 'date',
          required: true,
          notFuture: true,
          minYear: 1990,
          label: { vi: 'Ngày sinh của con', en: 'Child’s date of birth' },
        },
        { id: 'inSchool', kind: 'yesno', label: { vi: 'Đang đi học', en: 'Still at school' } },
      ],
    },
    {
      id: 'circumstances',
      kind: 'longtext',
      required: true,
      maxLength: 1000,
      showIf: { any: [categoryIs('orphan'), categoryIs('elderly-poor'), categoryIs('hiv-poor')] },
      label: { vi: 'Hoàn cảnh hiện nay', en: 'Current circumstances' },
      hint: { vi: 'Ví dụ: sống một mình, không có người chăm sóc', en: 'E.g. lives alone, nobody to care for them' },
    },
    {
      id: 'payment',
      kind: 'choice',
      required: true,
      label: { vi: 'Nhận tiền trợ cấp qua', en: 'Receive the allowance by' },
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
    { id: 'contactPhone', kind: 'phone', required: true, label: { vi: 'Số điện thoại liên hệ', en: 'Contact phone number' } },
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
      showIf: { field: 'filedByOther', equals: true },
      label: { vi: 'Họ, chữ đệm và tên người khai thay', en: 'Full name of the person filling in' },
    },
    {
      id: 'filerRelationship',
      kind: 'text',
      required: true,
      maxLength: 50,
      showIf: { field: 'filedByOther', equals: true },
      label: { vi: 'Quan hệ với người được trợ cấp', en: 'Relationship to the person' },
    },
  ],
  rules: [
    { kind: 'min-age', birthDate: 'birthDate', years: 80, when: categoryIs('elderly-80'), code: 'min-age' },
    { kind: 'min-age', birthDate: 'birthDate', years: 60, when: categoryIs('elderly-poor'), code: 'min-age' },
  ],
  qrMap: { fullName: 'fullName', birthDate: 'birthDate', sex: 'sex', cccd: 'cccd', address: 'residence' },
};
