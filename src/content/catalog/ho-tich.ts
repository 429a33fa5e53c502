/** Civil status (hộ tịch) procedures handled by the commune People's Committee (UBND xã). */
import type { Procedure } from '../../domain/catalog';
import { CIVIL_STATUS_BASIS, CIVIL_STATUS_SOURCE, IDENTITY_PAPER, TO_VERIFY, VERIFIED_ON, VERIFIED_ON_2026_12 } from './shared';

/** The declaration forms of birth, death and marriage as amended in 2024. */
const FORMS_2024 = 'Thông tư 04/2024/TT-BTP (sửa đổi mẫu tờ khai của Thông tư 04/2020/TT-BTP)';

/** Since 01/07/2025 the commune also handles what the district did (until the new law of 2027). */
const COMMUNE_POWERS = 'Nghị định 120/2025/NĐ-CP (phân định thẩm quyền, từ 01/07/2025 đến 01/03/2027)';

const AFTER_3PM = {
  vi: `Nhận hồ sơ sau 15 giờ thì có thể trả vào ngày làm việc tiếp theo ${TO_VERIFY.vi}.`,
  en: `Papers received after 3 pm may be settled on the next working day ${TO_VERIFY.en}.`,
};

const ONLINE_VARIES = {
  vi: `Mức làm trực tuyến có thể khác nhau giữa các tỉnh ${TO_VERIFY.vi}.`,
  en: `How much can be done online may differ between provinces ${TO_VERIFY.en}.`,
};

export const HO_TICH: readonly Procedure[] = [
  {
    code: '1.001193',
    slug: 'dang-ky-khai-sinh',
    name: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
    handledBy: 'ubnd-xa',
    documents: [
      {
        id: 'to-khai-khai-sinh',
        name: { vi: 'Tờ khai đăng ký khai sinh (theo mẫu)', en: 'Birth registration declaration (official form)' },
        copies: '01 bản',
        required: true,
      },
      {
        id: 'giay-chung-sinh',
        name: { vi: 'Giấy chứng sinh', en: 'Birth certificate from the hospital or midwife (giấy chứng sinh)' },
        copies: '01 bản chính',
        note: {
          vi: 'Không có giấy chứng sinh thì nộp văn bản của người làm chứng hoặc giấy cam đoan về việc sinh.',
          en: 'Without it, bring a witness statement or a signed declaration about the birth.',
        },
        required: true,
      },
      IDENTITY_PAPER,
      {
        id: 'giay-chung-nhan-ket-hon',
        name: { vi: 'Giấy chứng nhận kết hôn của cha mẹ', en: 'Parents’ marriage certificate' },
        copies: 'Xuất trình bản chính',
        note: { vi: 'Nếu cha mẹ đã đăng ký kết hôn.', en: 'If the parents are married.' },
        required: false,
      },
    ],
    fee: {
      inPerson: { kind: 'free' },
      online: { kind: 'free' },
      note: {
        vi: 'Miễn lệ phí khi đăng ký đúng hạn (trong 60 ngày kể từ ngày sinh). Quá hạn: theo mức do tỉnh quy định.',
        en: 'Free when registered on time (within 60 days of birth). Late: the fee the province sets.',
      },
    },
    timeLimit: { amount: 0, unit: 'same-day', note: AFTER_3PM },
    resultReturn: ['counter', 'post', 'online'],
    onlineCategory: 'toan-trinh',
    visitsAtCounter: 1,
    visitsOnline: 0,
    formId: 'khai-sinh',
    note: ONLINE_VARIES,
    legalBasis: [
      ...CIVIL_STATUS_BASIS,
      FORMS_2024,
      COMMUNE_POWERS,
      'Nghị định 63/2024/NĐ-CP (liên thông khai sinh, thường trú, bảo hiểm y tế)',
    ],
    source: `${CIVIL_STATUS_SOURCE}; ${FORMS_2024}`,
    verifiedOn: VERIFIED_ON_2026_12,
    keywords: ['giấy khai sinh', 'làm khai sinh', 'trẻ mới sinh', 'em bé', 'con mới đẻ', 'birth certificate'],
  },
  {
    code: '1.000656',
    slug: 'dang-ky-khai-tu',
    name: { vi: 'Đăng ký khai tử', en: 'Death registration' },
    handledBy: 'ubnd-xa',
    documents: [
      {
        id: 'to-khai-khai-tu',
        name: { vi: 'Tờ khai đăng ký khai tử (theo mẫu)', en: 'Death registration declaration (official form)' },
        copies: '01 bản',
        required: true,
      },
      {
        id: 'giay-bao-tu',
        name: { vi: 'Giấy báo tử hoặc giấy tờ thay giấy báo tử', en: 'Death notice, or a paper that replaces it' },
        copies: '01 bản chính',
        note: {
          vi: 'Tờ khai ghi số, ngày cấp và nơi cấp của giấy báo tử.',
          en: 'The declaration gives the death notice’s number, date and issuer.',
        },
        required: true,
      },
      IDENTITY_PAPER,
    ],
    fee: {
      inPerson: { kind: 'free' },
      online: { kind: 'free' },
      note: {
        vi: 'Miễn lệ phí khi đăng ký đúng hạn (trong 15 ngày kể từ ngày mất). Quá hạn: theo mức do tỉnh quy định.',
        en: 'Free when registered on time (within 15 days of the death). Late: the fee the province sets.',
      },
    },
    timeLimit: {
      amount: 0,
      unit: 'same-day',
      note: { vi: 'Nếu cần xác minh: không quá 03 ngày làm việc.', en: 'If checks are needed: at most 3 working days.' },
    },
    resultReturn: ['counter', 'post', 'online'],
    onlineCategory: 'toan-trinh',
    visitsAtCounter: 1,
    visitsOnline: 0,
    formId: 'khai-tu',
    note: ONLINE_VARIES,
    legalBasis: [
      ...CIVIL_STATUS_BASIS,
      FORMS_2024,
      COMMUNE_POWERS,
      'Nghị định 63/2024/NĐ-CP (liên thông khai tử, xóa thường trú, trợ cấp mai táng)',
    ],
    source: `${CIVIL_STATUS_SOURCE}; ${FORMS_2024}`,
    verifiedOn: VERIFIED_ON_2026_12,
    keywords: ['báo tử', 'người mất', 'qua đời', 'giấy chứng tử', 'trích lục khai tử'],
  },
  {
    code: '1.000894',
    slug: 'dang-ky-ket-hon',
    name: { vi: 'Đăng ký kết hôn', en: 'Marriage registration' },
    handledBy: 'ubnd-xa',
    documents: [
      {
        id: 'to-khai-ket-hon',
        name: { vi: 'Tờ khai đăng ký kết hôn (theo mẫu)', en: 'Marriage registration declaration (official form)' },
        copies: '01 bản',
        note: { vi: 'Hai bên có thể khai chung một tờ.', en: 'Both partners may use one form together.' },
        required: true,
      },
      IDENTITY_PAPER,
    ],
    fee: {
      inPerson: { kind: 'free' },
      online: { kind: 'free' },
      note: {
        vi: 'Miễn lệ phí khi hai bên là công dân Việt Nam cư trú trong nước.',
        en: 'Free when both partners are Vietnamese citizens living in Viet Nam.',
      },
    },
    timeLimit: {
      amount: 0,
      unit: 'same-day',
      note: { vi: 'Nếu cần xác minh: không quá 05 ngày làm việc.', en: 'If checks are needed: at most 5 working days.' },
    },
    resultReturn: ['counter'],
    onlineCategory: 'mot-phan',
    visitsAtCounter: 1,
    visitsOnline: 1,
    formId: 'ket-hon',
    note: {
      vi: 'Hai bên phải cùng có mặt để ký vào Sổ hộ tịch và Giấy chứng nhận kết hôn. Từ 01/01/2026, hai công dân Việt Nam kết hôn với nhau không phải nộp Giấy xác nhận tình trạng hôn nhân: cơ quan đăng ký tự tra cứu cơ sở dữ liệu.',
      en: 'Both partners must come in person to sign the register and the marriage certificate. Since 01/01/2026 two Vietnamese citizens marrying each other no longer bring a certificate of marital status: the office looks it up in the databases.',
    },
    legalBasis: [
      ...CIVIL_STATUS_BASIS,
      FORMS_2024,
      COMMUNE_POWERS,
      'Nghị quyết 66.7/2025/NQ-CP (cắt giảm giấy xác nhận tình trạng hôn nhân, từ 01/01/2026)',
      'Quyết định 1833/QĐ-BTP (công bố thủ tục hành chính)',
    ],
    source: `${CIVIL_STATUS_SOURCE}; Nghị quyết 66.7/2025/NQ-CP; Quyết định 1833/QĐ-BTP`,
    verifiedOn: VERIFIED_ON_2026_12,
    keywords: ['lấy vợ', 'lấy chồng', 'cưới', 'giấy đăng ký kết hôn', 'giấy chứng nhận kết hôn'],
  },
  {
    code: '1.004873',
    slug: 'xac-nhan-tinh-trang-hon-nhan',
    name: { vi: 'Cấp Giấy xác nhận tình trạng hôn nhân', en: 'Certificate of marital status' },
    handledBy: 'ubnd-xa',
    documents: [
      {
        id: 'to-khai-tinh-trang-hon-nhan',
        name: {
          vi: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (theo mẫu)',
          en: 'Application for a certificate of marital status (official form)',
        },
        copies: '01 bản',
        required: true,
      },
      IDENTITY_PAPER,
      {
        id: 'giay-to-ly-hon',
        name: {
          vi: 'Giấy tờ chứng minh đã ly hôn hoặc vợ/chồng đã mất',
          en: 'Proof of divorce, or of the spouse’s death',
        },
        copies: '01 bản sao',
        note: { vi: 'Nếu trước đây đã kết hôn.', en: 'If you were married before.' },
        required: false,
      },
    ],
    fee: {
      inPerson: { kind: 'set-by-province' },
      online: { kind: 'set-by-province' },
      note: {
        vi: `Nhiều tỉnh giảm hoặc miễn lệ phí khi nộp trực tuyến ${TO_VERIFY.vi}.`,
        en: `Many provinces lower or waive the fee online ${TO_VERIFY.en}.`,
      },
    },
    timeLimit: { amount: 3, unit: 'working-days' },
    resultReturn: ['counter', 'post', 'online'],
    onlineCategory: 'toan-trinh',
    visitsAtCounter: 2,
    visitsOnline: 0,
    formId: 'xac-nhan-hon-nhan',
    note: {
      vi: `Từ 01/01/2026, hai công dân Việt Nam đăng ký kết hôn với nhau không cần giấy này; vẫn cần cho việc khác (mua bán nhà đất, vay vốn, kết hôn với người nước ngoài...). ${ONLINE_VARIES.vi}`,
      en: `Since 01/01/2026 two Vietnamese citizens marrying each other do not need this certificate; it is still needed for other purposes (a property sale, a loan, marrying a foreigner...). ${ONLINE_VARIES.en}`,
    },
    legalBasis: [...CIVIL_STATUS_BASIS, 'Thông tư 85/2019/TT-BTC (lệ phí do HĐND tỉnh quy định)', 'Nghị quyết 66.7/2025/NQ-CP'],
    source: `${CIVIL_STATUS_SOURCE}; Nghị quyết 66.7/2025/NQ-CP`,
    verifiedOn: VERIFIED_ON_2026_12,
    keywords: ['xác nhận độc thân', 'giấy độc thân', 'chưa kết hôn', 'tình trạng hôn nhân'],
  },
  {
    code: '1.004859',
    slug: 'thay-doi-cai-chinh-bo-sung-ho-tich',
    name: { vi: 'Thay đổi, cải chính, bổ sung thông tin hộ tịch', en: 'Change, correction or completion of civil status records' },
    handledBy: 'ubnd-xa',
    documents: [
      {
        id: 'to-khai-thay-doi-ho-tich',
        name: {
          vi: 'Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch (theo mẫu)',
          en: 'Declaration for changing, correcting or completing civil status records (official form)',
        },
        copies: '01 bản',
        required: true,
      },
      {
        id: 'giay-to-can-cu',
        name: {
          vi: 'Giấy tờ làm căn cứ cho việc thay đổi, cải chính, bổ sung',
          en: 'Papers that justify the change, correction or addition',
        },
        copies: '01 bản sao',
        required: true,
      },
      IDENTITY_PAPER,
    ],
    fee: { inPerson: { kind: 'set-by-province' }, online: { kind: 'set-by-province' } },
    timeLimit: {
      amount: 3,
      unit: 'working-days',
      note: {
        vi: 'Nếu cần xác minh: thêm không quá 03 ngày làm việc. Bổ sung thông tin thường giải quyết ngay trong ngày.',
        en: 'If checks are needed: at most 3 more working days. Adding missing details is usually done the same day.',
      },
    },
    resultReturn: ['counter', 'post'],
    onlineCategory: 'mot-phan',
    visitsAtCounter: 2,
    visitsOnline: 1,
    note: {
      vi: `Việc nào thuộc thẩm quyền của xã có thể đã thay đổi từ 01/7/2025 ${TO_VERIFY.vi}.`,
      en: `Which cases the commune handles may have changed since 1 July 2025 ${TO_VERIFY.en}.`,
    },
    legalBasis: [...CIVIL_STATUS_BASIS],
    source: CIVIL_STATUS_SOURCE,
    verifiedOn: VERIFIED_ON,
    keywords: ['sửa tên', 'đổi tên', 'sai ngày sinh', 'cải chính', 'sửa giấy khai sinh', 'xác định lại dân tộc'],
  },
  {
    code: '1.001022',
    slug: 'dang-ky-nhan-cha-me-con',
    name: { vi: 'Đăng ký nhận cha, mẹ, con', en: 'Recognition of a parent or child' },
    handledBy: 'ubnd-xa',
    documents: [
      {
        id: 'to-khai-nhan-cha-me-con',
        name: { vi: 'Tờ khai đăng ký nhận cha, mẹ, con (theo mẫu)', en: 'Declaration for recognising a parent or child (official form)' },
        copies: '01 bản',
        required: true,
      },
      {
        id: 'chung-cu-quan-he',
        name: { vi: 'Giấy tờ chứng minh quan hệ cha, mẹ, con', en: 'Proof of the parent–child relationship' },
        copies: '01 bản chính hoặc bản sao',
        note: {
          vi: 'Ví dụ kết quả giám định ADN. Không có thì làm văn bản cam đoan, có ít nhất hai người làm chứng.',
          en: 'For example a DNA test result. Otherwise a signed declaration with at least two witnesses.',
        },
        required: true,
      },
      IDENTITY_PAPER,
    ],
    fee: { inPerson: { kind: 'set-by-province' }, online: { kind: 'set-by-province' } },
    timeLimit: {
      amount: 3,
      unit: 'working-days',
      note: { vi: 'Nếu cần xác minh: thêm không quá 05 ngày làm việc.', en: 'If checks are needed: at most 5 more working days.' },
    },
    resultReturn: ['counter'],
    onlineCategory: 'mot-phan',
    visitsAtCounter: 2,
    visitsOnline: 1,
    note: {
      vi: 'Người nhận và người được nhận phải có mặt khi đăng ký.',
      en: 'Both the person recognising and the person recognised must be present.',
    },
    legalBasis: [...CIVIL_STATUS_BASIS],
    source: CIVIL_STATUS_SOURCE,
    verifiedOn: VERIFIED_ON,
    keywords: ['nhận con', 'nhận cha', 'nhận mẹ', 'con ngoài giá thú', 'ADN'],
  },
];
