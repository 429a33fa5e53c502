/**
 * Residence (cư trú) procedures handled by the commune police (Công an xã); form CT01.
 * Checked 01/12/2026 against the 2025–2026 texts: CT01 of Thông tư 53/2025/TT-BCA, the fee waiver
 * of Thông tư 117/2026/TT-BTC, "một phần" on the Ministry of Public Security's portal.
 */
import type { Localized } from '../../domain/localized';
import type { FeePeriod, Procedure, RequiredDocument } from '../../domain/catalog';
import { CT01_FORM, TO_VERIFY, VERIFIED_ON_2026_12 } from './shared';

const BASIS = [
  'Luật Cư trú 68/2020/QH14',
  'Nghị định 154/2024/NĐ-CP, sửa đổi bởi Nghị định 58/2026/NĐ-CP',
  'Thông tư 55/2021/TT-BCA; mẫu CT01 theo Thông tư 53/2025/TT-BCA',
  'Quyết định 1523/QĐ-BCA-C06 ngày 26/03/2026 (công bố thủ tục hành chính)',
];
const FEE_BASIS = [
  'Thông tư 75/2022/TT-BTC (lệ phí đăng ký cư trú)',
  'Thông tư 117/2026/TT-BTC, Điều 1 khoản 3 (miễn lệ phí từ 15/08/2026 đến 28/02/2027)',
];
const SOURCE =
  'Luật Cư trú 2020; Thông tư 53/2025/TT-BCA (mẫu CT01); Thông tư 75/2022/TT-BTC và Thông tư 117/2026/TT-BTC (lệ phí); Quyết định 1523/QĐ-BCA-C06; Cổng dịch vụ công Bộ Công an (mức độ một phần)';

/**
 * Residence fees waived for holders of a level-2 electronic ID account who meet the conditions of
 * Nghị quyết 66.22/2026/NQ-CP, from 15/08/2026 to 28/02/2027; the standing rates apply again the
 * day after, without a new catalogue.
 */
export const RESIDENCE_FEE_WAIVER: FeePeriod = {
  from: '2026-08-15',
  until: '2027-02-28',
  condition: 'vneid-level-2',
  inPerson: { kind: 'free' },
  online: { kind: 'free' },
  reason: {
    vi: 'Miễn lệ phí đăng ký cư trú cho công dân có tài khoản định danh điện tử mức độ 2 và đáp ứng điều kiện của Nghị quyết 66.22/2026/NQ-CP.',
    en: 'Residence registration fees are waived for citizens who have a level-2 electronic identification (VNeID) account and meet the conditions of Resolution 66.22/2026/NQ-CP.',
  },
  basis: 'Thông tư 117/2026/TT-BTC, Điều 1 khoản 3',
};

/** The household head, the home's lawful owner and, for a minor, a parent or guardian write their consent on CT01. */
const CONSENT_NOTE: Localized = {
  vi: 'Mẫu CT01 theo Thông tư 53/2025/TT-BCA. Tờ khai cần ý kiến đồng ý của chủ hộ, của chủ sở hữu chỗ ở hợp pháp (khi bạn không phải chủ sở hữu) và của cha, mẹ hoặc người giám hộ nếu người đăng ký chưa thành niên. Nộp qua mạng thì khai theo biểu mẫu điện tử.',
  en: 'Form CT01 of Circular 53/2025/TT-BCA. It needs the consent of the household head, of the home’s lawful owner (when you are not the owner) and, for a minor, of a parent or guardian. Online, the electronic form is filled in instead.',
};

const MOT_PHAN_NOTE: Localized = {
  vi: 'Trên Cổng dịch vụ công của Bộ Công an, thủ tục này là dịch vụ trực tuyến một phần: vẫn có thể phải đến cơ quan công an để xuất trình giấy tờ hoặc nhận kết quả.',
  en: 'On the Ministry of Public Security’s portal this is a partly online service: you may still have to go to the police office to show papers or collect the result.',
};

const LAWFUL_HOME: RequiredDocument = {
  id: 'cho-o-hop-phap',
  name: { vi: 'Giấy tờ chứng minh chỗ ở hợp pháp', en: 'Proof of a lawful place to live' },
  copies: '01 bản sao hoặc bản chụp',
  note: {
    vi: 'Ví dụ sổ đỏ, hợp đồng thuê nhà. Không cần nếu thông tin đã có trong cơ sở dữ liệu.',
    en: 'For example a land certificate or a rental contract. Not needed if the database already has it.',
  },
  required: true,
};

const FEE_EXEMPT: Localized = {
  vi: `Một số người được miễn lệ phí, ví dụ trẻ em, người cao tuổi, người khuyết tật, hộ nghèo ${TO_VERIFY.vi}.`,
  en: `Some people pay no fee, e.g. children, the elderly, people with disabilities, poor households ${TO_VERIFY.en}.`,
};

export const CU_TRU: readonly Procedure[] = [
  {
    code: '1.004222',
    slug: 'dang-ky-thuong-tru',
    name: { vi: 'Đăng ký thường trú', en: 'Permanent residence registration' },
    handledBy: 'cong-an-xa',
    documents: [
      { ...CT01_FORM, note: CONSENT_NOTE },
      LAWFUL_HOME,
      {
        id: 'quan-he-nhan-than',
        name: { vi: 'Giấy tờ chứng minh quan hệ gia đình', en: 'Proof of the family relationship' },
        copies: '01 bản sao hoặc bản chụp',
        note: {
          vi: 'Khi nhập vào nhà của người thân (vợ, chồng, cha, mẹ, con...).',
          en: 'When moving into a relative’s home (spouse, parent, child...).',
        },
        required: false,
      },
    ],
    fee: {
      inPerson: { kind: 'fixed', amountVnd: 20000 },
      online: { kind: 'fixed', amountVnd: 10000 },
      periods: [RESIDENCE_FEE_WAIVER],
      note: FEE_EXEMPT,
    },
    timeLimit: { amount: 7, unit: 'working-days' },
    resultReturn: ['counter', 'online'],
    onlineCategory: 'mot-phan',
    visitsAtCounter: 2,
    visitsOnline: 1,
    formId: 'thuong-tru-ct01',
    note: MOT_PHAN_NOTE,
    legalBasis: [...BASIS, ...FEE_BASIS],
    source: SOURCE,
    verifiedOn: VERIFIED_ON_2026_12,
    keywords: ['hộ khẩu', 'nhập hộ khẩu', 'nhập khẩu', 'chuyển hộ khẩu', 'CT01', 'VNeID'],
  },
  {
    code: '1.004194',
    slug: 'dang-ky-tam-tru',
    name: { vi: 'Đăng ký tạm trú', en: 'Temporary residence registration' },
    handledBy: 'cong-an-xa',
    documents: [{ ...CT01_FORM, note: CONSENT_NOTE }, LAWFUL_HOME],
    fee: {
      inPerson: { kind: 'fixed', amountVnd: 15000 },
      online: { kind: 'fixed', amountVnd: 7000 },
      periods: [RESIDENCE_FEE_WAIVER],
      cases: [
        {
          id: 'theo-danh-sach',
          name: {
            vi: 'Đăng ký tạm trú, gia hạn tạm trú theo danh sách',
            en: 'Temporary registration or extension by list',
          },
          inPerson: { kind: 'fixed', amountVnd: 10000, per: 'person' },
          online: { kind: 'fixed', amountVnd: 5000, per: 'person' },
          periods: [RESIDENCE_FEE_WAIVER],
          note: {
            vi: 'Khi một cơ quan, tổ chức đăng ký cho nhiều người cùng lúc, ví dụ người lao động của một doanh nghiệp (Thông tư 55/2021/TT-BCA, Điều 13 khoản 2).',
            en: 'When an agency or organisation registers many people at once, e.g. a company’s workers (Circular 55/2021/TT-BCA, art. 13(2)).',
          },
        },
      ],
      note: FEE_EXEMPT,
    },
    timeLimit: { amount: 3, unit: 'working-days' },
    resultReturn: ['counter', 'online'],
    onlineCategory: 'mot-phan',
    visitsAtCounter: 2,
    visitsOnline: 1,
    formId: 'tam-tru-ct01',
    note: {
      vi: `Phải đăng ký khi đến ở ngoài xã nơi thường trú từ 30 ngày trở lên để làm việc, học tập hoặc lý do khác. ${MOT_PHAN_NOTE.vi}`,
      en: `Required when you live 30 days or more outside the commune of your permanent residence, for work, study or other reasons. ${MOT_PHAN_NOTE.en}`,
    },
    legalBasis: [...BASIS, ...FEE_BASIS],
    source: SOURCE,
    verifiedOn: VERIFIED_ON_2026_12,
    keywords: ['ở trọ', 'thuê nhà', 'sinh viên', 'công nhân', 'khai báo tạm trú', 'CT01', 'VNeID'],
  },
  {
    code: '1.010041',
    slug: 'xac-nhan-thong-tin-cu-tru',
    name: { vi: 'Xác nhận thông tin về cư trú', en: 'Confirmation of residence information' },
    handledBy: 'cong-an-xa',
    documents: [CT01_FORM],
    fee: {
      inPerson: { kind: 'free' },
      online: { kind: 'free' },
      note: { vi: 'Không thu lệ phí.', en: 'No fee is charged.' },
    },
    timeLimit: {
      amount: 0,
      unit: 'half-day',
      note: {
        vi: 'Khi thông tin đã có trong Cơ sở dữ liệu quốc gia về dân cư: không quá 1/2 ngày làm việc. Cần kiểm tra, xác minh thêm: không quá 03 ngày làm việc.',
        en: 'When the national population database already has the details: at most half a working day. If checks are needed: at most 3 working days.',
      },
    },
    resultReturn: ['counter', 'online'],
    onlineCategory: 'toan-trinh',
    visitsAtCounter: 2,
    visitsOnline: 0,
    legalBasis: BASIS,
    source: SOURCE,
    verifiedOn: VERIFIED_ON_2026_12,
    keywords: ['giấy xác nhận cư trú', 'mẫu CT07', 'xác nhận hộ khẩu', 'CT01', 'VNeID'],
  },
];
