/**
 * Pieces of the CT01 declaration as reissued by Thông tư 53/2025/TT-BCA (from 01/07/2025), shared
 * by the temporary and permanent residence forms: the addressee, field 1 "Họ, chữ đệm và tên khai
 * sinh", and the written consent of the household head, of the home's lawful owner and, for a
 * minor, of a parent or guardian. New exports only: the older form versions keep their own fields.
 * source: Thông tư 53/2025/TT-BCA, mẫu CT01; Luật Cư trú 68/2020/QH14 art. 20–21, 27–28;
 * verifiedOn: 2026-12-01.
 */
import type { Condition, Field, FormRule } from '../../domain/form-schema';
import type { Localized } from '../../domain/localized';
import { PHOTO_OR_PDF } from './common';

export const ADDRESSEE: Field = {
  id: 'addressee',
  kind: 'text',
  maxLength: 200,
  label: { vi: 'Kính gửi (cơ quan đăng ký cư trú)', en: 'To (the residence registration office)' },
  hint: {
    vi: 'Ví dụ: Công an xã Hoằng Hóa. Để trống thì hồ sơ gửi Công an xã, phường nơi bạn đăng ký.',
    en: 'E.g. Công an xã Hoằng Hóa. Left empty, the dossier goes to the police of the commune or ward where you register.',
  },
};

/** Field 1 of the 2025 form: the name as in the birth register. */
export const BIRTH_NAME: Field = {
  id: 'fullName',
  isName: true,
  kind: 'text',
  required: true,
  maxLength: 100,
  autocomplete: 'name',
  label: { vi: 'Họ, chữ đệm và tên khai sinh', en: 'Full name as registered at birth' },
  hint: { vi: 'Viết có dấu, như trên giấy khai sinh và căn cước', en: 'With diacritics, as on the birth certificate and the ID card' },
};

interface Who {
  /** Lower case, inside a sentence. */
  name: Localized;
  /** Capitalised, at the start of a sentence. */
  subject: Localized;
}

const HEAD: Who = {
  name: { vi: 'chủ hộ', en: 'the household head' },
  subject: { vi: 'Chủ hộ', en: 'The household head' },
};
const OWNER: Who = {
  name: { vi: 'chủ sở hữu chỗ ở hợp pháp', en: 'the lawful owner of the home' },
  subject: { vi: 'Chủ sở hữu chỗ ở hợp pháp', en: 'The lawful owner of the home' },
};
const GUARDIAN: Who = {
  name: { vi: 'cha, mẹ hoặc người giám hộ', en: 'a parent or guardian' },
  subject: { vi: 'Cha, mẹ hoặc người giám hộ', en: 'A parent or guardian' },
};

/** How the consent written on CT01 is given, and the photo of it when it is a separate paper. */
function consent(prefix: 'head' | 'owner' | 'guardian', who: Who, showIf: Condition): Field[] {
  const id = `${prefix}Consent`;
  return [
    {
      id,
      kind: 'choice',
      required: true,
      showIf,
      label: { vi: `Ý kiến đồng ý của ${who.name.vi}`, en: `Consent of ${who.name.en}` },
      hint: { vi: 'Cán bộ tiếp nhận sẽ kiểm tra ý kiến này.', en: 'The receiving officer checks this consent.' },
      options: [
        {
          value: 'on-form',
          label: {
            vi: `${who.subject.vi} ghi ý kiến đồng ý và ký vào tờ khai`,
            en: `${who.subject.en} writes their consent on the form and signs it`,
          },
        },
        {
          value: 'document',
          label: {
            vi: `Có văn bản đồng ý riêng của ${who.name.vi} (chụp ảnh gửi kèm)`,
            en: `A separate written consent of ${who.name.en} (photo attached)`,
          },
        },
        {
          value: 'vneid',
          label: {
            vi: `${who.subject.vi} xác nhận đồng ý trên ứng dụng VNeID`,
            en: `${who.subject.en} confirms the consent in the VNeID app`,
          },
        },
      ],
    },
    {
      id: `${prefix}ConsentProof`,
      kind: 'attachment',
      required: true,
      accept: PHOTO_OR_PDF,
      maxFiles: 3,
      showIf: { all: [showIf, { field: id, equals: 'document' }] },
      label: { vi: `Ảnh văn bản đồng ý của ${who.name.vi}`, en: `Photo of the written consent of ${who.name.en}` },
    },
  ];
}

/** The household head's consent, shown with the head's details (fields 7–9). */
export const headConsent = (showIf: Condition): Field[] => consent('head', HEAD, showIf);

/** The lawful owner of the home, when the declarant is not the owner, and their consent. */
export function ownerFields(showIf: Condition): Field[] {
  return [
    {
      id: 'ownerName',
      isName: true,
      kind: 'text',
      required: true,
      maxLength: 100,
      showIf,
      label: { vi: 'Họ, chữ đệm và tên chủ sở hữu chỗ ở hợp pháp', en: 'Full name of the lawful owner of the home' },
      hint: {
        vi: 'Nếu chủ sở hữu cũng là chủ hộ, ghi lại tên chủ hộ',
        en: 'If the owner is also the household head, give the head’s name again',
      },
    },
    {
      id: 'ownerCccd',
      kind: 'cccd',
      showIf,
      label: { vi: 'Số định danh cá nhân của chủ sở hữu', en: 'Personal ID number of the owner' },
    },
    ...consent('owner', OWNER, showIf),
  ];
}

const MINOR: Condition = { field: 'isMinor', equals: true };

/** A declarant under 18 registers with the consent of a parent or guardian. */
export const MINOR_FIELDS: readonly Field[] = [
  {
    id: 'isMinor',
    kind: 'yesno',
    label: { vi: 'Người đăng ký chưa đủ 18 tuổi', en: 'The person registering is under 18' },
    hint: {
      vi: 'Khi đó cần ý kiến đồng ý của cha, mẹ hoặc người giám hộ',
      en: 'A parent or guardian must then give their consent',
    },
  },
  {
    id: 'guardianName',
    isName: true,
    kind: 'text',
    required: true,
    maxLength: 100,
    showIf: MINOR,
    label: { vi: 'Họ, chữ đệm và tên cha, mẹ hoặc người giám hộ', en: 'Full name of the parent or guardian' },
  },
  {
    id: 'guardianRelationship',
    kind: 'choice',
    required: true,
    showIf: MINOR,
    label: { vi: 'Là', en: 'Who they are' },
    options: [
      { value: 'mother', label: { vi: 'Mẹ', en: 'Mother' } },
      { value: 'father', label: { vi: 'Cha', en: 'Father' } },
      { value: 'guardian', label: { vi: 'Người giám hộ', en: 'Guardian' } },
    ],
  },
  {
    id: 'guardianCccd',
    kind: 'cccd',
    showIf: MINOR,
    label: { vi: 'Số định danh cá nhân của cha, mẹ hoặc người giám hộ', en: 'Personal ID number of the parent or guardian' },
  },
  ...consent('guardian', GUARDIAN, MINOR),
];

/** Someone under 18 who did not say so is asked to: the guardian's consent is then required. */
export const MINOR_RULE: FormRule = {
  kind: 'min-age',
  birthDate: 'birthDate',
  years: 18,
  when: { not: MINOR },
  code: 'minor-needs-guardian',
};
