/**
 * The append-only audit log (table audit_log; a trigger refuses UPDATE and DELETE on both
 * stores). Async so the PostgreSQL adapter implements the same interface and passes the same
 * contract tests as the SQLite one.
 */
import type { AuditEntry, AuditEvent } from './audit-event';

export interface AuditRepository {
  append(event: AuditEvent): Promise<void>;
  /** Entries of the commune with seq < before (all when absent), newest first. */
  list(communeCode: string, options: { before?: number; limit: number }): Promise<AuditEntry[]>;
}
