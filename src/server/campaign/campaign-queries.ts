/** SQL shared by both campaign adapters (`?` placeholders) and the row mappers. */
import type { ReportGrouping } from '../../domain/campaign-report';
import type { Village, WorkingGroup } from '../../domain/campaign';
import { VNEID_HELPED, monthOf, weekOf, type Visit } from '../../domain/visit';
import type { AcceptedVisit, VillagePeriodCounts, VisitSender } from './campaign-repository';

export const SELECT_VILLAGES_SQL = 'SELECT id, name, households, target_households FROM villages WHERE commune_code = ? ORDER BY name, id';
export const SELECT_VILLAGE_SQL = 'SELECT id, name, households, target_households FROM villages WHERE commune_code = ? AND id = ?';
export const INSERT_VILLAGE_SQL = `INSERT INTO villages (commune_code, id, name, households, target_households, updated_at)
VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (commune_code, id) DO UPDATE SET name = excluded.name, households = excluded.households,
  target_households = excluded.target_households, updated_at = excluded.updated_at`;

export const SELECT_GROUPS_SQL = 'SELECT id, village_id, name, leader_id FROM working_groups WHERE commune_code = ? ORDER BY name, id';
export const SELECT_MEMBERS_SQL = 'SELECT group_id, staff_id FROM working_group_members WHERE commune_code = ? ORDER BY staff_id';
export const GROUP_EXISTS_SQL = 'SELECT 1 AS one FROM working_groups WHERE commune_code = ? AND id = ?';
export const STAFF_OF_COMMUNE_SQL = 'SELECT 1 AS one FROM staff WHERE commune_code = ? AND id = ?';
export const INSERT_GROUP_SQL = `INSERT INTO working_groups (commune_code, id, village_id, name, leader_id, updated_at)
VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (commune_code, id) DO UPDATE SET village_id = excluded.village_id, name = excluded.name,
  leader_id = excluded.leader_id, updated_at = excluded.updated_at`;
export const DELETE_MEMBERS_SQL = 'DELETE FROM working_group_members WHERE commune_code = ? AND group_id = ?';
export const INSERT_MEMBER_SQL = 'INSERT INTO working_group_members (commune_code, group_id, staff_id) VALUES (?, ?, ?)';

export const SELECT_VISIT_VERSION_SQL = 'SELECT content_hash, commune_code FROM visits WHERE id = ? AND version = ?';
export const SELECT_MAX_VERSION_SQL = 'SELECT MAX(version) AS v FROM visits WHERE id = ?';
export const INSERT_VISIT_SQL = `INSERT INTO visits (id, version, commune_code, village_id, device_id, staff_id, household_key,
  visited_on, visited_week, visited_month, vneid, app_installed, dossier_count, follow_up_on, content_hash, visit_json,
  recorded_at, received_at, latest)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id, version) DO NOTHING`;
export const CLEAR_LATEST_SQL = 'UPDATE visits SET latest = 0 WHERE id = ? AND version <> ? AND latest = 1';
export const SELECT_VISIT_VERSIONS_SQL = 'SELECT visit_json FROM visits WHERE id = ? ORDER BY version';
export const COUNT_VISITS_SQL = 'SELECT COUNT(*) AS n FROM visits';

const HELPED = VNEID_HELPED.map((v) => `'${v}'`).join(', ');
const PERIOD_COLUMN: Record<ReportGrouping, string | null> = { week: 'visited_week', month: 'visited_month', total: null };

/**
 * The report's one query per grouping: latest versions in the date range, summed per village
 * (and week or month). Grouping names a column from a fixed table, never the caller's text.
 */
export function visitCountsSql(by: ReportGrouping, oneVillage: boolean): string {
  const column = PERIOD_COLUMN[by];
  const period = column ?? "'total'";
  return `SELECT village_id, ${period} AS period,
  COUNT(DISTINCT household_key) AS households_visited,
  COUNT(*) AS visits,
  SUM(CASE WHEN vneid IN (${HELPED}) THEN 1 ELSE 0 END) AS vneid_helped,
  SUM(CASE WHEN vneid = 'police-appointment' THEN 1 ELSE 0 END) AS police_appointments,
  SUM(app_installed) AS app_installed,
  SUM(dossier_count) AS dossiers_at_visits
FROM visits
WHERE commune_code = ? AND latest = 1 AND visited_on >= ? AND visited_on <= ?${oneVillage ? ' AND village_id = ?' : ''}
GROUP BY village_id${column ? `, ${column}` : ''}
ORDER BY village_id${column ? `, ${column}` : ''}`;
}

export function dossierCountsSql(oneVillage: boolean): string {
  return `SELECT village_id, COUNT(*) AS n FROM dossiers
WHERE commune_code = ? AND village_id IS NOT NULL AND received_at >= ? AND received_at < ?${oneVillage ? ' AND village_id = ?' : ''}
GROUP BY village_id`;
}

export interface VillageRow {
  id: string;
  name: string;
  households: number | string;
  target_households: number | string;
}

export function toVillage(row: VillageRow): Village {
  return { id: row.id, name: row.name, households: Number(row.households), targetHouseholds: Number(row.target_households) };
}

export function villageParams(communeCode: string, village: Village, now: number): unknown[] {
  return [communeCode, village.id, village.name, village.households, village.targetHouseholds, now];
}

export interface GroupRow {
  id: string;
  village_id: string;
  name: string;
  leader_id: string | null;
}

export function toGroups(groups: readonly GroupRow[], members: readonly { group_id: string; staff_id: string }[]): WorkingGroup[] {
  return groups.map((row) => {
    const group: WorkingGroup = {
      id: row.id,
      villageId: row.village_id,
      name: row.name,
      memberIds: members.filter((m) => m.group_id === row.id).map((m) => m.staff_id),
    };
    if (row.leader_id !== null) group.leaderId = row.leader_id;
    return group;
  });
}

export function groupParams(communeCode: string, group: WorkingGroup, now: number): unknown[] {
  return [communeCode, group.id, group.villageId, group.name, group.leaderId ?? null, now];
}

export function visitParams(sender: VisitSender, communeCode: string, item: AcceptedVisit, now: number, latest: boolean): unknown[] {
  const { visit } = item;
  return [
    visit.id,
    visit.version,
    communeCode,
    visit.villageId,
    sender.deviceId,
    sender.staffId,
    item.householdKey,
    visit.visitedOn,
    weekOf(visit.visitedOn),
    monthOf(visit.visitedOn),
    visit.vneid,
    visit.appInstalled ? 1 : 0,
    visit.dossierIds.length,
    visit.followUp?.on ?? null,
    item.contentHash,
    JSON.stringify(visit),
    visit.recordedAt,
    now,
    latest ? 1 : 0,
  ];
}

export interface CountsRow {
  village_id: string;
  period: string;
  households_visited: number | string;
  visits: number | string;
  vneid_helped: number | string | null;
  police_appointments: number | string | null;
  app_installed: number | string | null;
  dossiers_at_visits: number | string | null;
}

export function toCounts(row: CountsRow): VillagePeriodCounts {
  return {
    villageId: row.village_id,
    period: row.period,
    counts: {
      householdsVisited: Number(row.households_visited),
      visits: Number(row.visits),
      vneidHelped: Number(row.vneid_helped ?? 0),
      policeAppointments: Number(row.police_appointments ?? 0),
      appInstalled: Number(row.app_installed ?? 0),
      dossiersAtVisits: Number(row.dossiers_at_visits ?? 0),
    },
  };
}

export function visitCountParams(query: { communeCode: string; from: string; to: string; villageId?: string }): unknown[] {
  return query.villageId !== undefined
    ? [query.communeCode, query.from, query.to, query.villageId]
    : [query.communeCode, query.from, query.to];
}

export function parseVisitJson(json: string): Visit {
  return JSON.parse(json) as Visit;
}
