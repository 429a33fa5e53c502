/** Pieces several procedures share: the identity paper, the check date, the marker for doubts. */
import type { RequiredDocument } from '../../domain/catalog';

/** Date the bundled figures were last compared with their sources. */
export const VERIFIED_ON = '2026-11-28';

/** Date of the check against the 2025–2026 reforms (procedures and texts touched then carry it). */
export const VERIFIED_ON_2026_12 = '2026-12-01';

/** Every figure we could not confirm from a primary source carries this mark in its note. */
export const TO_VERIFY = { vi: '(cần xác minh)', en: '(to verify)' } as const;

export const IDENTITY_PAPER: RequiredDocument = {
  id: 'giay-to-tuy-than',
  name: {
    vi: 'Giấy tờ tùy thân: thẻ căn cước (CCCD) hoặc hộ chiếu',
    en: 'Identity paper: citizen ID card (CCCD) or passport',
  },
  copies: 'Xuất trình bản chính',
  note: {
    vi: 'Nộp qua mạng thì không cần: thông tin lấy từ tài khoản định danh điện tử.',
    en: 'Not needed online: the details come from the electronic ID account.',
  },
  required: true,
};

export const CT01_FORM: RequiredDocument = {
  id: 'to-khai-ct01',
  name: {
    vi: 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01)',
    en: 'Residence information change declaration (form CT01)',
  },
  copies: '01 bản',
  note: {
    vi: 'Mẫu CT01 theo Thông tư 53/2025/TT-BCA. Nộp qua mạng thì khai theo biểu mẫu điện tử.',
    en: 'Form CT01 of Circular 53/2025/TT-BCA. Online, the electronic form is filled in instead.',
  },
  required: true,
};

/** The identity paper for procedures done only at the counter (no online note). */
export const IDENTITY_PAPER_AT_COUNTER: RequiredDocument = {
  id: IDENTITY_PAPER.id,
  name: IDENTITY_PAPER.name,
  copies: 'Xuất trình bản chính',
  required: true,
};

export const CIVIL_STATUS_BASIS = ['Luật Hộ tịch 60/2014/QH13', 'Nghị định 123/2015/NĐ-CP', 'Thông tư 04/2020/TT-BTP'];

export const CIVIL_STATUS_SOURCE =
  'Luật Hộ tịch 2014, Nghị định 123/2015/NĐ-CP (tổng hợp; đối chiếu Cổng Dịch vụ công quốc gia trước khi dùng)';
