/**
 * What the audit log records, as types narrow enough that nothing personal fits: an action name
 * from a fixed list, who (a staff id, a device id, or nobody), on what (an id), and a few enums.
 * There is no free-text field: never a password, a token, a username someone typed, a note or a
 * dossier's answers. A username typed at login is not stored either (people type passwords there).
 */
import type { DossierAction } from '../../domain/dossier-lifecycle';
import type { DeviceKind, DossierStatus } from '../../domain/protocol';
import type { Role } from '../../domain/roles';

export const AUDIT_ACTIONS = [
  'login.ok',
  'login.failed',
  'logout',
  'logout.everywhere',
  'account.setup',
  'account.created',
  'account.disabled',
  'account.password-reset',
  'account.password-changed',
  'device.registered',
  'device.enrolled',
  'device.revoked',
  'enrolment.created',
  'dossier.status-changed',
  'dossier.viewed',
  /** A phone that did not send the dossier follows it (POST /api/v1/lookup, right code and digits). */
  'dossier.followed',
  'photo.viewed',
  'dossier.exported',
  'settings.changed',
  'village.changed',
  'group.changed',
  'report.exported',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditActor = { kind: 'staff'; id: string } | { kind: 'device'; id: string } | { kind: 'system' } | { kind: 'anonymous' };

export type AuditTargetKind = 'staff' | 'device' | 'dossier' | 'blob' | 'commune' | 'village' | 'group';

/** Why a login failed: enough to see an attack, nothing that names the person typing. */
export type LoginFailure = 'unknown-user' | 'wrong-password' | 'disabled' | 'locked';

export interface AuditDetail {
  role?: Role;
  kind?: DeviceKind;
  from?: DossierStatus;
  to?: DossierStatus;
  action?: DossierAction;
  reason?: LoginFailure | 'account-disabled' | 'admin';
  /** How many devices a change touched, or how many dossiers an export held. */
  count?: number;
}

export interface AuditEvent {
  communeCode: string;
  at: number;
  actor: AuditActor;
  action: AuditAction;
  target?: { kind: AuditTargetKind; id: string };
  detail?: AuditDetail;
}

export interface AuditEntry extends AuditEvent {
  seq: number;
}
