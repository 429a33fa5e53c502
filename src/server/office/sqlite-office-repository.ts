/** The office repository on the shared SQLite connection (db/sqlite). */
import type { CommuneSettings } from '../../domain/office';
import type { SqliteDatabase } from '../db/sqlite/sqlite-database';
import type { OfficeRepository } from './office-repository';
import {
  REGISTER_SQL,
  SELECT_SETTINGS_SQL,
  UPSERT_SETTINGS_SQL,
  inboxCountsSql,
  inboxPageSql,
  inboxTotalSql,
  toCounts,
  toInboxItem,
  toRegisterRow,
  type InboxRow,
  type RegisterDbRow,
} from './office-queries';

export function sqliteOfficeRepository({ connection }: SqliteDatabase): OfficeRepository {
  const register = connection.prepare<[string, number, number, number], RegisterDbRow>(REGISTER_SQL);
  const selectSettings = connection.prepare<[string], { settings_json: string }>(SELECT_SETTINGS_SQL);
  const upsertSettings = connection.prepare(UPSERT_SETTINGS_SQL);
  // One read transaction: the page, its total and the counts see the same moment.
  const inbox = connection.transaction((request: Parameters<OfficeRepository['inbox']>[0]) => {
    const page = inboxPageSql(request);
    const total = inboxTotalSql(request);
    const counts = inboxCountsSql(request);
    return {
      items: (connection.prepare(page.sql).all(...page.params) as InboxRow[]).map(toInboxItem),
      total: (connection.prepare(total.sql).get(...total.params) as { n: number }).n,
      counts: toCounts(connection.prepare(counts.sql).all(...counts.params) as { status: string; n: number }[]),
      page: request.page,
      pageSize: request.pageSize,
    };
  });
  return {
    inbox: async (request) => inbox(request),
    register: async (communeCode, from, to, limit) => register.all(communeCode, from, to, limit).map(toRegisterRow),
    getSettings: async (communeCode) => {
      const row = selectSettings.get(communeCode);
      return row ? (JSON.parse(row.settings_json) as CommuneSettings) : null;
    },
    putSettings: async (communeCode, settings, staffId, now) => {
      upsertSettings.run(communeCode, JSON.stringify(settings), now, staffId);
    },
  };
}
