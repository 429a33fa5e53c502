/** The audit SQL both adapters run (`?` placeholders; PostgreSQL numbers them) and the mapping of its rows. */
import type { AuditAction, AuditActor, AuditDetail, AuditEntry, AuditEvent, AuditTargetKind } from './audit-event';

/** (commune_code, at, actor_kind, actor_id, action, target_kind, target_id, detail) */
export const INSERT_AUDIT_SQL = `INSERT INTO audit_log (commune_code, at, actor_kind, actor_id, action, target_kind, target_id, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;
/** (commune_code, before, limit) */
export const LIST_AUDIT_SQL = `SELECT seq, commune_code, at, actor_kind, actor_id, action, target_kind, target_id, detail
     FROM audit_log WHERE commune_code = ? AND seq < ? ORDER BY seq DESC LIMIT ?`;

export interface AuditRow {
  seq: number | string;
  commune_code: string;
  at: number | string;
  actor_kind: string;
  actor_id: string | null;
  action: string;
  target_kind: string | null;
  target_id: string | null;
  detail: string | null;
}

export function auditParams(event: AuditEvent): unknown[] {
  const actorId = 'id' in event.actor ? event.actor.id : null;
  return [
    event.communeCode,
    event.at,
    event.actor.kind,
    actorId,
    event.action,
    event.target?.kind ?? null,
    event.target?.id ?? null,
    event.detail ? JSON.stringify(event.detail) : null,
  ];
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  const actor = (row.actor_id === null ? { kind: row.actor_kind } : { kind: row.actor_kind, id: row.actor_id }) as AuditActor;
  const entry: AuditEntry = {
    seq: Number(row.seq),
    communeCode: row.commune_code,
    at: Number(row.at),
    actor,
    action: row.action as AuditAction,
  };
  if (row.target_kind !== null && row.target_id !== null) entry.target = { kind: row.target_kind as AuditTargetKind, id: row.target_id };
  if (row.detail !== null) entry.detail = JSON.parse(row.detail) as AuditDetail;
  return entry;
}

/** Larger than any seq: `before` when the caller gave none. */
export const NO_LIMIT = Number.MAX_SAFE_INTEGER;
