/**
 * Public holidays of civil servants in 2027 AS EXPECTED, not yet decided: the government had not
 * published its decision for 2027 (September 2026). Dates follow the Labour Code and the lunar
 * calendar computed at UTC+7 (Tết day 1 = Saturday 06/02/2027; Giỗ Tổ, 10th day of the 3rd lunar
 * month = Friday 16/04/2027). `official: false`, so every appointment that counts through 2027 is
 * marked as an estimate ("ngày hẹn dự kiến").
 * source: see `source` below; verifiedOn: 2026-12-01.
 */
import type { HolidayCalendar } from '../../domain/working-days';

export const HOLIDAYS_2027: HolidayCalendar = {
  year: 2027,
  official: false,
  closures: [
    { from: '2027-01-01', to: '2027-01-01', name: { vi: 'Tết Dương lịch', en: 'New Year’s Day' } },
    {
      from: '2027-02-05',
      to: '2027-02-11',
      name: {
        vi: 'Tết Nguyên Đán (dự kiến: 5 ngày nghỉ, mùng 1 là thứ Bảy 06/02, nghỉ bù hai ngày cuối tuần)',
        en: 'Lunar New Year (expected: 5 days off, day 1 is Saturday 06/02, weekend days made up)',
      },
    },
    {
      from: '2027-04-16',
      to: '2027-04-16',
      name: { vi: 'Giỗ Tổ Hùng Vương', en: 'Hùng Kings’ Commemoration' },
    },
    { from: '2027-04-30', to: '2027-04-30', name: { vi: 'Ngày Chiến thắng 30/4', en: 'Reunification Day (30 April)' } },
    {
      from: '2027-05-01',
      to: '2027-05-03',
      name: {
        vi: 'Ngày Quốc tế Lao động 1/5 (thứ Bảy, nghỉ bù thứ Hai 03/05)',
        en: 'International Workers’ Day (a Saturday, Monday 03/05 off instead)',
      },
    },
    {
      from: '2027-09-02',
      to: '2027-09-03',
      name: {
        vi: 'Quốc khánh (02/09 và một ngày liền kề, dự kiến thứ Sáu 03/09)',
        en: 'National Day (02/09 and an adjacent day, expected Friday 03/09)',
      },
    },
    { from: '2027-11-24', to: '2027-11-24', name: { vi: 'Ngày Văn hóa Việt Nam', en: 'Viet Nam Culture Day' } },
  ],
  makeUpWorkingDays: [],
  source:
    'Bộ luật Lao động 45/2019/QH14, Điều 112; Nghị quyết 28/2026/QH16; âm lịch Việt Nam tính theo múi giờ UTC+7. Chưa có quyết định chính thức của Chính phủ cho năm 2027',
  verifiedOn: '2026-12-01',
  note: {
    vi: 'Lịch dự kiến: các ngày nghỉ Tết và ngày nghỉ kèm Quốc khánh do Thủ tướng quyết định sau (cần xác minh).',
    en: 'Expected calendar: the Tết days and the day next to National Day are decided later by the Prime Minister (to verify).',
  },
};
