/** Calendar dates as the app stores them (ISO yyyy-mm-dd) and shows them (dd/mm/yyyy). */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** Parses an ISO date; null when malformed or not a real calendar day (31/02). */
export function parseIsoDate(value: string): CalendarDate | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

/** Parses what people type: dd/mm/yyyy (also with . or -). */
export function parseVnDate(value: string): CalendarDate | null {
  const m = VN_DATE.exec(value.trim());
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function toIsoDate(d: CalendarDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

export function formatVnDate(d: CalendarDate): string {
  return `${pad(d.day)}/${pad(d.month)}/${pad(d.year, 4)}`;
}

/** ISO → dd/mm/yyyy; returns the input unchanged when it is not an ISO date. */
export function isoToVn(value: string): string {
  const d = parseIsoDate(value);
  return d ? formatVnDate(d) : value;
}

/** Compares two calendar dates: negative, zero or positive. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The calendar date of an instant in Vietnam (UTC+7, no daylight saving). */
export function vietnamDateOf(epochMs: number): CalendarDate {
  const d = new Date(epochMs + 7 * 3600_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const VIETNAM_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

/** The instant the Vietnam calendar day holding `epochMs` began (00:00 UTC+7), and the next one. */
export function vietnamDayBounds(epochMs: number): { start: number; end: number } {
  const start = Math.floor((epochMs + VIETNAM_OFFSET_MS) / DAY_MS) * DAY_MS - VIETNAM_OFFSET_MS;
  return { start, end: start + DAY_MS };
}

/** Formats an instant as hh:mm dd/mm/yyyy in Vietnam time. */
export function formatVnDateTime(epochMs: number): string {
  const d = new Date(epochMs + 7 * 3600_000);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${formatVnDate(vietnamDateOf(epochMs))}`;
}

/** Whole years between birth and a later date (the usual legal age). */
export function ageOn(birth: CalendarDate, on: CalendarDate): number {
  let age = on.year - birth.year;
  if (on.month < birth.month || (on.month === birth.month && on.day < birth.day)) age -= 1;
  return age;
}
