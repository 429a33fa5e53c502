/**
 * Social assistance (trợ giúp xã hội) and the social pension (trợ cấp hưu trí xã hội), received by
 * the commune People's Committee. Since 01/07/2025 people aged 75 or more (70–74 in a poor or
 * near-poor household) without a pension get the social pension of Nghị định 176/2025/NĐ-CP,
 * which replaced the "80 or over" group of the monthly social allowance.
 */
import type { Procedure } from '../../domain/catalog';
import { formatVnd } from '../../domain/money';
import { IDENTITY_PAPER, TO_VERIFY, VERIFIED_ON_2026_12 } from './shared';

/** Monthly social pension (Nghị định 176/2025/NĐ-CP). */
export const SOCIAL_PENSION_VND = 500_000;

export const TRO_GIUP_XA_HOI: readonly Procedure[] = [
  {
    code: '1.001776',
    slug: 'tro-cap-xa-hoi-hang-thang',
    name: {
      vi: 'Trợ cấp xã hội hằng tháng (người khuyết tật, trẻ em mồ côi, người cao tuổi thuộc hộ nghèo...)',
      en: 'Monthly social allowance (people with disabilities, orphans, elderly people in poor households...)',
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
      vi: 'Từ 01/7/2025, người từ đủ 75 tuổi (hoặc từ 70 đến dưới 75 tuổi thuộc hộ nghèo, hộ cận nghèo) không có lương hưu thì làm thủ tục trợ cấp hưu trí xã hội, không còn nhóm “từ đủ 80 tuổi” ở đây. Tổ công tác Đề án 06 có thể hướng dẫn người già, người khuyết tật làm hồ sơ tại nhà.',
      en: 'Since 1 July 2025 people aged 75 or over (or 70 to 74 in a poor or near-poor household) without a pension apply for the social pension instead: the “80 or over” group is no longer here. The Project 06 working group can guide elderly and disabled people through the papers at home.',
    },
    legalBasis: [
      'Nghị định 20/2021/NĐ-CP',
      'Nghị định 76/2024/NĐ-CP',
      'Nghị định 176/2025/NĐ-CP (nhóm từ đủ 80 tuổi chuyển sang trợ cấp hưu trí xã hội)',
    ],
    source:
      'Nghị định 20/2021/NĐ-CP, sửa đổi bởi Nghị định 76/2024/NĐ-CP; Nghị định 176/2025/NĐ-CP (tổng hợp; đối chiếu Cổng Dịch vụ công quốc gia trước khi dùng)',
    verifiedOn: VERIFIED_ON_2026_12,
    keywords: ['bảo trợ xã hội', 'tiền hằng tháng', 'khuyết tật', 'trợ cấp', 'hàng tháng', 'mồ côi', 'người cao tuổi', 'người già'],
  },
  {
    code: null,
    slug: 'tro-cap-huu-tri-xa-hoi',
    name: { vi: 'Trợ cấp hưu trí xã hội', en: 'Social pension' },
    handledBy: 'ubnd-xa',
    documents: [
      {
        id: 'to-khai-huu-tri-xa-hoi',
        name: {
          vi: 'Tờ khai đề nghị hưởng trợ cấp hưu trí xã hội (theo mẫu của Nghị định 176/2025/NĐ-CP)',
          en: 'Application for the social pension (form of Decree 176/2025/NĐ-CP)',
        },
        copies: '01 bản',
        required: true,
      },
      IDENTITY_PAPER,
      {
        id: 'ho-ngheo-can-ngheo',
        name: { vi: 'Giấy tờ chứng minh thuộc hộ nghèo, hộ cận nghèo', en: 'Proof of belonging to a poor or near-poor household' },
        copies: '01 bản sao',
        note: {
          vi: 'Chỉ với người từ 70 đến dưới 75 tuổi; không cần nếu xã đã có tên trong danh sách hộ nghèo, cận nghèo.',
          en: 'Only for people aged 70 to 74; not needed if the commune’s list of poor and near-poor households already has them.',
        },
        required: false,
      },
    ],
    fee: { inPerson: { kind: 'free' }, online: { kind: 'free' } },
    timeLimit: {
      amount: 10,
      unit: 'working-days',
      note: {
        vi: 'Chủ tịch Ủy ban nhân dân xã xem xét, quyết định trong 10 ngày làm việc kể từ ngày nhận đủ hồ sơ.',
        en: 'The chairman of the commune People’s Committee decides within 10 working days of receiving the complete papers.',
      },
    },
    resultReturn: ['counter', 'post'],
    onlineCategory: 'mot-phan',
    visitsAtCounter: 2,
    visitsOnline: 1,
    formId: 'tro-cap-huu-tri-xa-hoi',
    note: {
      vi:
        `Mức trợ cấp ${formatVnd(SOCIAL_PENSION_VND)}/tháng, cho công dân từ đủ 75 tuổi, hoặc từ đủ 70 đến dưới 75 tuổi thuộc hộ nghèo, hộ cận nghèo, ` +
        `không hưởng lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng (hoặc hưởng thấp hơn mức này ${TO_VERIFY.vi}). ` +
        `Mã thủ tục trên Cổng Dịch vụ công quốc gia và mức độ làm qua mạng chưa đối chiếu ${TO_VERIFY.vi}.`,
      en:
        `${formatVnd(SOCIAL_PENSION_VND)} a month, for citizens aged 75 or over, or 70 to 74 in a poor or near-poor household, ` +
        `who receive no pension or monthly social insurance allowance (or less than this amount ${TO_VERIFY.en}). ` +
        `The national procedure code and how much can be done online are not checked yet ${TO_VERIFY.en}.`,
    },
    legalBasis: ['Luật Bảo hiểm xã hội 41/2024/QH15, Điều 21–22', 'Nghị định 176/2025/NĐ-CP (hiệu lực 01/07/2025)'],
    source: 'Luật Bảo hiểm xã hội 2024; Nghị định 176/2025/NĐ-CP (tổng hợp; đối chiếu Cổng Dịch vụ công quốc gia trước khi dùng)',
    verifiedOn: VERIFIED_ON_2026_12,
    keywords: ['hưu trí xã hội', 'người già', 'người cao tuổi', '75 tuổi', '80 tuổi', 'trợ cấp tuổi già', 'tiền hằng tháng', 'hàng tháng'],
  },
];
