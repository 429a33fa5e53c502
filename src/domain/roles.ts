/**
 * Who may do what, as data: each staff role is a list of permissions, and the server checks a
 * route's one permission against this table (http/require-permission.ts) and nowhere else. The
 * console (coming) reads the same table to hide what a role cannot do.
 */

/** Every permission a route may require. */
export const PERMISSIONS = [
  /** Read a dossier: its answers and its history. */
  'dossier.read',
  /** Move a dossier through its lifecycle (receive, request a supplement, refuse, process, return). */
  'dossier.process',
  /** Open the photos and scans of a dossier (each view is audited). */
  'photo.view',
  /** Export dossiers (each export is audited). */
  'dossier.export',
  /** Make an enrolment code so a staff member's phone can sync as theirs. */
  'device.enrol',
  /** See every device, revoke one. */
  'device.manage',
  /** Create, disable and reset staff accounts. */
  'staff.manage',
  /** Change the commune's settings. */
  'settings.manage',
  /** Read the audit log. */
  'audit.read',
  /** Read reports (counts, service times), never a dossier's answers. */
  'report.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['admin', 'officer', 'leader', 'outreach'] as const;
export type Role = (typeof ROLES)[number];

const OFFICER = ['dossier.read', 'dossier.process', 'photo.view', 'dossier.export', 'device.enrol'] as const;

/**
 * - officer (cán bộ một cửa): processes dossiers and sees their photos; enrols staff phones.
 * - admin: manages accounts, devices and settings, and may do everything an officer does.
 * - leader (lãnh đạo): reads reports only.
 * - outreach (tổ công tác thôn): only has devices; signing in to the console lets them change
 *   their password and nothing else.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: [...OFFICER, 'device.manage', 'staff.manage', 'settings.manage', 'audit.read', 'report.read'],
  officer: OFFICER,
  leader: ['report.read'],
  outreach: [],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
