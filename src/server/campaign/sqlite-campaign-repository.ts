/** The campaign repository on the shared SQLite connection (db/sqlite). */
import type { WorkingGroup } from '../../domain/campaign';
import type { VisitPushResult } from '../../domain/visit-protocol';
import type { SqliteDatabase } from '../db/sqlite/sqlite-database';
import type { AcceptedVisit, CampaignRepository, GroupWriteResult, VisitSender } from './campaign-repository';
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

export function sqliteCampaignRepository({ connection }: SqliteDatabase): CampaignRepository {
  const selectVillages = connection.prepare<[string], VillageRow>(SELECT_VILLAGES_SQL);
  const selectVillage = connection.prepare<[string, string], VillageRow>(SELECT_VILLAGE_SQL);
  const insertVillage = connection.prepare(INSERT_VILLAGE_SQL);
  const selectGroups = connection.prepare<[string], GroupRow>(SELECT_GROUPS_SQL);
  const selectMembers = connection.prepare<[string], { group_id: string; staff_id: string }>(SELECT_MEMBERS_SQL);
  const groupExists = connection.prepare<[string, string], { one: number }>(GROUP_EXISTS_SQL);
  const staffExists = connection.prepare<[string, string], { one: number }>(STAFF_OF_COMMUNE_SQL);
  const insertGroup = connection.prepare(INSERT_GROUP_SQL);
  const deleteMembers = connection.prepare(DELETE_MEMBERS_SQL);
  const insertMember = connection.prepare(INSERT_MEMBER_SQL);
  const selectVersion = connection.prepare<[string, number], { content_hash: string; commune_code: string }>(SELECT_VISIT_VERSION_SQL);
  const selectMaxVersion = connection.prepare<[string], { v: number | null }>(SELECT_MAX_VERSION_SQL);
  const insertVisit = connection.prepare(INSERT_VISIT_SQL);
  const clearLatest = connection.prepare(CLEAR_LATEST_SQL);
  const selectVersions = connection.prepare<[string], { visit_json: string }>(SELECT_VISIT_VERSIONS_SQL);
  const countVisits = connection.prepare<[], { n: number }>(COUNT_VISITS_SQL);
  type AnyStatement = ReturnType<typeof connection.prepare<unknown[], unknown>>;
  const countStatements = new Map<string, AnyStatement>();
  const prepared = (sql: string): AnyStatement => {
    let statement = countStatements.get(sql);
    if (!statement) countStatements.set(sql, (statement = connection.prepare<unknown[], unknown>(sql)));
    return statement;
  };

  const putGroup = connection.transaction((communeCode: string, group: WorkingGroup, now: number): GroupWriteResult => {
    if (!selectVillage.get(communeCode, group.villageId)) return 'unknown-village';
    if (group.memberIds.some((id) => !staffExists.get(communeCode, id))) return 'unknown-staff';
    const existed = groupExists.get(communeCode, group.id) !== undefined;
    insertGroup.run(...groupParams(communeCode, group, now));
    deleteMembers.run(communeCode, group.id);
    for (const staffId of group.memberIds) insertMember.run(communeCode, group.id, staffId);
    return existed ? 'updated' : 'created';
  });

  const push = connection.transaction(
    (sender: VisitSender, communeCode: string, items: readonly AcceptedVisit[], now: number): VisitPushResult[] =>
      items.map((item): VisitPushResult => {
        const { id, version } = item.visit;
        const existing = selectVersion.get(id, version);
        if (existing) {
          const same = existing.content_hash === item.contentHash && existing.commune_code === communeCode;
          return { id, version, outcome: same ? 'duplicate' : 'conflict' };
        }
        const max = selectMaxVersion.get(id)?.v ?? 0;
        const latest = version > max;
        insertVisit.run(...visitParams(sender, communeCode, item, now, latest));
        if (latest) clearLatest.run(id, version);
        return { id, version, outcome: 'stored' };
      }),
  );

  return {
    listVillages: async (communeCode) => selectVillages.all(communeCode).map(toVillage),
    getVillage: async (communeCode, id) => {
      const row = selectVillage.get(communeCode, id);
      return row ? toVillage(row) : null;
    },
    putVillage: async (communeCode, village, now) => {
      const existed = selectVillage.get(communeCode, village.id) !== undefined;
      insertVillage.run(...villageParams(communeCode, village, now));
      return existed ? 'updated' : 'created';
    },
    listGroups: async (communeCode) => toGroups(selectGroups.all(communeCode), selectMembers.all(communeCode)),
    putGroup: async (communeCode, group, now) => putGroup.immediate(communeCode, group, now),
    pushVisits: async (sender, communeCode, items, now) => push.immediate(sender, communeCode, items, now),
    visitCounts: async (query) =>
      (prepared(visitCountsSql(query.by, query.villageId !== undefined)).all(...visitCountParams(query)) as CountsRow[]).map(toCounts),
    dossierCounts: async (communeCode, fromMs, toMs, villageId) => {
      const params = villageId !== undefined ? [communeCode, fromMs, toMs, villageId] : [communeCode, fromMs, toMs];
      const rows = prepared(dossierCountsSql(villageId !== undefined)).all(...params) as { village_id: string; n: number }[];
      return new Map(rows.map((row) => [row.village_id, Number(row.n)]));
    },
    visitVersions: async (id) => selectVersions.all(id).map((row) => parseVisitJson(row.visit_json)),
    countVisits: async () => countVisits.get()?.n ?? 0,
  };
}
