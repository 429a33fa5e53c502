/** Options and field pieces several forms share (plain data: no functions end up in a form). */
import type { AttachmentType, ChoiceOption, Field } from '../../domain/form-schema';

/** Date the forms were last compared with the official templates. */
export const FORMS_VERIFIED_ON = '2026-11-28';

export const SEX_OPTIONS: readonly ChoiceOption[] = [
  { value: 'male', label: { vi: 'Nam', en: 'Male' } },
  { value: 'female', label: { vi: 'Nữ', en: 'Female' } },
];

export const PHOTO_OR_PDF: readonly AttachmentType[] = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];

export const ETHNICITY_HINT = { vi: 'Ví dụ: Kinh, Tày, Thái, Mường', en: 'E.g. Kinh, Tày, Thái, Mường' } as const;

export const ADDRESS_HINT = {
  vi: 'Chọn xã/phường, tỉnh/thành phố rồi ghi thôn/tổ, số nhà; hoặc ghi cả địa chỉ',
  en: 'Pick the commune/ward and province, then the village and house number; or type the whole address',
} as const;

/** Who files for someone else, and how they are related (birth and death registration). */
export const REQUESTER_FIELDS: readonly Field[] = [
  {
    id: 'requesterName',
    isName: true,
    kind: 'text',
    required: true,
    maxLength: 100,
    autocomplete: 'name',
    label: { vi: 'Họ, chữ đệm và tên người yêu cầu', en: 'Full name of the person filing' },
    hint: { vi: 'Viết có dấu, như trên căn cước', en: 'With diacritics, as on the ID card' },
  },
  {
    id: 'requesterCccd',
    kind: 'cccd',
    required: true,
    label: { vi: 'Số định danh cá nhân của người yêu cầu', en: 'Personal ID number of the person filing' },
    hint: { vi: '12 chữ số trên thẻ căn cước', en: 'The 12 digits on the ID card' },
  },
  {
    id: 'requesterPhone',
    kind: 'phone',
    required: true,
    label: { vi: 'Số điện thoại liên hệ', en: 'Contact phone number' },
  },
];

/** One person moving together with the declarant (CT01, table "Những thành viên … cùng thay đổi"). */
export const MEMBER_FIELDS: readonly Field[] = [
  { id: 'fullName', kind: 'text', isName: true, required: true, maxLength: 100, label: { vi: 'Họ, chữ đệm và tên', en: 'Full name' } },
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
    label: { vi: 'Số định danh cá nhân', en: 'Personal ID number' },
    hint: { vi: 'Trẻ em chưa có thẻ thì có thể để trống', en: 'May be left empty for a child without a card' },
  },
  {
    id: 'relationship',
    kind: 'text',
    required: true,
    maxLength: 50,
    label: { vi: 'Mối quan hệ với chủ hộ', en: 'Relationship to the head of household' },
    hint: { vi: 'Ví dụ: vợ, con, cháu', en: 'E.g. wife, child, grandchild' },
  },
];
