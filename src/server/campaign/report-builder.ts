/**
 * Builds the leaders' campaign report from what the database summed: one visit query for the
 * grouping, one for the whole range (households visited are distinct, so a village's total is
 * not the sum of its weeks), and one dossier count per period (each an indexed range count).
 */
import {
  EMPTY_COUNTS,
  addCounts,
  reportPeriods,
  reportRow,
  vietnamMidnight,
  type CampaignReport,
  type ReportCounts,
  type ReportGrouping,
  type ReportRow,
} from '../../domain/campaign-report';
import type { Village } from '../../domain/campaign';
import { addDays } from '../../domain/visit';
import type { CampaignRepository } from './campaign-repository';

export interface ReportRequest {
  communeCode: string;
  from: string;
  to: string;
  by: ReportGrouping;
  /** Only this village (the outreach phone's progress). */
  villageId?: string;
}

export async function buildReport(campaign: CampaignRepository, request: ReportRequest): Promise<CampaignReport> {
  const { communeCode, from, to, by } = request;
  const one = request.villageId !== undefined ? { villageId: request.villageId } : {};
  let villages: Village[] = await campaign.listVillages(communeCode);
  if (request.villageId !== undefined) villages = villages.filter((v) => v.id === request.villageId);
  const periods = reportPeriods(from, to, by);
  const [grouped, totals] = await Promise.all([
    campaign.visitCounts({ communeCode, from, to, by, ...one }),
    by === 'total' ? Promise.resolve(null) : campaign.visitCounts({ communeCode, from, to, by: 'total', ...one }),
  ]);
  const dossiers = new Map<string, Map<string, number>>();
  for (const period of periods) {
    dossiers.set(
      period.key,
      await campaign.dossierCounts(communeCode, vietnamMidnight(period.from), vietnamMidnight(addDays(period.to, 1)), request.villageId),
    );
  }
  const countsOf = (villageId: string, period: string, source: typeof grouped): Omit<ReportCounts, 'dossiersOnline'> =>
    source.find((row) => row.villageId === villageId && row.period === period)?.counts ?? EMPTY_COUNTS;
  const rows: ReportRow[] = [];
  for (const village of villages) {
    for (const period of periods) {
      const counts = { ...countsOf(village.id, period.key, grouped), dossiersOnline: dossiers.get(period.key)?.get(village.id) ?? 0 };
      rows.push(reportRow(village, period.key, counts));
    }
  }
  let sum: ReportCounts = { ...EMPTY_COUNTS };
  for (const village of villages) {
    const visits = countsOf(village.id, 'total', totals ?? grouped);
    let online = 0;
    for (const period of periods) online += dossiers.get(period.key)?.get(village.id) ?? 0;
    sum = addCounts(sum, { ...visits, dossiersOnline: online });
  }
  const households = villages.reduce((n, v) => n + v.households, 0);
  const target = villages.reduce((n, v) => n + v.targetHouseholds, 0);
  const total = reportRow({ id: '', name: '', households, targetHouseholds: target }, 'total', sum);
  return { from, to, by, rows, total };
}
