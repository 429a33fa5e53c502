/**
 * Tờ khai cấp Giấy xác nhận tình trạng hôn nhân, procedure 1.004873: who asks, their marital
 * status and its history, and what the certificate is for (to marry whom, or another purpose).
 * source: Nghị định 123/2015/NĐ-CP art. 21–23; mẫu tờ khai của Thông tư 04/2020/TT-BTP
 * (sửa đổi bởi Thông tư 04/2024/TT-BTP); verifiedOn: 2026-11-28.
 */
import type { FormDefinition } from '../../domain/form-schema';
import { ADDRESS_HINT, ETHNICITY_HINT, PHOTO_OR_PDF, SEX_OPTIONS } from './common';

const MARRIED_BEFORE = { field: 'maritalStatus', in: ['divorced', 'widowed'] } as const;

export const XAC_NHAN_HON_NHAN: FormDefinition = {
  id: 'xac-nhan-hon-nhan',
  version: 1,
  procedureCode: '1.004873',
  title: { vi: 'Xác nhận tình trạng hôn nhân (Tờ khai)', en: 'Certificate of marital status (application)' },
  fields: [
    {
      id: 'fullName',
      isName: true,
      kind: 'text',
      required: true,
      maxLength: 100,
      autocomplete: 'name',
      label: { vi: 'Họ, chữ đệm và tên', en: 'Full name' },
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
    { id: 'ethnicity', kind: 'text', required: true, maxLength: 50, label: { vi: 'Dân tộc', en: 'Ethnicity' }, hint: ETHNICITY_HINT },
    { id: 'nationality', kind: 'text', required: true, maxLength: 50, label: { vi: 'Quốc tịch', en: 'Nationality' } },
    {
      id: 'cccd',
      kind: 'cccd',
      required: true,
      sexField: 'sex',
      birthDateField: 'birthDate',
      label: { vi: 'Số định danh cá nhân (CCCD)', en: 'Personal ID number (CCCD)' },
    },
    { id: 'residence', kind: 'address', required: true, label: { vi: 'Nơi cư trú', en: 'Place of residence' }, hint: ADDRESS_HINT },
    { id: 'phone', kind: 'phone', required: true, label: { vi: 'Số điện thoại', en: 'Phone number' } },
    {
      id: 'maritalStatus',
      kind: 'choice',
      required: true,
      label: { vi: 'Tình trạng hôn nhân hiện nay', en: 'Marital status now' },
      options: [
        { value: 'never-married', label: { vi: 'Chưa đăng ký kết hôn với ai', en: 'Never married' } },
        { value: 'married', label: { vi: 'Đang có vợ/chồng', en: 'Married' } },
        { value: 'divorced', label: { vi: 'Đã ly hôn', en: 'Divorced' } },
        { value: 'widowed', label: { vi: 'Vợ/chồng đã mất', en: 'Widowed' } },
      ],
    },
    {
      id: 'spouseName',
      isName: true,
      kind: 'text',
      required: true,
      maxLength: 100,
      showIf: { field: 'maritalStatus', equals: 'married' },
      label: { vi: 'Họ, chữ đệm và tên vợ/chồng', en: 'Spouse’s full name' },
    },
    {
      id: 'previousMarriageEnded',
      kind: 'date',
      required: true,
      notFuture: true,
      minYear: 1945,
      showIf: MARRIED_BEFORE,
      label: { vi: 'Ngày ly hôn hoặc ngày vợ/chồng mất', en: 'Date of the divorce or of the spouse’s death' },
    },
    {
      id: 'previousMarriageProof',
      kind: 'attachment',
      required: true,
      accept: PHOTO_OR_PDF,
      maxFiles: 3,
      showIf: MARRIED_BEFORE,
      label: { vi: 'Ảnh bản án ly hôn hoặc trích lục khai tử', en: 'Photo of the divorce judgment or the death extract' },
    },
    {
      id: 'purpose',
      kind: 'choice',
      required: true,
      label: { vi: 'Mục đích sử dụng giấy xác nhận', en: 'What the certificate is for' },
      options: [
        { value: 'marriage', label: { vi: 'Để đăng ký kết hôn', en: 'To register a marriage' } },
        {
          value: 'other',
          label: { vi: 'Mục đích khác (mua bán nhà đất, vay vốn, ...)', en: 'Another purpose (property sale, a loan, ...)' },
        },
      ],
    },
    {
      id: 'partnerName',
      isName: true,
      kind: 'text',
      required: true,
      maxLength: 100,
      showIf: { field: 'purpose', equals: 'marriage' },
      label: { vi: 'Họ, chữ đệm và tên người dự định kết hôn', en: 'Full name of the person you intend to marry' },
    },
    {
      id: 'partnerBirthDate',
      kind: 'date',
      required: true,
      notFuture: true,
      minYear: 1900,
      showIf: { field: 'purpose', equals: 'marriage' },
      label: { vi: 'Ngày sinh người dự định kết hôn', en: 'Their date of birth' },
    },
    {
      id: 'partnerNationality',
      kind: 'text',
      required: true,
      maxLength: 50,
      showIf: { field: 'purpose', equals: 'marriage' },
      label: { vi: 'Quốc tịch người dự định kết hôn', en: 'Their nationality' },
    },
    {
      id: 'marriagePlace',
      kind: 'text',
      required: true,
      maxLength: 200,
      showIf: { field: 'purpose', equals: 'marriage' },
      label: { vi: 'Nơi dự định đăng ký kết hôn', en: 'Where you intend to register the marriage' },
    },
    {
      id: 'purposeDetail',
      kind: 'text',
      required: true,
      maxLength: 200,
      showIf: { field: 'purpose', equals: 'other' },
      label: { vi: 'Ghi rõ mục đích', en: 'State the purpose' },
    },
    {
      id: 'periodFrom',
      kind: 'date',
      minYear: 1900,
      notFuture: true,
      label: { vi: 'Xác nhận cho thời gian cư trú từ ngày', en: 'Confirm for the residence period from' },
      hint: { vi: 'Chỉ ghi khi cần xác nhận cho một thời gian đã qua', en: 'Only when a past period must be confirmed' },
    },
    {
      id: 'periodTo',
      kind: 'date',
      minYear: 1900,
      notFuture: true,
      required: true,
      showIf: { field: 'periodFrom', notEmpty: true },
      label: { vi: 'đến ngày', en: 'to' },
    },
  ],
  rules: [
    { kind: 'date-order', before: 'periodFrom', after: 'periodTo' },
    { kind: 'date-order', before: 'birthDate', after: 'previousMarriageEnded' },
    {
      kind: 'min-age',
      birthDate: 'birthDate',
      years: 20,
      code: 'marriage-age-man',
      when: {
        all: [
          { field: 'purpose', equals: 'marriage' },
          { field: 'sex', equals: 'male' },
        ],
      },
    },
    {
      kind: 'min-age',
      birthDate: 'birthDate',
      years: 18,
      code: 'marriage-age-woman',
      when: {
        all: [
          { field: 'purpose', equals: 'marriage' },
          { field: 'sex', equals: 'female' },
        ],
      },
    },
  ],
  qrMap: { fullName: 'fullName', birthDate: 'birthDate', sex: 'sex', cccd: 'cccd', address: 'residence' },
};
