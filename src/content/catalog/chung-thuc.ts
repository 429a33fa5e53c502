/** Certification (chứng thực) procedures at the commune People's Committee; fees of Circular 226/2016. */
import type { FeeLine, Procedure } from '../../domain/catalog';
import { IDENTITY_PAPER_AT_COUNTER, TO_VERIFY, VERIFIED_ON } from './shared';

const BASIS = ['Nghị định 23/2015/NĐ-CP', 'Thông tư 01/2020/TT-BTP', 'Thông tư 226/2016/TT-BTC (phí chứng thực)'];
const SOURCE = 'Nghị định 23/2015/NĐ-CP, Thông tư 226/2016/TT-BTC (tổng hợp; đối chiếu Cổng Dịch vụ công quốc gia trước khi dùng)';

const AFTER_3PM = {
  vi: 'Yêu cầu nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.',
  en: 'Requests received after 3 pm are settled on the next working day.',
};

/**
 * Certified copies (Thông tư 226/2016/TT-BTC): 2.000 đ/page, from page 3 1.000 đ/page, at most
 * 200.000 đ per copy. The form's computed fee reads this same object (forms/chung-thuc-ban-sao.ts).
 */
export const CERTIFIED_COPY_FEE: FeeLine = {
  inPerson: { kind: 'per-page', firstPages: 2, firstPageVnd: 2000, laterPageVnd: 1000, maxPerCopyVnd: 200000 },
  online: { kind: 'per-page', firstPages: 2, firstPageVnd: 2000, laterPageVnd: 1000, maxPerCopyVnd: 200000 },
};

export const CHUNG_THUC: readonly Procedure[] = [
  {
    code: '2.000815',
    slug: 'chung-thuc-ban-sao-tu-ban-chinh',
    name: { vi: 'Chứng thực bản sao từ bản chính', en: 'Certified copy from the original' },
    handledBy: 'ubnd-xa',
    documents: [
      {
        id: 'ban-chinh',
        name: { vi: 'Bản chính giấy tờ, văn bản cần chứng thực bản sao', en: 'The original paper to be copied and certified' },
        copies: 'Xuất trình bản chính',
        required: true,
      },
      {
        id: 'ban-sao',
        name: { vi: 'Bản sao cần chứng thực', en: 'The copies to be certified' },
        note: {
          vi: 'Nếu bạn tự photo sẵn. Không có thì cơ quan chụp từ bản chính.',
          en: 'If you made the copies yourself. Otherwise the office copies the original.',
        },
        required: false,
      },
    ],
    fee: CERTIFIED_COPY_FEE,
    timeLimit: { amount: 0, unit: 'same-day', note: AFTER_3PM },
    resultReturn: ['counter', 'online'],
    onlineCategory: 'mot-phan',
    visitsAtCounter: 1,
    visitsOnline: 1,
    formId: 'chung-thuc-ban-sao',
    note: {
      vi: `Làm trực tuyến (bản sao điện tử) vẫn phải mang bản chính đến đối chiếu ${TO_VERIFY.vi}.`,
      en: `Online (electronic copy), you still bring the original to be checked ${TO_VERIFY.en}.`,
    },
    legalBasis: [...BASIS, 'Nghị định 45/2020/NĐ-CP (thủ tục hành chính trên môi trường điện tử)'],
    source: SOURCE,
    verifiedOn: VERIFIED_ON,
    keywords: ['công chứng', 'sao y', 'photo công chứng', 'sao y bản chính', 'bản sao'],
  },
  {
    code: '2.000884',
    slug: 'chung-thuc-chu-ky',
    name: { vi: 'Chứng thực chữ ký', en: 'Signature certification' },
    handledBy: 'ubnd-xa',
    documents: [
      IDENTITY_PAPER_AT_COUNTER,
      {
        id: 'giay-to-can-ky',
        name: { vi: 'Giấy tờ, văn bản mà bạn sẽ ký', en: 'The paper or document you will sign' },
        copies: '01 bản',
        required: true,
      },
    ],
    fee: {
      inPerson: { kind: 'fixed', amountVnd: 10000, per: 'case' },
      online: { kind: 'unavailable' },
    },
    timeLimit: { amount: 0, unit: 'same-day', note: AFTER_3PM },
    resultReturn: ['counter'],
    onlineCategory: 'none',
    visitsAtCounter: 1,
    visitsOnline: 1,
    note: {
      vi: 'Bạn phải ký trước mặt người chứng thực, nên không làm qua mạng được.',
      en: 'You must sign in front of the certifying officer, so this cannot be done online.',
    },
    legalBasis: BASIS,
    source: SOURCE,
    verifiedOn: VERIFIED_ON,
    keywords: ['xác nhận chữ ký', 'ký tên', 'giấy ủy quyền', 'điểm chỉ'],
  },
  {
    code: '2.001035',
    slug: 'chung-thuc-hop-dong-giao-dich',
    name: {
      vi: 'Chứng thực hợp đồng, giao dịch liên quan đến động sản, quyền sử dụng đất, nhà ở',
      en: 'Certification of contracts and transactions on movable property, land use rights or housing',
    },
    handledBy: 'ubnd-xa',
    documents: [
      {
        id: 'du-thao-hop-dong',
        name: { vi: 'Dự thảo hợp đồng, giao dịch', en: 'Draft of the contract or transaction' },
        copies: '01 bản',
        required: true,
      },
      {
        id: 'ban-sao-giay-to-tuy-than',
        name: { vi: 'Bản sao giấy tờ tùy thân của các bên (căn cước)', en: 'Copies of each party’s identity paper (ID card)' },
        copies: '01 bản sao mỗi người',
        required: true,
      },
      {
        id: 'giay-chung-nhan-tai-san',
        name: {
          vi: 'Bản sao giấy chứng nhận quyền sở hữu, quyền sử dụng tài sản',
          en: 'Copy of the ownership or land use certificate of the property',
        },
        copies: '01 bản sao',
        note: {
          vi: 'Khi hợp đồng liên quan đến tài sản phải đăng ký (đất, nhà, xe...).',
          en: 'When the contract concerns property that must be registered (land, house, vehicle...).',
        },
        required: false,
      },
    ],
    fee: {
      inPerson: { kind: 'fixed', amountVnd: 50000, per: 'contract' },
      online: { kind: 'fixed', amountVnd: 50000, per: 'contract' },
    },
    timeLimit: {
      amount: 2,
      unit: 'working-days',
      note: { vi: 'Không quá 02 ngày làm việc.', en: 'At most 2 working days.' },
    },
    resultReturn: ['counter'],
    onlineCategory: 'mot-phan',
    visitsAtCounter: 2,
    visitsOnline: 1,
    note: {
      vi: `Các bên phải ký trước mặt người chứng thực. Có nơi cho nộp hồ sơ trước qua mạng ${TO_VERIFY.vi}.`,
      en: `The parties must sign in front of the certifying officer. Some places accept the papers online first ${TO_VERIFY.en}.`,
    },
    legalBasis: BASIS,
    source: SOURCE,
    verifiedOn: VERIFIED_ON,
    keywords: ['hợp đồng', 'mua bán', 'tặng cho', 'thế chấp', 'sổ đỏ', 'chuyển nhượng'],
  },
];
