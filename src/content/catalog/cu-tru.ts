/** Residence (cư trú) procedures handled by the commune police (Công an xã); form CT01. */
import type { Localized } from '../../domain/localized';
import type { Procedure, RequiredDocument } from '../../domain/catalog';
import { CT01_FORM, TO_VERIFY, VERIFIED_ON } from './shared';

const BASIS = ['Luật Cư trú 68/2020/QH14', 'Nghị định 154/2024/NĐ-CP', 'Thông tư 55/2021/TT-BCA, sửa đổi bởi Thông tư 66/2023/TT-BCA'];
const FEE_BASIS = 'Thông tư 75/2022/TT-BTC (lệ phí đăng ký cư trú)';
const SOURCE =
  'Luật Cư trú 2020, Thông tư 66/2023/TT-BCA, Thông tư 75/2022/TT-BTC (tổng hợp; đối chiếu Cổng Dịch vụ công quốc gia trước khi dùng)';

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
      CT01_FORM,
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
      note: FEE_EXEMPT,
    },
    timeLimit: { amount: 7, unit: 'working-days' },
    resultReturn: ['counter', 'online'],
    onlineCategory: 'toan-trinh',
    visitsAtCounter: 2,
    visitsOnline: 0,
    formId: 'thuong-tru-ct01',
    legalBasis: [...BASIS, FEE_BASIS],
    source: SOURCE,
    verifiedOn: VERIFIED_ON,
    keywords: ['hộ khẩu', 'nhập hộ khẩu', 'nhập khẩu', 'chuyển hộ khẩu', 'CT01', 'VNeID'],
  },
  {
    code: '1.004194',
    slug: 'dang-ky-tam-tru',
    name: { vi: 'Đăng ký tạm trú', en: 'Temporary residence registration' },
    handledBy: 'cong-an-xa',
    documents: [
      {
        ...CT01_FORM,
        note: {
          vi: 'Người chưa thành niên cần cha, mẹ hoặc người giám hộ ghi ý kiến đồng ý vào tờ khai.',
          en: 'For a minor, a parent or guardian writes their consent on the form.',
        },
      },
      LAWFUL_HOME,
    ],
    fee: {
      inPerson: { kind: 'fixed', amountVnd: 15000 },
      online: { kind: 'fixed', amountVnd: 7000 },
      note: FEE_EXEMPT,
    },
    timeLimit: { amount: 3, unit: 'working-days' },
    resultReturn: ['counter', 'online'],
    onlineCategory: 'toan-trinh',
    visitsAtCounter: 2,
    visitsOnline: 0,
    formId: 'tam-tru-ct01',
    note: {
      vi: 'Phải đăng ký khi đến ở ngoài xã nơi thường trú từ 30 ngày trở lên để làm việc, học tập hoặc lý do khác.',
      en: 'Required when you live 30 days or more outside the commune of your permanent residence, for work, study or other reasons.',
    },
    legalBasis: [...BASIS, FEE_BASIS],
    source: SOURCE,
    verifiedOn: VERIFIED_ON,
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
      amount: 1,
      unit: 'working-days',
      note: {
        vi:
          'Khi thông tin đã có trong Cơ sở dữ liệu quốc gia về dân cư: không quá 1 ngày làm việc ' +
          `(có văn bản ghi nửa ngày ${TO_VERIFY.vi}). Cần xác minh thêm: không quá 03 ngày làm việc.`,
        en:
          'When the national population database already has the details: at most 1 working day ' +
          `(one text says half a day ${TO_VERIFY.en}). If more checks are needed: at most 3 working days.`,
      },
    },
    resultReturn: ['counter', 'online'],
    onlineCategory: 'toan-trinh',
    visitsAtCounter: 2,
    visitsOnline: 0,
    legalBasis: BASIS,
    source: SOURCE,
    verifiedOn: VERIFIED_ON,
    keywords: ['giấy xác nhận cư trú', 'mẫu CT07', 'xác nhận hộ khẩu', 'CT01', 'VNeID'],
  },
];
