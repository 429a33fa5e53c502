/**
 * What residents gain by filing online, as the commune's outreach plan lists them
 * (Kế hoạch tuyên truyền dịch vụ công trực tuyến, UBND xã Hoàng Trường, 4/2023).
 */
import type { Benefit } from '../domain/service-levels';

export const BENEFITS: readonly Benefit[] = [
  {
    id: 'time',
    title: { vi: 'Đỡ mất thời gian', en: 'Saves time' },
    body: {
      vi: 'Không phải xếp hàng chờ cán bộ nhận hồ sơ. Việc giải quyết cũng nhanh hơn.',
      en: 'No queueing for an officer to take your papers. Files are also handled faster.',
    },
  },
  {
    id: 'travel-cost',
    title: { vi: 'Đỡ tiền đi lại', en: 'Saves travel costs' },
    body: {
      vi: 'Làm ngay ở nhà hoặc nơi làm việc. Ít phải đi lên xã, đỡ tiền xe, đỡ nghỉ việc.',
      en: 'Do it from home or from work. Fewer trips to the commune office, less fare, less time off work.',
    },
  },
  {
    id: 'any-time',
    title: { vi: 'Nộp lúc nào cũng được', en: 'Submit whenever suits you' },
    body: {
      vi: 'Bạn tự chọn lúc nộp hồ sơ, kể cả buổi tối. Cán bộ sẽ xử lý trong giờ làm việc.',
      en: 'You choose when to send your papers, even in the evening. Officers handle them in working hours.',
    },
  },
  {
    id: 'no-intermediaries',
    title: { vi: 'Không qua trung gian, không bị làm khó', en: 'No middlemen, no hassle' },
    body: {
      vi: 'Hồ sơ đi thẳng tới cơ quan. Bớt chi phí phát sinh, tránh nhũng nhiễu, quan liêu, phiền hà.',
      en: 'Your papers go straight to the office. Fewer hidden costs, and no harassment or red tape.',
    },
  },
  {
    id: 'transparency',
    title: { vi: 'Công khai, minh bạch', en: 'Open and transparent' },
    body: {
      vi: 'Thủ tục, giấy tờ, lệ phí và thời hạn đều được công khai. Bạn xem được hồ sơ đang ở bước nào.',
      en: 'Procedures, papers, fees and time limits are all public. You can see which step your file is at.',
    },
  },
];
