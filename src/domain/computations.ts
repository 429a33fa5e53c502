/**
 * The named pure functions behind computed fields. Forms refer to them by name, so forms stay
 * data (no functions inside content) and the phone and the server compute the same value.
 * Each one is total: any input it cannot use gives `undefined` (the value is then left out).
 */
import { ageOn, compareDates, parseIsoDate, type CalendarDate } from './dates';
import type { FeeLine, FeeRule } from './catalog';
import { feeFor } from './fees';

export interface ComputationContext {
  /** Today in Vietnam; absent when the caller has no clock (the value is then not computed). */
  today?: CalendarDate | undefined;
  /** The catalogue's fee data the field names (ComputedField.fee), read on `today`. */
  fee?: FeeLine | undefined;
}

/** Arguments as read from the answers (already tidied, possibly of the wrong type). */
export type ComputationArgs = Readonly<Record<string, unknown>>;
export type ComputationParams = Readonly<Record<string, number | string>>;

const numberParam = (params: Readonly<Record<string, unknown>>, key: string, fallback: number): number => {
  const value = params[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
};

export type Computation = (args: ComputationArgs, params: ComputationParams, context: ComputationContext) => number | undefined;

const MAX_PAGES = 10_000;
const MAX_COPIES = 1_000;

function wholeNumber(value: unknown, max: number): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max ? value : undefined;
}

function isoDate(value: unknown): CalendarDate | undefined {
  return typeof value === 'string' ? (parseIsoDate(value) ?? undefined) : undefined;
}

/** Whole years from `birthDate` to `on` (a date answer) or to today. */
const ageYears: Computation = (args, _params, context) => {
  const birth = isoDate(args.birthDate);
  const on = args.on === undefined ? context.today : isoDate(args.on);
  if (!birth || !on || compareDates(birth, on) > 0) return undefined;
  return ageOn(birth, on);
};

/**
 * Certified-copy fee (Thông tư 226/2016/TT-BTC): `firstPageVnd` for each of the first
 * `firstPages` pages, `laterPageVnd` from the next page on, at most `maxPerCopyVnd` per copy.
 */
export function copyFeeVnd(pages: number, copies: number, params: Readonly<Record<string, unknown>>): number {
  const firstPages = numberParam(params, 'firstPages', 2);
  const first = numberParam(params, 'firstPageVnd', 2000);
  const later = numberParam(params, 'laterPageVnd', 1000);
  const max = numberParam(params, 'maxPerCopyVnd', 200_000);
  const perCopy = Math.min(max, Math.min(pages, firstPages) * first + Math.max(0, pages - firstPages) * later);
  return perCopy * copies;
}

/**
 * The rule of the field's fee data on today (its periods included), for the channel named by
 * param `channel` ("inPerson" unless "online"); undefined when a period may apply but there is
 * no clock to tell.
 */
function feeRuleToday(context: ComputationContext, params: ComputationParams): FeeRule | undefined {
  const fee = context.fee;
  if (!fee) return undefined;
  const channel = params.channel === 'online' ? 'online' : 'inPerson';
  if (!context.today) return fee.periods && fee.periods.length > 0 ? undefined : fee[channel];
  return feeFor(fee, channel, context.today).rule;
}

/** Per-page figures from the catalogue's fee data when the field names it, else from params. */
const copyFee: Computation = (args, params, context) => {
  const pages = wholeNumber(args.pages, MAX_PAGES);
  const copies = wholeNumber(args.copies, MAX_COPIES);
  if (pages === undefined || copies === undefined) return undefined;
  if (!context.fee) return copyFeeVnd(pages, copies, params);
  const rule = feeRuleToday(context, params);
  switch (rule?.kind) {
    case 'per-page':
      return copyFeeVnd(pages, copies, rule);
    case 'free':
      return 0;
    case 'fixed':
      return rule.amountVnd * copies;
    default:
      return undefined;
  }
};

/** Sum of one numeric field (param `itemField`) over the items of a group, e.g. each document's fee. */
const sumOfItems: Computation = (args, params) => {
  if (!Array.isArray(args.items)) return undefined;
  const key = typeof params.itemField === 'string' ? params.itemField : 'amount';
  let total = 0;
  for (const item of args.items as unknown[]) {
    if (typeof item !== 'object' || item === null || !Object.prototype.hasOwnProperty.call(item, key)) continue;
    const value = (item as Record<string, unknown>)[key];
    if (typeof value === 'number' && Number.isFinite(value)) total += value;
  }
  return total;
};

/** How many items a group holds (people moving together). */
const countItems: Computation = (args) => (Array.isArray(args.items) ? args.items.length : undefined);

export const COMPUTATIONS = {
  'age-years': ageYears,
  'copy-fee': copyFee,
  'sum-of-items': sumOfItems,
  'count-items': countItems,
} as const satisfies Record<string, Computation>;

export type ComputationName = keyof typeof COMPUTATIONS;

/** Runs a computation by name; unknown names and thrown errors give `undefined`, never a crash. */
export function runComputation(
  name: string,
  args: ComputationArgs,
  params: ComputationParams,
  context: ComputationContext,
): number | undefined {
  if (!Object.prototype.hasOwnProperty.call(COMPUTATIONS, name)) return undefined;
  try {
    const value = COMPUTATIONS[name as ComputationName](args, params, context);
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
