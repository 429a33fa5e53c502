/**
 * Holiday calendars, one file per year, for every time-limit computation (domain/working-days.ts
 * takes them as an argument). Add next year's file when the government publishes it, and flip
 * `official` to true once its dates are the decided ones.
 */
import type { HolidayCalendar } from '../../domain/working-days';
import { HOLIDAYS_2026 } from './2026';
import { HOLIDAYS_2027 } from './2027';

export const HOLIDAY_CALENDARS: readonly HolidayCalendar[] = [HOLIDAYS_2026, HOLIDAYS_2027];
