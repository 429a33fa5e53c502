/**
 * Which fee applies on a given day: the standing rule of a channel, unless a period of the
 * catalogue replaces it (a new rate from a date, or a waiver for the applicants who meet its
 * condition). Periods end by their dates, so nothing in the code changes when a waiver ends.
 *
 * Order: a conditional period the applicant meets comes first, then a period for everyone, then
 * the standing rule; within each group, the first period listed that holds on the day.
 */
import type { FeeChannel, FeeCondition, FeeLine, FeePeriod, FeeRule } from './catalog';
import { type CalendarDate, toIsoDate } from './dates';

export interface AppliedFee {
  rule: FeeRule;
  /** The period that set it; absent when the standing rule applies. */
  period?: FeePeriod;
}

/** A rate in force on the day for the applicants who meet its condition. */
export interface ConditionalFee {
  rule: FeeRule;
  period: FeePeriod & { condition: FeeCondition };
}

export function periodHolds(period: FeePeriod, on: CalendarDate): boolean {
  const day = toIsoDate(on);
  return (period.from === undefined || period.from <= day) && (period.until === undefined || day <= period.until);
}

function inForce(line: FeeLine, channel: FeeChannel, on: CalendarDate): Array<{ rule: FeeRule; period: FeePeriod }> {
  return (line.periods ?? []).flatMap((period) => {
    const rule = period[channel];
    return rule && periodHolds(period, on) ? [{ rule, period }] : [];
  });
}

/** What an applicant who meets the conditions `met` pays on `on` through `channel`. */
export function feeFor(line: FeeLine, channel: FeeChannel, on: CalendarDate, met: readonly FeeCondition[] = []): AppliedFee {
  const periods = inForce(line, channel, on);
  const conditional = periods.find((p) => p.period.condition !== undefined && met.includes(p.period.condition));
  const general = periods.find((p) => p.period.condition === undefined);
  return conditional ?? general ?? { rule: line[channel] };
}

/**
 * What a page shows on a day when it does not know the applicant: the fee for everyone, and the
 * conditional rates in force (each shown with its condition, its end date and why).
 */
export function feesOn(line: FeeLine, channel: FeeChannel, on: CalendarDate): { standard: AppliedFee; conditional: ConditionalFee[] } {
  const conditional: ConditionalFee[] = [];
  for (const { rule, period } of inForce(line, channel, on)) {
    if (period.condition !== undefined) conditional.push({ rule, period: { ...period, condition: period.condition } });
  }
  return { standard: feeFor(line, channel, on), conditional };
}

/** The periods with a condition that hold on the day, once each, in catalogue order (for a note under both channels). */
export function conditionalPeriodsOn(line: FeeLine, on: CalendarDate): Array<FeePeriod & { condition: FeeCondition }> {
  return (line.periods ?? []).flatMap((p) => (p.condition !== undefined && periodHolds(p, on) ? [{ ...p, condition: p.condition }] : []));
}
