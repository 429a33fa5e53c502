/**
 * The appointment date of a dossier: when the result is due, counted in working days of the
 * commune office. Pure: the holiday calendars are passed in (src/content/holidays holds them, one
 * per year), so the console's receipt on the server and the phone's "expected date" compute the
 * same instant.
 *
 * Rules (times in Vietnam, UTC+7, no daylight saving):
 * - A working day is Monday to Friday, minus the closed days of that year's calendar, plus its
 *   make-up working days (e.g. Saturday 22/08/2026).
 * - The day a dossier is received is not counted (Bộ luật Dân sự 2015, art. 147): a limit of N
 *   working days ends on the Nth working day after the day of reception.
 * - A dossier received on a non-working day, or after office hours, counts as received at the
 *   opening of the next working day, which is then the day of reception.
 * - Saturday morning may be a reception day (a commune setting): a dossier received then is
 *   received that Saturday, which is still not a working day. On a closed Saturday (inside Tết)
 *   nothing is received.
 * - Same-day procedures: received by 15:00 on a working day, due that day; after 15:00 (or on a
 *   Saturday morning), due the next working day.
 * - Half a working day: received in the morning, due at the end of that day; in the afternoon
 *   (or on a Saturday morning), due at noon of the next working day.
 *
 * Due time of day: the END OF OFFICE HOURS (17:00 by default) of the due day, not the time of day
 * of reception, so a receipt reads "17:00 25/02/2026"; half-day limits may end at noon instead.
 *
 * A result is `estimated` when any day the count went through lies in a year whose calendar is
 * missing or not officially decided (Mon–Fri is then assumed, minus the holidays we could work out):
 * the receipt must then say "ngày hẹn dự kiến" rather than pretend.
 */
import type { Localized } from './localized';
import { type CalendarDate, compareDates, parseIsoDate, toIsoDate } from './dates';

/** Days the offices are closed, `from` to `to` inclusive (ISO dates; the same day for one day). */
export interface HolidayClosure {
  from: string;
  to: string;
  name: Localized;
}

/** A Saturday or Sunday worked to make up for a closed weekday. */
export interface MakeUpWorkingDay {
  date: string;
  name: Localized;
}

/** One year of public holidays for civil servants, as decided (or, when `official` is false, as expected). */
export interface HolidayCalendar {
  year: number;
  /** False while the government's decision for the year is not published: results are then estimates. */
  official: boolean;
  closures: readonly HolidayClosure[];
  makeUpWorkingDays: readonly MakeUpWorkingDay[];
  source: string;
  verifiedOn: string;
  note?: Localized;
}

/** Minutes after midnight, Vietnam time. */
export interface OfficeHours {
  opensAt: number;
  /** End of the morning; also the end of Saturday-morning reception. */
  noon: number;
  closesAt: number;
  /** Same-day procedures received after this are due the next working day. */
  sameDayCutoff: number;
}

/** 08:00–12:00 and until 17:00; same-day cut-off 15:00. Communes with other hours pass their own. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = { opensAt: 8 * 60, noon: 12 * 60, closesAt: 17 * 60, sameDayCutoff: 15 * 60 };

/** A legal time limit as the calculator reads it. */
export type LegalTimeLimit = { unit: 'working-days'; amount: number } | { unit: 'same-day' } | { unit: 'half-day' };

export interface AppointmentOptions {
  /** The commune receives dossiers on Saturday mornings (a reception day, not a working day). */
  saturdayMorningReception: boolean;
  hours?: OfficeHours;
}

export interface Appointment {
  /** When the result is due (ms since the epoch). */
  dueAt: number;
  /** The day of reception as counted (ISO date): the next working day when received out of hours. */
  countedFrom: string;
  /** The count went through a year without an official calendar. */
  estimated: boolean;
}

const VN_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;
/** No legal limit is anywhere near this; it bounds the walk over days. */
const MAX_WORKING_DAYS = 366;
const MAX_DAYS_WALKED = 3 * 366;

function localOf(ms: number): { date: CalendarDate; minutes: number } {
  const shifted = new Date(ms + VN_OFFSET_MS);
  return {
    date: { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() },
    minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
  };
}

function instantOf(date: CalendarDate, minutes: number): number {
  return Date.UTC(date.year, date.month - 1, date.day) + minutes * 60_000 - VN_OFFSET_MS;
}

function nextDay(date: CalendarDate): CalendarDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day) + DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** The calendars as lookups, remembering whether a year without official data was consulted. */
class Days {
  private readonly byYear = new Map<number, HolidayCalendar>();
  estimated = false;

  constructor(calendars: readonly HolidayCalendar[]) {
    for (const calendar of calendars) this.byYear.set(calendar.year, calendar);
  }

  private calendar(date: CalendarDate): HolidayCalendar | undefined {
    const calendar = this.byYear.get(date.year);
    if (!calendar || !calendar.official) this.estimated = true;
    return calendar;
  }

  isClosed(date: CalendarDate): boolean {
    const iso = toIsoDate(date);
    return this.calendar(date)?.closures.some((c) => c.from <= iso && iso <= c.to) ?? false;
  }

  isWorkingDay(date: CalendarDate): boolean {
    const calendar = this.calendar(date);
    const iso = toIsoDate(date);
    if (calendar?.makeUpWorkingDays.some((d) => d.date === iso)) return true;
    const day = weekday(date);
    return day !== 0 && day !== 6 && !this.isClosed(date);
  }

  nextWorkingDay(date: CalendarDate): CalendarDate {
    let d = nextDay(date);
    for (let i = 0; i < MAX_DAYS_WALKED && !this.isWorkingDay(d); i++) d = nextDay(d);
    return d;
  }
}

/** The day the dossier counts as received, the minute it was, and whether that day is a working day. */
function receptionOf(receivedAt: number, days: Days, options: AppointmentOptions, hours: OfficeHours) {
  const { date, minutes } = localOf(receivedAt);
  if (days.isWorkingDay(date)) {
    if (minutes < hours.closesAt) return { day: date, minutes: Math.max(minutes, hours.opensAt), working: true };
  } else if (options.saturdayMorningReception && weekday(date) === 6 && minutes < hours.noon && !days.isClosed(date)) {
    return { day: date, minutes: Math.max(minutes, hours.opensAt), working: false };
  }
  return { day: days.nextWorkingDay(date), minutes: hours.opensAt, working: true };
}

/**
 * When the result of a dossier received at `receivedAt` is due, under `limit`. Total for any
 * finite instant and any limit; a working-day amount is clamped to 1–366.
 */
export function appointmentFor(
  receivedAt: number,
  limit: LegalTimeLimit,
  calendars: readonly HolidayCalendar[],
  options: AppointmentOptions,
): Appointment {
  const hours = options.hours ?? DEFAULT_OFFICE_HOURS;
  const days = new Days(calendars);
  const reception = receptionOf(receivedAt, days, options, hours);
  let due: CalendarDate;
  let minutes = hours.closesAt;
  switch (limit.unit) {
    case 'same-day':
      due = reception.working && reception.minutes <= hours.sameDayCutoff ? reception.day : days.nextWorkingDay(reception.day);
      break;
    case 'half-day':
      if (reception.working && reception.minutes < hours.noon) due = reception.day;
      else {
        due = days.nextWorkingDay(reception.day);
        minutes = hours.noon;
      }
      break;
    case 'working-days': {
      const amount = Number.isFinite(limit.amount) ? Math.min(MAX_WORKING_DAYS, Math.max(1, Math.floor(limit.amount))) : 1;
      due = reception.day;
      for (let i = 0; i < amount; i++) due = days.nextWorkingDay(due);
      break;
    }
  }
  return { dueAt: instantOf(due, minutes), countedFrom: toIsoDate(reception.day), estimated: days.estimated };
}

/** Whether a calendar is internally sound: real dates of its own year, closures in order. */
export function calendarProblems(calendar: HolidayCalendar): string[] {
  const problems: string[] = [];
  const inYear = (iso: string): boolean => parseIsoDate(iso)?.year === calendar.year;
  for (const c of calendar.closures) {
    const from = parseIsoDate(c.from);
    const to = parseIsoDate(c.to);
    if (!from || !to || !inYear(c.from) || !inYear(c.to)) problems.push(`closure ${c.from}–${c.to}: not dates of ${calendar.year}`);
    else if (compareDates(from, to) > 0) problems.push(`closure ${c.from}–${c.to}: ends before it starts`);
  }
  for (const d of calendar.makeUpWorkingDays) {
    const date = parseIsoDate(d.date);
    if (!date || !inYear(d.date)) problems.push(`make-up day ${d.date}: not a date of ${calendar.year}`);
    else if (weekday(date) !== 0 && weekday(date) !== 6) problems.push(`make-up day ${d.date}: not a Saturday or Sunday`);
  }
  return problems;
}
