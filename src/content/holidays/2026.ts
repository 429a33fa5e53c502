/**
 * Public holidays of civil servants in 2026 (Bộ luật Lao động 2019, art. 112), as the Ministry of
 * Home Affairs announced them, with the new Ngày Văn hóa Việt Nam (24/11).
 * source: see `source` below; verifiedOn: 2026-12-01.
 */
import type { HolidayCalendar } from '../../domain/working-days';

export const HOLIDAYS_2026: HolidayCalendar = {
  year: 2026,
  official: true,
  closures: [
    { from: '2026-01-01', to: '2026-01-01', name: { vi: 'Tết Dương lịch', en: 'New Year’s Day' } },
    {
      from: '2026-02-14',
      to: '2026-02-22',
      name: {
        vi: 'Tết Nguyên Đán (nghỉ từ thứ Bảy 14/02 đến hết Chủ nhật 22/02)',
        en: 'Lunar New Year (closed from Saturday 14/02 to Sunday 22/02)',
      },
    },
    {
      from: '2026-04-26',
      to: '2026-04-27',
      name: {
        vi: 'Giỗ Tổ Hùng Vương (rơi vào Chủ nhật 26/04, nghỉ bù thứ Hai 27/04)',
        en: 'Hùng Kings’ Commemoration (falls on Sunday 26/04, Monday 27/04 off instead)',
      },
    },
    { from: '2026-04-30', to: '2026-04-30', name: { vi: 'Ngày Chiến thắng 30/4', en: 'Reunification Day (30 April)' } },
    { from: '2026-05-01', to: '2026-05-01', name: { vi: 'Ngày Quốc tế Lao động 1/5', en: 'International Workers’ Day (1 May)' } },
    {
      from: '2026-08-31',
      to: '2026-09-02',
      name: {
        vi: 'Quốc khánh (01/09 và 02/09, nghỉ thêm thứ Hai 31/08)',
        en: 'National Day (01/09 and 02/09, plus Monday 31/08 off)',
      },
    },
    { from: '2026-11-24', to: '2026-11-24', name: { vi: 'Ngày Văn hóa Việt Nam', en: 'Viet Nam Culture Day' } },
  ],
  makeUpWorkingDays: [
    {
      date: '2026-08-22',
      name: { vi: 'Thứ Bảy làm bù cho thứ Hai 31/08', en: 'Saturday worked to make up for Monday 31/08' },
    },
  ],
  source:
    'Bộ luật Lao động 45/2019/QH14, Điều 111–112; Thông báo 9441/TB-BNV và văn bản của Văn phòng Chính phủ, Bộ Nội vụ về lịch nghỉ năm 2026; Nghị quyết 28/2026/QH16 (Ngày Văn hóa Việt Nam 24/11, hiệu lực 01/07/2026)',
  verifiedOn: '2026-12-01',
  note: {
    vi: 'Lấy từ bản tin và văn bản hướng dẫn, chưa đối chiếu bản gốc của từng văn bản (cần xác minh).',
    en: 'Taken from announcements and guidance letters; each original text still to be compared (to verify).',
  },
};
