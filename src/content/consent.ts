/**
 * The consent to process personal data that a resident gives on the review step before a dossier
 * is queued. The dossier records the `version` agreed to, the language it was shown in and when,
 * so a change of wording is a new version (never edit the text of a published version in place):
 * CONSENT_VERSIONS keeps every published text, so the wording a dossier was sent with stays known.
 * source: Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15 and Nghị định 356/2025/NĐ-CP (in force
 * 1 Jan 2026; they replaced Nghị định 13/2023/NĐ-CP as the basis); verifiedOn: 2026-12-01.
 */
import type { Localized } from '../domain/localized';

export interface ConsentText {
  /** Stored with every dossier that was sent with this text. */
  version: string;
  /** Date this wording was approved (yyyy-mm-dd). */
  effectiveFrom: string;
  title: Localized;
  /** What is processed, by whom, why, for how long, and the resident's rights: one paragraph each. */
  paragraphs: readonly Localized[];
  /** The words next to the checkbox. */
  agreement: Localized;
  legalBasis: readonly Localized[];
  source: string;
  verifiedOn: string;
}

/** The first text (28/11/2026), which still cited Nghị định 13/2023/NĐ-CP. Kept for the record. */
export const CONSENT_2026_11_28: ConsentText = {
  version: 'consent-dossier-2026-11-28',
  effectiveFrom: '2026-11-28',
  title: { vi: 'Đồng ý cho xử lý dữ liệu cá nhân', en: 'Consent to the processing of personal data' },
  paragraphs: [
    {
      vi: 'Thông tin trong tờ khai này (họ tên, ngày sinh, giới tính, số định danh cá nhân, số điện thoại, địa chỉ, thông tin về người thân) và ảnh giấy tờ kèm theo được gửi đến Ủy ban nhân dân xã và Công an xã chỉ để giải quyết thủ tục hành chính bạn yêu cầu.',
      en: 'The information in this form (name, date of birth, sex, personal ID number, phone number, address, details of relatives) and the attached photos of papers go to the commune People’s Committee and commune police only to handle the procedure you ask for.',
    },
    {
      vi: 'Trên điện thoại này, hồ sơ chỉ được giữ đến khi xã xác nhận đã nhận, rồi được xóa khỏi hàng chờ gửi. Cơ quan giải quyết lưu hồ sơ theo thời hạn pháp luật quy định.',
      en: 'On this phone the dossier is kept only until the commune confirms it was received; it then leaves the sending queue. The office handling it keeps the dossier for as long as the law requires.',
    },
    {
      vi: 'Bạn có quyền được biết, xem, sửa, yêu cầu xóa dữ liệu của mình và rút lại sự đồng ý bằng cách liên hệ bộ phận một cửa của xã. Nếu không đồng ý, bạn vẫn có thể nộp hồ sơ giấy tại bộ phận một cửa.',
      en: 'You may ask to know, see, correct or delete your data, and withdraw this consent, by contacting the commune one-stop shop. If you do not agree, you can still file on paper at the one-stop shop.',
    },
  ],
  agreement: {
    vi: 'Tôi đã đọc và đồng ý cho cơ quan nhà nước xử lý dữ liệu cá nhân trong hồ sơ này để giải quyết thủ tục.',
    en: 'I have read this and agree that the public offices may process the personal data in this dossier to handle the procedure.',
  },
  legalBasis: [
    { vi: 'Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân', en: 'Decree 13/2023/NĐ-CP on personal data protection' },
    { vi: 'Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15', en: 'Law on Personal Data Protection No. 91/2025/QH15' },
  ],
  source: 'Nghị định 13/2023/NĐ-CP, Điều 11; Luật 91/2025/QH15',
  verifiedOn: '2026-11-28',
};

/** The current text: the same promises, on the basis in force since 01/01/2026. */
export const CONSENT: ConsentText = {
  version: 'consent-dossier-2026-12-01',
  effectiveFrom: '2026-12-01',
  title: CONSENT_2026_11_28.title,
  paragraphs: CONSENT_2026_11_28.paragraphs,
  agreement: CONSENT_2026_11_28.agreement,
  legalBasis: [
    { vi: 'Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15', en: 'Law on Personal Data Protection No. 91/2025/QH15' },
    {
      vi: 'Nghị định 356/2025/NĐ-CP quy định chi tiết Luật Bảo vệ dữ liệu cá nhân',
      en: 'Decree 356/2025/NĐ-CP detailing the Law on Personal Data Protection',
    },
  ],
  source: 'Luật 91/2025/QH15 (sự đồng ý của chủ thể dữ liệu); Nghị định 356/2025/NĐ-CP; hiệu lực từ 01/01/2026',
  verifiedOn: '2026-12-01',
};

/** Every published consent text, oldest first; a dossier's `consent.version` names one of them. */
export const CONSENT_VERSIONS: readonly ConsentText[] = [CONSENT_2026_11_28, CONSENT];
