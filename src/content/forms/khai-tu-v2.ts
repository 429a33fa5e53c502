/**
 * Tờ khai đăng ký khai tử, procedure 1.000656, version 2: the form as amended by Thông tư
 * 04/2024/TT-BTP. The requester's residence, and the death notice's number, date and issuer.
 * Version 1 stays registered for drafts and dossiers started on it.
 * source: Luật Hộ tịch 2014 (art. 33–34); Nghị định 123/2015/NĐ-CP; Thông tư 04/2020/TT-BTP sửa
 * đổi bởi Thông tư 04/2024/TT-BTP (mẫu tờ khai đăng ký khai tử); verifiedOn: 2026-12-01.
 */
import type { Field, FormDefinition } from '../../domain/form-schema';
import { KHAI_TU } from './khai-tu';
import { REQUESTER_RESIDENCE } from './civil-status-2024';

const V1 = new Map(KHAI_TU.fields.map((f) => [f.id, f]));
const keep = (id: string): Field => {
  const field = V1.get(id);
  if (!field) throw new Error(`khai tử v1 has no field ${id}`);
  return field;
};

export const KHAI_TU_V2: FormDefinition = {
  id: 'khai-tu',
  version: 2,
  procedureCode: '1.000656',
  title: KHAI_TU.title,
  fields: [
    keep('requesterName'),
    keep('requesterCccd'),
    keep('requesterPhone'),
    REQUESTER_RESIDENCE,
    keep('requesterRelationship'),
    keep('deceasedName'),
    keep('deceasedBirthDate'),
    keep('deceasedSex'),
    keep('deceasedEthnicity'),
    keep('deceasedNationality'),
    keep('deceasedCccd'),
    keep('lastResidence'),
    keep('deathDate'),
    keep('deathTime'),
    keep('deathPlace'),
    keep('deathCause'),
    {
      id: 'deathNoticeNumber',
      kind: 'text',
      required: true,
      maxLength: 50,
      label: { vi: 'Số giấy báo tử', en: 'Number of the death notice' },
      hint: { vi: 'Hoặc số của giấy tờ thay giấy báo tử', en: 'Or the number of the paper replacing it' },
    },
    {
      id: 'deathNoticeDate',
      kind: 'date',
      required: true,
      notFuture: true,
      minYear: 1945,
      label: { vi: 'Ngày cấp giấy báo tử', en: 'Date the death notice was issued' },
    },
    {
      id: 'deathNoticeIssuer',
      kind: 'text',
      required: true,
      maxLength: 200,
      label: { vi: 'Cơ quan cấp giấy báo tử', en: 'Who issued the death notice' },
      hint: {
        vi: 'Ví dụ: Bệnh viện Đa khoa tỉnh Thanh Hóa, UBND xã, Công an xã',
        en: 'E.g. the provincial hospital, the commune People’s Committee, the commune police',
      },
    },
    keep('deathNotice'),
  ],
  rules: [...(KHAI_TU.rules ?? []), { kind: 'date-order', before: 'deathDate', after: 'deathNoticeDate' }],
  qrMap: KHAI_TU.qrMap ?? {},
};
