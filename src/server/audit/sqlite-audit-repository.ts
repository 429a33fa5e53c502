/** The audit repository on the shared SQLite connection (db/sqlite). */
import type { SqliteDatabase } from '../db/sqlite/sqlite-database';
import { INSERT_AUDIT_SQL, LIST_AUDIT_SQL, NO_LIMIT, auditParams, toAuditEntry, type AuditRow } from './audit-queries';
import type { AuditRepository } from './audit-repository';

export function sqliteAuditRepository({ connection }: SqliteDatabase): AuditRepository {
  const insert = connection.prepare(INSERT_AUDIT_SQL);
  const list = connection.prepare<[string, number, number], AuditRow>(LIST_AUDIT_SQL);
  return {
    append: async (event) => {
      insert.run(...auditParams(event));
    },
    list: async (communeCode, { before, limit }) => list.all(communeCode, before ?? NO_LIMIT, limit).map(toAuditEntry),
  };
}
