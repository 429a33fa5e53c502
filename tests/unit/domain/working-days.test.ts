import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appointmentFor, calendarProblems, type LegalTimeLimit } from '../../../src/domain/working-days';
import { formatVnDateTime } from '../../../src/domain/dates';
import { HOLIDAY_CALENDARS } from '../../../src/content/holidays';

/** An instant given as Vietnam wall-clock time. */
const vn = (iso: string, time: string): number => Date.parse(`${iso}T${time}:00+07:00`);

const days = (amount: number): LegalTimeLimit => ({ unit: 'working-days', amount });
const SAME_DAY: LegalTimeLimit = { unit: 'same-day' };
const HALF_DAY: LegalTimeLimit = { unit: 'half-day' };

interface Case {
  name: string;
  received: [string, string];
  limit: LegalTimeLimit;
  saturday?: boolean;
  due: string;
  countedFrom: string;
  estimated?: boolean;
}

const CASES: Case[] = [
  {
    name: 'Fri 13/02/2026 10:00, 3 working days: the Tết closure 14–22/02 is skipped',
    received: ['2026-02-13', '10:00'],
    limit: days(3),
    due: '17:00 25/02/2026',
    countedFrom: '2026-02-13',
  },
  {
    name: 'Thu 30/04/2026 (holiday): counted from Mon 04/05',
    received: ['2026-04-30', '09:00'],
    limit: days(1),
    due: '17:00 05/05/2026',
    countedFrom: '2026-05-04',
  },
  {
    name: 'a same-day procedure at 15:30: the next working day',
    received: ['2026-12-01', '15:30'],
    limit: SAME_DAY,
    due: '17:00 02/12/2026',
    countedFrom: '2026-12-01',
  },
  {
    name: 'a same-day procedure at 15:00 sharp: that day',
    received: ['2026-12-01', '15:00'],
    limit: SAME_DAY,
    due: '17:00 01/12/2026',
    countedFrom: '2026-12-01',
  },
  {
    name: 'a same-day procedure on Friday 15:30: Monday',
    received: ['2026-12-04', '15:30'],
    limit: SAME_DAY,
    due: '17:00 07/12/2026',
    countedFrom: '2026-12-04',
  },
  {
    name: 'Saturday 10:00 with Saturday-morning reception: received that Saturday, Monday is day 1',
    received: ['2026-12-05', '10:00'],
    limit: days(1),
    saturday: true,
    due: '17:00 07/12/2026',
    countedFrom: '2026-12-05',
  },
  {
    name: 'Saturday 10:00 without Saturday reception: counted from Monday',
    received: ['2026-12-05', '10:00'],
    limit: days(1),
    saturday: false,
    due: '17:00 08/12/2026',
    countedFrom: '2026-12-07',
  },
  {
    name: 'Saturday afternoon even with Saturday-morning reception: counted from Monday',
    received: ['2026-12-05', '14:00'],
    limit: days(1),
    saturday: true,
    due: '17:00 08/12/2026',
    countedFrom: '2026-12-07',
  },
  {
    name: 'a same-day procedure on a Saturday morning with reception on: Monday',
    received: ['2026-12-05', '09:00'],
    limit: SAME_DAY,
    saturday: true,
    due: '17:00 07/12/2026',
    countedFrom: '2026-12-05',
  },
  {
    name: 'a Saturday inside Tết: no reception even with the setting on',
    received: ['2026-02-14', '09:00'],
    limit: days(1),
    saturday: true,
    due: '17:00 24/02/2026',
    countedFrom: '2026-02-23',
  },
  {
    name: 'Mon 23/11/2026, 2 working days: Tue 24/11 (Ngày Văn hóa Việt Nam) is skipped',
    received: ['2026-11-23', '09:00'],
    limit: days(2),
    due: '17:00 26/11/2026',
    countedFrom: '2026-11-23',
  },
  {
    name: 'Fri 21/08/2026, 1 working day: Saturday 22/08 is a make-up working day',
    received: ['2026-08-21', '09:00'],
    limit: days(1),
    due: '17:00 22/08/2026',
    countedFrom: '2026-08-21',
  },
  {
    name: 'received on the make-up Saturday 22/08/2026: a full working day',
    received: ['2026-08-22', '14:00'],
    limit: SAME_DAY,
    due: '17:00 22/08/2026',
    countedFrom: '2026-08-22',
  },
  {
    name: 'Fri 28/08/2026, 1 working day: 31/08–02/09 closed',
    received: ['2026-08-28', '09:00'],
    limit: days(1),
    due: '17:00 03/09/2026',
    countedFrom: '2026-08-28',
  },
  {
    name: 'after office hours (17:30): counted from the next working day',
    received: ['2026-12-01', '17:30'],
    limit: days(3),
    due: '17:00 07/12/2026',
    countedFrom: '2026-12-02',
  },
  {
    name: 'before opening (06:30): received that day',
    received: ['2026-12-01', '06:30'],
    limit: SAME_DAY,
    due: '17:00 01/12/2026',
    countedFrom: '2026-12-01',
  },
  {
    name: 'half a working day, received in the morning: the end of that day',
    received: ['2026-12-01', '09:30'],
    limit: HALF_DAY,
    due: '17:00 01/12/2026',
    countedFrom: '2026-12-01',
  },
  {
    name: 'half a working day, received in the afternoon: noon of the next working day',
    received: ['2026-12-04', '14:00'],
    limit: HALF_DAY,
    due: '12:00 07/12/2026',
    countedFrom: '2026-12-04',
  },
  {
    name: 'Wed 30/12/2026, 3 working days: into 2027, not officially decided yet',
    received: ['2026-12-30', '09:00'],
    limit: days(3),
    due: '17:00 05/01/2027',
    countedFrom: '2026-12-30',
    estimated: true,
  },
  {
    name: 'Thu 04/02/2027, 2 working days: the expected Tết 2027 closure, an estimate',
    received: ['2027-02-04', '09:00'],
    limit: days(2),
    due: '17:00 15/02/2027',
    countedFrom: '2027-02-04',
    estimated: true,
  },
  {
    name: 'a year without data (2030): Monday to Friday assumed, an estimate',
    received: ['2030-03-01', '09:00'],
    limit: days(3),
    due: '17:00 06/03/2030',
    countedFrom: '2030-03-01',
    estimated: true,
  },
];

describe('appointmentFor', () => {
  it.each(CASES)('$name', (c) => {
    const result = appointmentFor(vn(...c.received), c.limit, HOLIDAY_CALENDARS, { saturdayMorningReception: c.saturday ?? false });
    expect(formatVnDateTime(result.dueAt)).toBe(c.due);
    expect(result.countedFrom).toBe(c.countedFrom);
    expect(result.estimated).toBe(c.estimated ?? false);
  });

  it('is an estimate for 2026 too when the calendars are not passed in', () => {
    const result = appointmentFor(vn('2026-02-13', '10:00'), days(3), [], { saturdayMorningReception: false });
    expect(result.estimated).toBe(true);
    // Without the Tết closure, Mon–Fri only.
    expect(formatVnDateTime(result.dueAt)).toBe('17:00 18/02/2026');
  });

  it('takes the commune’s own office hours', () => {
    const hours = { opensAt: 7 * 60 + 30, noon: 11 * 60 + 30, closesAt: 16 * 60 + 30, sameDayCutoff: 14 * 60 };
    const result = appointmentFor(vn('2026-12-01', '14:30'), SAME_DAY, HOLIDAY_CALENDARS, { saturdayMorningReception: false, hours });
    expect(formatVnDateTime(result.dueAt)).toBe('16:30 02/12/2026');
  });

  it('is total and never earlier than the reception (property)', () => {
    const limits = fc.oneof(
      fc.constant(SAME_DAY),
      fc.constant(HALF_DAY),
      fc.integer({ min: -5, max: 400 }).map((n) => days(n)),
      fc.constant(days(Number.NaN)),
    );
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 11, 31) }), limits, fc.boolean(), (at, limit, saturday) => {
        const result = appointmentFor(at, limit, HOLIDAY_CALENDARS, { saturdayMorningReception: saturday });
        expect(Number.isFinite(result.dueAt)).toBe(true);
        expect(result.dueAt).toBeGreaterThan(at);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the holiday calendars', () => {
  it('have one file per year, each sound, with a source and a check date', () => {
    expect(HOLIDAY_CALENDARS.map((c) => c.year)).toEqual([2026, 2027]);
    for (const calendar of HOLIDAY_CALENDARS) {
      expect(calendarProblems(calendar), String(calendar.year)).toEqual([]);
      expect(calendar.source.trim()).not.toBe('');
      expect(calendar.verifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('say 2026 is decided and 2027 is not yet', () => {
    expect(HOLIDAY_CALENDARS.find((c) => c.year === 2026)?.official).toBe(true);
    expect(HOLIDAY_CALENDARS.find((c) => c.year === 2027)?.official).toBe(false);
  });

  it('name what makes a calendar unsound', () => {
    const bad = { ...HOLIDAY_CALENDARS[0]!, closures: [{ from: '2026-03-02', to: '2026-03-01', name: { vi: 'x', en: 'y' } }] };
    expect(calendarProblems({ ...bad, makeUpWorkingDays: [{ date: '2026-03-02', name: { vi: 'x', en: 'y' } }] })).toEqual([
      'closure 2026-03-02–2026-03-01: ends before it starts',
      'make-up day 2026-03-02: not a Saturday or Sunday',
    ]);
  });
});
