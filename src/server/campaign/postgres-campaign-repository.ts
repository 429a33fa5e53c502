/** The campaign repository on the shared PostgreSQL pool (db/postgres). */
import type { VisitPushResult } from '../../domain/visit-protocol';
import { lockVisits } from '../db/postgres/advisory-locks';
import type { PostgresDatabase } from '../db/postgres/postgres-database';
import { numbered } from '../db/postgres/placeholders';
import type { CampaignRepository, GroupWriteResult } from './campaign-repository';
import {
  CLEAR_LATEST_SQL,
  COUNT_VISITS_SQL,
  DELETE_MEMBERS_SQL,
  GROUP_EXISTS_SQL,
  INSERT_GROUP_SQL,
  INSERT_MEMBER_SQL,
  INSERT_VILLAGE_SQL,
  INSERT_VISIT_SQL,
  SELECT_GROUPS_SQL,
  SELECT_MAX_VERSION_SQL,
  SELECT_MEMBERS_SQL,
  SELECT_VILLAGES_SQL,
  SELECT_VILLAGE_SQL,
  SELECT_VISIT_VERSIONS_SQL,
  SELECT_VISIT_VERSION_SQL,
  STAFF_OF_COMMUNE_SQL,
  dossierCountsSql,
  groupParams,
  parseVisitJson,
  toCounts,
  toGroups,
  toVillage,
  villageParams,
  visitCountParams,
  visitCountsSql,
  visitParams,
  type CountsRow,
  type GroupRow,
  type VillageRow,
} from './campaign-queries';

const SQL = {
  villages: numbered(SELECT_VILLAGES_SQL),
  village: numbered(SELECT_VILLAGE_SQL),
  insertVillage: `${numbered(INSERT_VILLAGE_SQL)} RETURNING (xmax = 0) AS inserted`,
  groups: numbered(SELECT_GROUPS_SQL),
  members: numbered(SELECT_MEMBERS_SQL),
  groupExists: numbered(GROUP_EXISTS_SQL),
  staffExists: numbered(STAFF_OF_COMMUNE_SQL),
  insertGroup: numbered(INSERT_GROUP_SQL),
  deleteMembers: numbered(DELETE_MEMBERS_SQL),
  insertMember: numbered(INSERT_MEMBER_SQL),
  version: numbered(SELECT_VISIT_VERSION_SQL),
  maxVersion: numbered(SELECT_MAX_VERSION_SQL),
  insertVisit: numbered(INSERT_VISIT_SQL),
  clearLatest: numbered(CLEAR_LATEST_SQL),
  versions: numbered(SELECT_VISIT_VERSIONS_SQL),
  count: COUNT_VISITS_SQL,
};

export function postgresCampaignRepository(database: PostgresDatabase): CampaignRepository {
  const { pool } = database;
  return {
    listVillages: async (communeCode) => (await pool.query<VillageRow>(SQL.villages, [communeCode])).rows.map(toVillage),
    getVillage: async (communeCode, id) => {
      const row = (await pool.query<VillageRow>(SQL.village, [communeCode, id])).rows[0];
      return row ? toVillage(row) : null;
    },
    putVillage: async (communeCode, village, now) => {
      const result = await pool.query<{ inserted: boolean }>(SQL.insertVillage, villageParams(communeCode, village, now));
      return result.rows[0]?.inserted ? 'created' : 'updated';
    },
    listGroups: async (communeCode) => {
      const [groups, members] = await Promise.all([
        pool.query<GroupRow>(SQL.groups, [communeCode]),
        pool.query<{ group_id: string; staff_id: string }>(SQL.members, [communeCode]),
      ]);
      return toGroups(groups.rows, members.rows);
    },
    putGroup: (communeCode, group, now) =>
      database.transaction(async (client): Promise<GroupWriteResult> => {
        if ((await client.query(SQL.village, [communeCode, group.villageId])).rowCount === 0) return 'unknown-village';
        for (const id of group.memberIds) {
          if ((await client.query(SQL.staffExists, [communeCode, id])).rowCount === 0) return 'unknown-staff';
        }
        const existed = ((await client.query(SQL.groupExists, [communeCode, group.id])).rowCount ?? 0) > 0;
        await client.query(SQL.insertGroup, groupParams(communeCode, group, now));
        await client.query(SQL.deleteMembers, [communeCode, group.id]);
        for (const staffId of group.memberIds) await client.query(SQL.insertMember, [communeCode, group.id, staffId]);
        return existed ? 'updated' : 'created';
      }),
    pushVisits: (sender, communeCode, items, now) =>
      database.transaction(async (client) => {
        await lockVisits(
          client,
          items.map((item) => item.visit.id),
        );
        const results: VisitPushResult[] = [];
        for (const item of items) {
          const { id, version } = item.visit;
          const existing = (await client.query<{ content_hash: string; commune_code: string }>(SQL.version, [id, version])).rows[0];
          if (existing) {
            const same = existing.content_hash === item.contentHash && existing.commune_code === communeCode;
            results.push({ id, version, outcome: same ? 'duplicate' : 'conflict' });
            continue;
          }
          const max = Number((await client.query<{ v: number | null }>(SQL.maxVersion, [id])).rows[0]?.v ?? 0);
          const latest = version > max;
          await client.query(SQL.insertVisit, visitParams(sender, communeCode, item, now, latest));
          if (latest) await client.query(SQL.clearLatest, [id, version]);
          results.push({ id, version, outcome: 'stored' });
        }
        return results;
      }),
    visitCounts: async (query) =>
      (await pool.query<CountsRow>(numbered(visitCountsSql(query.by, query.villageId !== undefined)), visitCountParams(query))).rows.map(
        toCounts,
      ),
    dossierCounts: async (communeCode, fromMs, toMs, villageId) => {
      const params = villageId !== undefined ? [communeCode, fromMs, toMs, villageId] : [communeCode, fromMs, toMs];
      const rows = (await pool.query<{ village_id: string; n: string }>(numbered(dossierCountsSql(villageId !== undefined)), params)).rows;
      return new Map(rows.map((row) => [row.village_id, Number(row.n)]));
    },
    visitVersions: async (id) =>
      (await pool.query<{ visit_json: string }>(SQL.versions, [id])).rows.map((row) => parseVisitJson(row.visit_json)),
    countVisits: async () => Number((await pool.query<{ n: string }>(SQL.count)).rows[0]?.n ?? 0),
  };
}
