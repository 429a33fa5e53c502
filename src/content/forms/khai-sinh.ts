/**
 * Tờ khai đăng ký khai sinh, procedure 1.001193: the child, the mother and (when known) the
 * father, who files and how they are related, and the hospital's birth certificate.
 * source: Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP; mẫu tờ khai của Thông tư 04/2020/TT-BTP
 * (sửa đổi bởi Thông tư 04/2024/TT-BTP); verifiedOn: 2026-11-28.
 */
import type { FormDefinition } from '../../domain/form-schema';
import { ADDRESS_HINT, ETHNICITY_HINT, PHOTO_OR_PDF, REQUESTER_FIELDS, SEX_OPTIONS } from './common';

export const KHAI_SINH: FormDefinition = {
  id: 'khai-sinh',
  version: 1,
  procedureCode: '1.001193',
  title: { vi: 'Đăng ký khai sinh (Tờ khai)', en: 'Birth registration (declaration)' },
  fields: [
    ...REQUESTER_FIELDS,
    {
      id: 'requesterRelationship',
      kind: 'choice',
      required: true,
      label: { vi: 'Quan hệ với trẻ', en: 'Relationship to the child' },
      options: [
        { value: 'mother', label: { vi: 'Mẹ', en: 'Mother' } },
        { value: 'father', label: { vi: 'Cha', en: 'Father' } },
        { value: 'grandparent', label: { vi: 'Ông, bà', en: 'Grandparent' } },
        { value: 'relative', label: { vi: 'Người thân thích khác', en: 'Another relative' } },
        { value: 'other', label: { vi: 'Người khác (được ủy quyền)', en: 'Someone else (authorised)' } },
      ],
    },
    {
      id: 'childName',
      kind: 'text',
      required: true,
      maxLength: 100,
      label: { vi: 'Họ, chữ đệm và tên của trẻ', en: 'Child’s full name' },
      hint: { vi: 'Viết có dấu', en: 'With diacritics' },
    },
    {
      id: 'childBirthDate',
      kind: 'date',
      required: true,
      notFuture: true,
      minYear: 1900,
      label: { vi: 'Ngày, tháng, năm sinh của trẻ', en: 'Child’s date of birth' },
    },
    { id: 'childSex', kind: 'choice', required: true, options: SEX_OPTIONS, label: { vi: 'Giới tính của trẻ', en: 'Child’s sex' } },
    { id: 'childEthnicity', kind: 'text', required: true, maxLength: 50, label: { vi: 'Dân tộc', en: 'Ethnicity' }, hint: ETHNICITY_HINT },
    { id: 'childNationality', kind: 'text', required: true, maxLength: 50, label: { vi: 'Quốc tịch', en: 'Nationality' }, hint: { vi: 'Ví dụ: Việt Nam', en: 'E.g. Việt Nam' } },
    {
      id: 'birthPlaceKind',
      kind: 'choice',
      required: true,
      label: { vi: 'Trẻ sinh ở đâu', en: 'Where the child was born' },
      options: [
        { value: 'facility', label: { vi: 'Bệnh viện, trạm y tế, nhà hộ sinh', en: 'Hospital, health station or maternity home' } },
        { value: 'home', label: { vi: 'Tại nhà', en: 'At home' } },
        { value: 'other', label: { vi: 'Nơi khác (trên đường, ...)', en: 'Elsewhere (on the way, ...)' } },
      ],
    },
    {
      id: 'birthPlace',
      kind: 'text',
      required: true,
      maxLength: 300,
      label: { vi: 'Nơi sinh', en: 'Place of birth' },
      hint: { vi: 'Tên cơ sở y tế, hoặc xã/phường, tỉnh/thành phố', en: 'Name of the health facility, or commune/ward and province' },
    },
    { id: 'hometown', kind: 'text', maxLength: 200, label: { vi: 'Quê quán', en: 'Home town' }, hint: { vi: 'Thường theo quê của cha hoặc mẹ', en: 'Usually the father’s or mother’s' } },
    { id: 'motherName', kind: 'text', required: true, maxLength: 100, label: { vi: 'Họ, chữ đệm và tên người mẹ', en: 'Mother’s full name' } },
    { id: 'motherBirthDate', kind: 'date', required: true, notFuture: true, minYear: 1900, label: { vi: 'Ngày sinh của mẹ', en: 'Mother’s date of birth' } },
    { id: 'motherEthnicity', kind: 'text', required: true, maxLength: 50, label: { vi: 'Dân tộc của mẹ', en: 'Mother’s ethnicity' } },
    { id: 'motherNationality', kind: 'text', required: true, maxLength: 50, label: { vi: 'Quốc tịch của mẹ', en: 'Mother’s nationality' } },
    { id: 'motherCccd', kind: 'cccd', label: { vi: 'Số định danh cá nhân của mẹ', en: 'Mother’s personal ID number' } },
    { id: 'motherAddress', kind: 'address', required: true, label: { vi: 'Nơi cư trú của mẹ', en: 'Mother’s place of residence' }, hint: ADDRESS_HINT },
    {
      id: 'fatherKnown',
      kind: 'yesno',
      label: { vi: 'Khai cả thông tin người cha', en: 'Also declare the father' },
      hint: { vi: 'Bỏ trống nếu chưa xác định được cha', en: 'Leave unticked if the father is not established' },
    },
    { id: 'fatherName', kind: 'text', required: true, maxLength: 100, showIf: { field: 'fatherKnown', equals: true }, label: { vi: 'Họ, chữ đệm và tên người cha', en: 'Father’s full name' } },
    { id: 'fatherBirthDate', kind: 'date', required: true, notFuture: true, minYear: 1900, showIf: { field: 'fatherKnown', equals: true }, label: { vi: 'Ngày sinh của cha', en: 'Father’s date of birth' } },
    { id: 'fatherEthnicity', kind: 'text', required: true, maxLength: 50, showIf: { field: 'fatherKnown', equals: true }, label: { vi: 'Dân tộc của cha', en: 'Father’s ethnicity' } },
    { id: 'fatherNationality', kind: 'text', required: true, maxLength: 50, showIf: { field: 'fatherKnown', equals: true }, label: { vi: 'Quốc tịch của cha', en: 'Father’s nationality' } },
    { id: 'fatherCccd', kind: 'cccd', showIf: { field: 'fatherKnown', equals: true }, label: { vi: 'Số định danh cá nhân của cha', en: 'Father’s personal ID number' } },
    { id: 'fatherAddress', kind: 'address', required: true, showIf: { field: 'fatherKnown', equals: true }, label: { vi: 'Nơi cư trú của cha', en: 'Father’s place of residence' }, hint: ADDRESS_HINT },
    {
      id: 'birthProofKind',
      kind: 'choice',
      required: true,
      label: { vi: 'Giấy tờ chứng minh việc sinh', en: 'Proof of the birth' },
      options: [
        { value: 'birth-certificate', label: { vi: 'Giấy chứng sinh', en: 'Birth certificate from the hospital (giấy chứng sinh)' } },
        { value: 'witness', label: { vi: 'Văn bản của người làm chứng', en: 'A witness statement' } },
        { value: 'pledge', label: { vi: 'Giấy cam đoan về việc sinh', en: 'A signed declaration about the birth' } },
      ],
    },
    {
      id: 'birthProof',
      kind: 'attachment',
      required: true,
      accept: PHOTO_OR_PDF,
      maxFiles: 3,
      label: { vi: 'Ảnh giấy chứng sinh (hoặc giấy tờ thay thế)', en: 'Photo of the birth certificate (or the paper replacing it)' },
      hint: { vi: 'Chụp rõ cả trang, không bị lóa', en: 'The whole page, sharp and without glare' },
    },
    {
      id: 'extraCopies',
      kind: 'number',
      integer: true,
      min: 0,
      max: 10,
      label: { vi: 'Số bản sao trích lục muốn nhận thêm', en: 'Extra certified extracts wanted' },
    },
  ],
  rules: [
    { kind: 'date-order', before: 'motherBirthDate', after: 'childBirthDate', strict: true },
    { kind: 'date-order', before: 'fatherBirthDate', after: 'childBirthDate', strict: true },
    { kind: 'cccd-matches', cccd: 'motherCccd', birthDate: 'motherBirthDate', sexIs: 'female' },
    { kind: 'cccd-matches', cccd: 'fatherCccd', birthDate: 'fatherBirthDate', sexIs: 'male' },
  ],
  qrMap: { fullName: 'requesterName', cccd: 'requesterCccd' },
};
