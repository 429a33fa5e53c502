/**
 * Tờ khai đăng ký kết hôn, procedure 1.000894: the woman and the man side by side, as on the
 * official form, with the legal ages of Luật Hôn nhân và gia đình 2014, art. 8 (man from full
 * 20, woman from full 18) checked on today's date.
 * source: Luật Hôn nhân và gia đình 52/2014/QH13 art. 8; Luật Hộ tịch 2014; mẫu tờ khai của
 * Thông tư 04/2020/TT-BTP; verifiedOn: 2026-11-28.
 */
import type { Field, FormDefinition } from '../../domain/form-schema';
import { ADDRESS_HINT, ETHNICITY_HINT, PHOTO_OR_PDF } from './common';

/** One side of the form; ids are prefixed `bride` / `groom` as on the two columns. */
const SIDE = {
  bride: { vi: 'bên nữ', en: 'the woman' },
  groom: { vi: 'bên nam', en: 'the man' },
} as const;

const side = (who: keyof typeof SIDE): Field[] => [
  {
    id: `${who}Name`,
    isName: true,
    kind: 'text',
    required: true,
    maxLength: 100,
    label: { vi: `Họ, chữ đệm và tên ${SIDE[who].vi}`, en: `Full name of ${SIDE[who].en}` },
  },
  {
    id: `${who}BirthDate`,
    kind: 'date',
    required: true,
    notFuture: true,
    minYear: 1900,
    label: { vi: `Ngày sinh ${SIDE[who].vi}`, en: `Date of birth of ${SIDE[who].en}` },
  },
  {
    id: `${who}Ethnicity`,
    kind: 'text',
    required: true,
    maxLength: 50,
    label: { vi: `Dân tộc ${SIDE[who].vi}`, en: `Ethnicity of ${SIDE[who].en}` },
    hint: ETHNICITY_HINT,
  },
  {
    id: `${who}Nationality`,
    kind: 'text',
    required: true,
    maxLength: 50,
    label: { vi: `Quốc tịch ${SIDE[who].vi}`, en: `Nationality of ${SIDE[who].en}` },
  },
  {
    id: `${who}Residence`,
    kind: 'address',
    required: true,
    label: { vi: `Nơi cư trú ${SIDE[who].vi}`, en: `Residence of ${SIDE[who].en}` },
    hint: ADDRESS_HINT,
  },
  {
    id: `${who}Cccd`,
    kind: 'cccd',
    required: true,
    label: { vi: `Số định danh cá nhân ${SIDE[who].vi}`, en: `Personal ID number of ${SIDE[who].en}` },
  },
  {
    id: `${who}MarriageNumber`,
    kind: 'number',
    required: true,
    integer: true,
    min: 1,
    max: 20,
    label: { vi: `Kết hôn lần thứ mấy (${SIDE[who].vi})`, en: `Which marriage this is for ${SIDE[who].en}` },
    hint: { vi: 'Lần đầu ghi 1', en: 'First marriage: 1' },
  },
];

export const KET_HON: FormDefinition = {
  id: 'ket-hon',
  version: 1,
  procedureCode: '1.000894',
  title: { vi: 'Đăng ký kết hôn (Tờ khai)', en: 'Marriage registration (declaration)' },
  fields: [
    ...side('bride'),
    ...side('groom'),
    { id: 'phone', kind: 'phone', required: true, label: { vi: 'Số điện thoại liên hệ', en: 'Contact phone number' } },
    {
      id: 'livesElsewhere',
      kind: 'yesno',
      label: { vi: 'Một bên cư trú ở xã khác', en: 'One partner lives in another commune' },
    },
    {
      id: 'maritalStatusProof',
      kind: 'attachment',
      required: true,
      accept: PHOTO_OR_PDF,
      maxFiles: 2,
      showIf: { field: 'livesElsewhere', equals: true },
      label: { vi: 'Ảnh Giấy xác nhận tình trạng hôn nhân', en: 'Photo of the certificate of marital status' },
      hint: { vi: 'Do xã nơi người đó cư trú cấp', en: 'Issued by that partner’s commune' },
    },
  ],
  rules: [
    { kind: 'min-age', birthDate: 'brideBirthDate', years: 18, code: 'marriage-age-woman' },
    { kind: 'min-age', birthDate: 'groomBirthDate', years: 20, code: 'marriage-age-man' },
    { kind: 'cccd-matches', cccd: 'brideCccd', birthDate: 'brideBirthDate', sexIs: 'female' },
    { kind: 'cccd-matches', cccd: 'groomCccd', birthDate: 'groomBirthDate', sexIs: 'male' },
  ],
};
