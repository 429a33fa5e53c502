/**
 * The four levels of online public service (Decree 43/2011/NĐ-CP) as the commune's outreach plan
 * teaches them, and the two categories of Decree 42/2022/NĐ-CP that replaced them. Written for
 * elderly readers: short sentences, everyday words. Titles carry no "Mức độ N" prefix because
 * the UI shows the level number in its own badge.
 */
import type { ContentSource, OnlineCategory, ServiceLevel } from '../domain/service-levels';
import type { Localized } from '../domain/localized';

export const LEVELS_SOURCE: ContentSource = {
  source:
    'Nghị định 43/2011/NĐ-CP (4 mức độ); Nghị định 42/2022/NĐ-CP (toàn trình, một phần); ' +
    'Kế hoạch tuyên truyền dịch vụ công trực tuyến của UBND xã Hoàng Trường, tháng 4/2023',
  verifiedOn: '2026-11-28',
};

export const SERVICE_LEVELS: readonly ServiceLevel[] = [
  {
    level: 1,
    title: { vi: 'Xem thông tin', en: 'Information' },
    short: {
      vi: 'Xem trên mạng thủ tục cần giấy tờ gì, làm theo luật nào.',
      en: 'See online what papers a procedure needs and which rules apply.',
    },
    online: {
      vi: 'Đọc đầy đủ thông tin về thủ tục và các văn bản pháp luật liên quan.',
      en: 'Read full information about the procedure and the legal documents behind it.',
    },
    visit: {
      vi: 'Vẫn phải đến cơ quan để nộp hồ sơ và nhận kết quả.',
      en: 'You still go to the office to hand in the papers and collect the result.',
    },
    fee: {
      vi: 'Nộp lệ phí (nếu có) tại cơ quan.',
      en: 'Any fee is paid at the office.',
    },
    result: {
      vi: 'Nhận kết quả tại cơ quan.',
      en: 'The result is collected at the office.',
    },
    category: 'information',
  },
  {
    level: 2,
    title: { vi: 'Tải mẫu đơn', en: 'Download the forms' },
    short: {
      vi: 'Tải mẫu đơn về, điền ở nhà, rồi mang đến nộp hoặc gửi bưu điện.',
      en: 'Download the forms, fill them in at home, then hand them in or post them.',
    },
    online: {
      vi: 'Như mức 1. Thêm: tải mẫu đơn, tờ khai về để điền cho đủ.',
      en: 'As level 1, plus: download the forms and declarations to fill in.',
    },
    visit: {
      vi: 'Nộp hồ sơ tại cơ quan hoặc gửi qua bưu điện.',
      en: 'Hand in the papers at the office or send them by post.',
    },
    fee: {
      vi: 'Nộp lệ phí (nếu có) tại cơ quan.',
      en: 'Any fee is paid at the office.',
    },
    result: {
      vi: 'Nhận kết quả tại cơ quan.',
      en: 'The result is collected at the office.',
    },
    category: 'information',
  },
  {
    level: 3,
    title: { vi: 'Nộp hồ sơ qua mạng', en: 'Submit online' },
    short: {
      vi: 'Điền và gửi hồ sơ qua mạng. Đến cơ quan để nộp lệ phí và nhận kết quả.',
      en: 'Fill in and send the papers online. Go to the office to pay and collect the result.',
    },
    online: {
      vi: 'Như mức 2. Thêm: điền và gửi tờ khai qua mạng. Việc trao đổi khi giải quyết hồ sơ cũng qua mạng.',
      en: 'As level 2, plus: fill in and send the forms online. Messages while the file is handled also go online.',
    },
    visit: {
      vi: 'Đến cơ quan để nộp lệ phí (nếu có) và nhận kết quả.',
      en: 'Go to the office to pay any fee and collect the result.',
    },
    fee: {
      vi: 'Nộp lệ phí trực tiếp tại cơ quan.',
      en: 'The fee is paid in person at the office.',
    },
    result: {
      vi: 'Nhận kết quả trực tiếp tại cơ quan.',
      en: 'The result is collected in person at the office.',
    },
    category: 'mot-phan',
  },
  {
    level: 4,
    title: { vi: 'Làm trọn qua mạng', en: 'Fully online' },
    short: {
      vi: 'Nộp hồ sơ và lệ phí qua mạng. Kết quả gửi qua mạng hoặc bưu điện.',
      en: 'Send the papers and pay online. The result comes online or by post.',
    },
    online: {
      vi: 'Như mức 3. Thêm: nộp lệ phí (nếu có) qua mạng.',
      en: 'As level 3, plus: pay any fee online.',
    },
    visit: {
      vi: 'Không phải đến cơ quan, trừ khi bạn muốn nhận kết quả tận tay.',
      en: 'No trip to the office, unless you choose to collect the result in person.',
    },
    fee: {
      vi: 'Nộp lệ phí qua mạng.',
      en: 'The fee is paid online.',
    },
    result: {
      vi: 'Nhận kết quả qua mạng, qua bưu điện hoặc tại cơ quan.',
      en: 'The result comes online, by post, or at the office.',
    },
    category: 'toan-trinh',
  },
];

export const ONLINE_CATEGORIES: readonly OnlineCategory[] = [
  {
    id: 'toan-trinh',
    title: { vi: 'Toàn trình', en: 'Fully online (toàn trình)' },
    explain: {
      vi:
        'Từ tháng 8/2022, Nghị định 42/2022/NĐ-CP gọi là “toàn trình” khi mọi bước đều qua mạng: ' +
        'nộp hồ sơ, giải quyết, nộp lệ phí. Kết quả trả qua mạng hoặc qua bưu điện. Gần giống mức độ 4.',
      en:
        'Since August 2022, Decree 42/2022/NĐ-CP calls a service “toàn trình” when every step is online: ' +
        'submitting, handling, paying. The result comes online or by public post. Close to level 4.',
    },
    levels: [4],
  },
  {
    id: 'mot-phan',
    title: { vi: 'Một phần', en: 'Partly online (một phần)' },
    explain: {
      vi:
        'Là dịch vụ chưa làm trọn được qua mạng. Có bước làm qua mạng, nhưng vẫn phải đến cơ quan ' +
        'cho việc khác, ví dụ nộp lệ phí hoặc nhận kết quả. Gần giống mức độ 3.',
      en:
        'A service that is not fully online. Some steps are online, but you still go to the office ' +
        'for others, such as paying or collecting the result. Close to level 3.',
    },
    levels: [3],
  },
];

/** Levels 1 and 2 only put information and forms online: the dossier itself is not sent online. */
export const INFORMATION_ONLY: Localized = {
  vi: 'Mức độ 1 và 2 chỉ đưa thông tin và mẫu đơn lên mạng. Hồ sơ vẫn nộp tại cơ quan hoặc qua bưu điện.',
  en: 'Levels 1 and 2 only put information and forms online. The papers are still handed in at the office or posted.',
};
