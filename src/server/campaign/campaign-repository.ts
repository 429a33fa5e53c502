/**
 * The outreach campaign's data: villages and working groups (the admin's), household visits (the
 * outreach phones'), and the counts reports are made of. Async so the SQLite and PostgreSQL
 * adapters pass the same contract tests. Reports are summed by the database (GROUP BY over the
 * report index), never by loading visits into Node.
 */
import type { ReportCounts, ReportGrouping } from '../../domain/campaign-report';
import type { Village, WorkingGroup } from '../../domain/campaign';
import type { Visit } from '../../domain/visit';
import type { VisitPushResult } from '../../domain/visit-protocol';

/** Who pushed a batch of visits: an enrolled staff phone. */
export interface VisitSender {
  deviceId: string;
  staffId: string;
}

/** A visit the gate accepted (valid, normalised), with what the server derives from it. */
export interface AcceptedVisit {
  visit: Visit;
  householdKey: string;
  contentHash: string;
}

/** Counts of one village in one period (`total` when not grouped). */
export interface VillagePeriodCounts {
  villageId: string;
  period: string;
  counts: Omit<ReportCounts, 'dossiersOnline'>;
}

export interface ReportQuery {
  communeCode: string;
  /** yyyy-mm-dd, inclusive. */
  from: string;
  /** yyyy-mm-dd, inclusive. */
  to: string;
  by: ReportGrouping;
  /** Only this village (an outreach worker's progress). */
  villageId?: string;
}

export type GroupWriteResult = 'created' | 'updated' | 'unknown-village' | 'unknown-staff';

export interface CampaignRepository {
  listVillages(communeCode: string): Promise<Village[]>;
  getVillage(communeCode: string, id: string): Promise<Village | null>;
  /** Creates or replaces a village. */
  putVillage(communeCode: string, village: Village, now: number): Promise<'created' | 'updated'>;
  listGroups(communeCode: string): Promise<WorkingGroup[]>;
  /** Creates or replaces a group and its members, in one transaction; refused when the village or a member is unknown. */
  putGroup(communeCode: string, group: WorkingGroup, now: number): Promise<GroupWriteResult>;
  /**
   * Stores a batch in one transaction, per item: a new (id, version) is stored (and becomes the
   * visit's latest when its version is the highest); the same (id, version) again is duplicate
   * when its content hash matches, conflict otherwise, and changes nothing.
   */
  pushVisits(sender: VisitSender, communeCode: string, items: readonly AcceptedVisit[], now: number): Promise<VisitPushResult[]>;
  /** Visit counts (latest versions only) per village and period. */
  visitCounts(query: ReportQuery): Promise<VillagePeriodCounts[]>;
  /** Dossiers received from each village's staff phones in [fromMs, toMs). */
  dossierCounts(communeCode: string, fromMs: number, toMs: number, villageId?: string): Promise<Map<string, number>>;
  /** Every stored version of a visit, oldest first (its history). */
  visitVersions(id: string): Promise<Visit[]>;
  countVisits(): Promise<number>;
}
