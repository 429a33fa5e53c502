/** The audit repository on the shared PostgreSQL pool (db/postgres). */
import type { PostgresDatabase } from '../db/postgres/postgres-database';
import { numbered } from '../db/postgres/placeholders';
import { INSERT_AUDIT_SQL, LIST_AUDIT_SQL, NO_LIMIT, auditParams, toAuditEntry, type AuditRow } from './audit-queries';
import type { AuditRepository } from './audit-repository';

const INSERT_AUDIT = numbered(INSERT_AUDIT_SQL);
const LIST_AUDIT = numbered(LIST_AUDIT_SQL);

export function postgresAuditRepository({ pool }: PostgresDatabase): AuditRepository {
  return {
    append: async (event) => {
      await pool.query(INSERT_AUDIT, auditParams(event));
    },
    list: async (communeCode, { before, limit }) =>
      (await pool.query<AuditRow>(LIST_AUDIT, [communeCode, before ?? NO_LIMIT, limit])).rows.map(toAuditEntry),
  };
}
