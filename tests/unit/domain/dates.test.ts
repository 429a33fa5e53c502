import { describe, expect, it } from 'vitest';
import { ageOn, formatVnDateTime, isoToVn, parseIsoDate, parseVnDate, toIsoDate, vietnamDateOf } from '../../../src/domain/dates';

describe('dates', () => {
  it('reads dd/mm/yyyy as people type it and refuses impossible days', () => {
    expect(parseVnDate('12/05/1990')).toEqual({ year: 1990, month: 5, day: 12 });
    expect(parseVnDate('1/2/2000')).toEqual({ year: 2000, month: 2, day: 1 });
    expect(parseVnDate('29.02.2024')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseVnDate('29/02/2023')).toBeNull();
    expect(parseVnDate('31/04/2020')).toBeNull();
    expect(parseVnDate('12/13/2020')).toBeNull();
    expect(parseVnDate('12/05/90')).toBeNull();
  });

  it('round-trips between ISO storage and dd/mm/yyyy display', () => {
    const d = parseIsoDate('1990-05-12');
    expect(d).not.toBeNull();
    expect(toIsoDate(d!)).toBe('1990-05-12');
    expect(isoToVn('1990-05-12')).toBe('12/05/1990');
    expect(isoToVn('12/05/19')).toBe('12/05/19');
    expect(parseIsoDate('1990-02-30')).toBeNull();
  });

  it('uses Vietnam time (UTC+7) for "today" and for shown times', () => {
    const lateUtc = Date.UTC(2026, 10, 28, 18, 30); // 01:30 on 29/11 in Vietnam
    expect(vietnamDateOf(lateUtc)).toEqual({ year: 2026, month: 11, day: 29 });
    expect(formatVnDateTime(lateUtc)).toBe('01:30 29/11/2026');
  });

  it('computes legal age in whole years', () => {
    expect(ageOn({ year: 2000, month: 6, day: 15 }, { year: 2018, month: 6, day: 14 })).toBe(17);
    expect(ageOn({ year: 2000, month: 6, day: 15 }, { year: 2018, month: 6, day: 15 })).toBe(18);
  });
});
