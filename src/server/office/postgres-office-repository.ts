/** The office repository on the shared PostgreSQL pool (db/postgres). */
import type { CommuneSettings } from '../../domain/office';
import type { PostgresDatabase } from '../db/postgres/postgres-database';
import { numbered } from '../db/postgres/placeholders';
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
  type SqlPart,
} from './office-queries';

const REGISTER = numbered(REGISTER_SQL);
const SELECT_SETTINGS = numbered(SELECT_SETTINGS_SQL);
const UPSERT_SETTINGS = numbered(UPSERT_SETTINGS_SQL);

export function postgresOfficeRepository(database: PostgresDatabase): OfficeRepository {
  const { pool } = database;
  const run = <T extends object>(part: SqlPart) => pool.query<T>(numbered(part.sql), part.params);
  return {
    inbox: async (request) => {
      const [page, total, counts] = await Promise.all([
        run<InboxRow>(inboxPageSql(request)),
        run<{ n: string }>(inboxTotalSql(request)),
        run<{ status: string; n: string }>(inboxCountsSql(request)),
      ]);
      return {
        items: page.rows.map(toInboxItem),
        total: Number(total.rows[0]?.n ?? 0),
        counts: toCounts(counts.rows),
        page: request.page,
        pageSize: request.pageSize,
      };
    },
    register: async (communeCode, from, to, limit) =>
      (await pool.query<RegisterDbRow>(REGISTER, [communeCode, from, to, limit])).rows.map(toRegisterRow),
    getSettings: async (communeCode) => {
      const row = (await pool.query<{ settings_json: string }>(SELECT_SETTINGS, [communeCode])).rows[0];
      return row ? (JSON.parse(row.settings_json) as CommuneSettings) : null;
    },
    putSettings: async (communeCode, settings, staffId, now) => {
      await pool.query(UPSERT_SETTINGS, [communeCode, JSON.stringify(settings), now, staffId]);
    },
  };
}
