/**
 * Tờ khai thay đổi thông tin cư trú (mẫu CT01, Thông tư 66/2023/TT-BCA) as used for
 * Đăng ký tạm trú, procedure 1.004194. Only the fields the declaration really asks for.
 */
import type { FormDefinition } from '../../domain/form-schema';

export const TAM_TRU_CT01: FormDefinition = {
  id: 'tam-tru-ct01',
  version: 1,
  procedureCode: '1.004194',
  title: { vi: 'Đăng ký tạm trú (Tờ khai CT01)', en: 'Temporary residence registration (form CT01)' },
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
    {
      id: 'sex',
      kind: 'choice',
      required: true,
      label: { vi: 'Giới tính', en: 'Sex' },
      options: [
        { value: 'male', label: { vi: 'Nam', en: 'Male' } },
        { value: 'female', label: { vi: 'Nữ', en: 'Female' } },
      ],
    },
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
      id: 'phone',
      kind: 'phone',
      required: true,
      label: { vi: 'Số điện thoại', en: 'Phone number' },
    },
    {
      id: 'currentAddress',
      kind: 'text',
      required: true,
      maxLength: 300,
      label: { vi: 'Nơi ở hiện tại', en: 'Current address' },
      hint: { vi: 'Thôn/tổ, xã/phường, tỉnh/thành phố', en: 'Village, commune/ward, province/city' },
    },
    {
      id: 'temporaryAddress',
      kind: 'text',
      required: true,
      maxLength: 300,
      label: { vi: 'Địa chỉ đăng ký tạm trú', en: 'Address of temporary residence' },
      hint: { vi: 'Thôn/tổ, xã/phường, tỉnh/thành phố', en: 'Village, commune/ward, province/city' },
    },
    {
      id: 'reason',
      kind: 'longtext',
      required: true,
      maxLength: 500,
      label: { vi: 'Nội dung đề nghị (lý do tạm trú)', en: 'Request (reason for the stay)' },
      hint: { vi: 'Ví dụ: đi làm, đi học, ở cùng người thân', en: 'E.g. work, study, living with relatives' },
    },
    {
      id: 'startDate',
      kind: 'date',
      required: true,
      minYear: 2000,
      label: { vi: 'Ngày bắt đầu tạm trú', en: 'Start date of the stay' },
    },
  ],
};
