/**
 * The leaders' campaign report: what each row holds, the periods it is grouped by, and the
 * arithmetic done on counts the database already summed (shares, progress), pure so the
 * printable page, the CSV and the phone agree to the digit. The counting itself is SQL
 * (server/campaign/report-queries.ts), never a loop over rows in Node.
 */
export const REPORT_GROUPINGS = ['week', 'month', 'total'] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

/** What the database sums per village and period. */
export interface ReportCounts {
  /** Distinct households visited (a household visited twice counts once). */
  householdsVisited: number;
  visits: number;
  vneidHelped: number;
  policeAppointments: number;
  appInstalled: number;
  /** Dossiers filed online during visits (linked by their ids). */
  dossiersAtVisits: number;
  /** Every dossier the commune's server received from the village (phones of its staff). */
  dossiersOnline: number;
}

export interface ReportRow extends ReportCounts {
  villageId: string;
  villageName: string;
  /** `2026-11-30` (Monday of the week), `2026-11` or `total`. */
  period: string;
  households: number;
  targetHouseholds: number;
  /** householdsVisited / households, 0–1; null when the household count is 0. */
  visitedShare: number | null;
  /** householdsVisited / targetHouseholds, 0–1+; null without a target. */
  targetProgress: number | null;
}

export interface CampaignReport {
  from: string;
  to: string;
  by: ReportGrouping;
  rows: ReportRow[];
  /** The whole commune over the period. */
  total: ReportRow;
}

export const EMPTY_COUNTS: ReportCounts = {
  householdsVisited: 0,
  visits: 0,
  vneidHelped: 0,
  policeAppointments: 0,
  appInstalled: 0,
  dossiersAtVisits: 0,
  dossiersOnline: 0,
};

export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** One row with its shares computed. */
export function reportRow(
  village: { id: string; name: string; households: number; targetHouseholds: number },
  period: string,
  counts: ReportCounts,
): ReportRow {
  return {
    villageId: village.id,
    villageName: village.name,
    period,
    households: village.households,
    targetHouseholds: village.targetHouseholds,
    ...counts,
    visitedShare: share(counts.householdsVisited, village.households),
    targetProgress: share(counts.householdsVisited, village.targetHouseholds),
  };
}

export function addCounts(a: ReportCounts, b: ReportCounts): ReportCounts {
  const out = { ...a };
  for (const key of Object.keys(EMPTY_COUNTS) as (keyof ReportCounts)[]) out[key] = a[key] + b[key];
  return out;
}

/** A share as people read it: `42 %` (vi puts a space before %, as in `42 %`), `–` when unknown. */
export function formatShare(value: number | null): string {
  return value === null ? '–' : `${Math.round(value * 100)} %`;
}

export interface ReportPeriod {
  /** The row's `period`: a week's Monday, a month `yyyy-mm`, or `total`. */
  key: string;
  /** First and last day inside the report's range (yyyy-mm-dd, inclusive). */
  from: string;
  to: string;
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const dayMs = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

/** The periods of a report from `from` to `to` (inclusive, yyyy-mm-dd), clipped to the range, oldest first. */
export function reportPeriods(from: string, to: string, by: ReportGrouping): ReportPeriod[] {
  if (by === 'total') return [{ key: 'total', from, to }];
  const periods: ReportPeriod[] = [];
  let start = dayMs(from);
  const end = dayMs(to);
  while (start <= end) {
    const date = new Date(start);
    let next: number;
    let key: string;
    if (by === 'week') {
      const weekday = (date.getUTCDay() + 6) % 7;
      key = isoDay(start - weekday * 86_400_000);
      next = dayMs(key) + 7 * 86_400_000;
    } else {
      key = isoDay(start).slice(0, 7);
      next = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    }
    periods.push({ key, from: isoDay(start), to: isoDay(Math.min(next - 86_400_000, end)) });
    start = next;
  }
  return periods;
}

/** 00:00 in Vietnam (UTC+7) on an ISO day, as epoch ms. */
export function vietnamMidnight(iso: string): number {
  return dayMs(iso) - 7 * 3600_000;
}

/** Days from `from` to `to` inclusive. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / 86_400_000) + 1;
}

/** GET /api/v1/campaign/progress: an outreach phone's own village, this week and this month. */
export interface CampaignProgress {
  villageId: string | null;
  week: ReportRow | null;
  month: ReportRow | null;
}

/** The progress answer as the phone reads it: only the numbers it shows. */
export function readProgress(body: unknown): CampaignProgress | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as Record<string, unknown>;
  const row = (value: unknown): ReportRow | null | undefined => {
    if (value === null) return null;
    if (typeof value !== 'object') return undefined;
    const r = value as Record<string, unknown>;
    return typeof r.householdsVisited === 'number' && typeof r.targetHouseholds === 'number' && typeof r.households === 'number'
      ? (r as unknown as ReportRow)
      : undefined;
  };
  const week = row(b.week);
  const month = row(b.month);
  if (week === undefined || month === undefined) return undefined;
  const villageId = typeof b.villageId === 'string' ? b.villageId : null;
  return { villageId, week, month };
}
