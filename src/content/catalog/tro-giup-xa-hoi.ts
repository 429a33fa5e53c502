/** Social assistance (trợ giúp xã hội) procedures received by the commune People's Committee. */
import type { Procedure } from '../../domain/catalog';
import { IDENTITY_PAPER, TO_VERIFY, VERIFIED_ON } from './shared';

export const TRO_GIUP_XA_HOI: readonly Procedure[] = [
  {
    code: '1.001776',
    slug: 'tro-cap-xa-hoi-hang-thang',
    name: {
      vi: 'Trợ cấp xã hội hằng tháng (người cao tuổi, người khuyết tật...)',
      en: 'Monthly social allowance (elderly people, people with disabilities...)',
    },
    handledBy: 'ubnd-xa',
    documents: [
      {
        id: 'to-khai-tro-giup-xa-hoi',
        name: {
          vi: 'Tờ khai đề nghị trợ giúp xã hội (theo mẫu của Nghị định 20/2021/NĐ-CP)',
          en: 'Application for social assistance (form of Decree 20/2021/NĐ-CP)',
        },
        copies: '01 bản',
        required: true,
      },
      {
        id: 'giay-xac-nhan-khuyet-tat',
        name: { vi: 'Giấy xác nhận khuyết tật', en: 'Disability certificate' },
        copies: '01 bản sao',
        note: { vi: 'Đối với người khuyết tật.', en: 'For people with disabilities.' },
        required: false,
      },
      IDENTITY_PAPER,
    ],
    fee: { inPerson: { kind: 'free' }, online: { kind: 'free' } },
    timeLimit: {
      amount: 20,
      unit: 'working-days',
      note: {
        vi:
          `Khoảng 20 ngày làm việc: xã xem xét, niêm yết công khai rồi trình quyết định ${TO_VERIFY.vi}. ` +
          'Từ 01/7/2025 không còn cấp huyện nên các bước có thể đã thay đổi.',
        en:
          `About 20 working days: the commune reviews, posts the list publicly, then a decision is made ${TO_VERIFY.en}. ` +
          'Since 1 July 2025 there is no district level, so the steps may have changed.',
      },
    },
    resultReturn: ['counter', 'post'],
    onlineCategory: 'mot-phan',
    visitsAtCounter: 2,
    visitsOnline: 1,
    formId: 'tro-cap-xa-hoi',
    note: {
      vi: 'Tổ công tác Đề án 06 có thể hướng dẫn người già, người khuyết tật làm hồ sơ tại nhà.',
      en: 'The Project 06 working group can guide elderly and disabled people through the papers at home.',
    },
    legalBasis: ['Nghị định 20/2021/NĐ-CP', 'Nghị định 76/2024/NĐ-CP'],
    source: 'Nghị định 20/2021/NĐ-CP, sửa đổi bởi Nghị định 76/2024/NĐ-CP (tổng hợp; đối chiếu Cổng Dịch vụ công quốc gia trước khi dùng)',
    verifiedOn: VERIFIED_ON,
    keywords: ['bảo trợ xã hội', 'người già', 'tiền hằng tháng', 'khuyết tật', 'trợ cấp', 'hàng tháng'],
  },
];
