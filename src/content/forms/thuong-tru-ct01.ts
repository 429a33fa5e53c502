/**
 * Tờ khai thay đổi thông tin cư trú (mẫu CT01) for Đăng ký thường trú, procedure 1.004222:
 * who registers, where, on what basis (Luật Cư trú 2020, art. 20), the household head, and the
 * family members moving together.
 * source: Thông tư 66/2023/TT-BCA, mẫu CT01; Luật Cư trú 68/2020/QH14; verifiedOn: 2026-11-28.
 */
import type { FormDefinition } from '../../domain/form-schema';
import { ADDRESS_HINT, MEMBER_FIELDS, PHOTO_OR_PDF, SEX_OPTIONS } from './common';

export const THUONG_TRU_CT01: FormDefinition = {
  id: 'thuong-tru-ct01',
  version: 1,
  procedureCode: '1.004222',
  title: { vi: 'Đăng ký thường trú (Tờ khai CT01)', en: 'Permanent residence registration (form CT01)' },
  fields: [
    {
      id: 'fullName',
      isName: true,
      kind: 'text',
      required: true,
      maxLength: 100,
      autocomplete: 'name',
      label: { vi: 'Họ, chữ đệm và tên', en: 'Full name' },
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
    { id: 'phone', kind: 'phone', required: true, label: { vi: 'Số điện thoại', en: 'Phone number' } },
    { id: 'email', kind: 'email', label: { vi: 'Email', en: 'Email' } },
    {
      id: 'permanentAddress',
      kind: 'address',
      required: true,
      label: { vi: 'Địa chỉ đăng ký thường trú', en: 'Address of permanent residence' },
      hint: ADDRESS_HINT,
    },
    {
      id: 'basis',
      kind: 'choice',
      required: true,
      label: { vi: 'Đăng ký thường trú vào chỗ ở nào', en: 'Which home you register at' },
      options: [
        { value: 'own-home', label: { vi: 'Chỗ ở hợp pháp thuộc quyền sở hữu của tôi', en: 'A home I own' } },
        {
          value: 'family-home',
          label: {
            vi: 'Nhà của vợ, chồng, cha, mẹ, con hoặc người thân, được chủ hộ đồng ý',
            en: 'A spouse’s, parent’s, child’s or relative’s home, with the household head’s consent',
          },
        },
        { value: 'rented', label: { vi: 'Nhà thuê, mượn, ở nhờ', en: 'A rented or borrowed home' } },
        { value: 'other', label: { vi: 'Trường hợp khác', en: 'Another case' } },
      ],
    },
    {
      id: 'basisDetail',
      kind: 'longtext',
      required: true,
      maxLength: 500,
      showIf: { field: 'basis', equals: 'other' },
      label: { vi: 'Trình bày trường hợp của bạn', en: 'Describe your case' },
    },
    {
      id: 'headName',
      isName: true,
      kind: 'text',
      required: true,
      maxLength: 100,
      showIf: { field: 'basis', in: ['family-home', 'rented'] },
      label: { vi: 'Họ, chữ đệm và tên chủ hộ', en: 'Full name of the head of household' },
    },
    {
      id: 'headRelationship',
      kind: 'text',
      required: true,
      maxLength: 50,
      showIf: { field: 'basis', in: ['family-home', 'rented'] },
      label: { vi: 'Mối quan hệ với chủ hộ', en: 'Relationship to the head of household' },
    },
    {
      id: 'headCccd',
      kind: 'cccd',
      showIf: { field: 'basis', in: ['family-home', 'rented'] },
      label: { vi: 'Số định danh cá nhân của chủ hộ', en: 'Personal ID number of the head of household' },
    },
    {
      id: 'reason',
      kind: 'longtext',
      required: true,
      maxLength: 500,
      label: { vi: 'Nội dung đề nghị', en: 'Request' },
      hint: { vi: 'Ví dụ: chuyển về ở cùng bố mẹ', en: 'E.g. moving back to live with my parents' },
    },
    {
      id: 'movingTogether',
      kind: 'yesno',
      label: { vi: 'Có người cùng đăng ký thường trú với tôi', en: 'Other people register together with me' },
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
      id: 'lawfulHomeProof',
      kind: 'attachment',
      required: true,
      accept: PHOTO_OR_PDF,
      maxFiles: 5,
      showIf: {
        any: [
          { field: 'basis', equals: 'own-home' },
          { field: 'basis', equals: 'rented' },
        ],
      },
      label: { vi: 'Ảnh giấy tờ chứng minh chỗ ở hợp pháp', en: 'Photo of the proof of a lawful place to live' },
      hint: { vi: 'Ví dụ sổ đỏ, hợp đồng thuê nhà', en: 'E.g. the land certificate or the rental contract' },
    },
    {
      id: 'familyProof',
      kind: 'attachment',
      accept: PHOTO_OR_PDF,
      maxFiles: 5,
      showIf: { field: 'basis', equals: 'family-home' },
      label: { vi: 'Ảnh giấy tờ chứng minh quan hệ gia đình', en: 'Photo of the proof of the family relationship' },
      hint: {
        vi: 'Không cần nếu quan hệ đã có trong cơ sở dữ liệu dân cư',
        en: 'Not needed if the population database already shows it',
      },
    },
  ],
  qrMap: { fullName: 'fullName', birthDate: 'birthDate', sex: 'sex', cccd: 'cccd' },
};
