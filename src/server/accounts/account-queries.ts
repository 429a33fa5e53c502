/**
 * The account SQL both adapters run (`?` placeholders; PostgreSQL numbers them) and the mapping
 * of its rows. must_change_password is INTEGER 0/1 on both stores; BIGINT columns come back
 * from PostgreSQL as strings, hence Number().
 */
import type { Role } from '../../domain/roles';
import type { LoginFailures, SessionRecord, StaffWithPassword } from './account-repository';

const STAFF_COLUMNS =
  'id, commune_code, username, display_name, role, village_id, password_hash, must_change_password, created_at, password_changed_at, disabled_at';

/** (commune_code) */
export const COUNT_STAFF_SQL = 'SELECT COUNT(*) AS n FROM staff WHERE commune_code = ?';
/** (commune_code) */
export const COUNT_ACTIVE_ADMINS_SQL = "SELECT COUNT(*) AS n FROM staff WHERE commune_code = ? AND role = 'admin' AND disabled_at IS NULL";
/** (id, commune_code, username, display_name, role, village_id, password_hash, must_change_password, created_at, password_changed_at) */
export const INSERT_STAFF_SQL = `INSERT INTO staff (id, commune_code, username, display_name, role, village_id, password_hash,
       must_change_password, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`;
/** (commune_code, username) */
export const SELECT_STAFF_BY_USERNAME_SQL = `SELECT ${STAFF_COLUMNS} FROM staff WHERE commune_code = ? AND username = ?`;
/** (id) */
export const SELECT_STAFF_BY_ID_SQL = `SELECT ${STAFF_COLUMNS} FROM staff WHERE id = ?`;
/** (commune_code) */
export const LIST_STAFF_SQL = `SELECT ${STAFF_COLUMNS} FROM staff WHERE commune_code = ? ORDER BY username`;
/** (password_hash, must_change_password, password_changed_at, id) */
export const SET_PASSWORD_SQL = 'UPDATE staff SET password_hash = ?, must_change_password = ?, password_changed_at = ? WHERE id = ?';
/** (now, id) */
export const DISABLE_STAFF_SQL = 'UPDATE staff SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL';
/** (now, staff_id) */
export const REVOKE_STAFF_DEVICES_SQL = 'UPDATE devices SET revoked_at = ? WHERE staff_id = ? AND revoked_at IS NULL RETURNING id';

/** (token_hash, commune_code, staff_id, created_at, last_seen_at, expires_at) */
export const INSERT_SESSION_SQL =
  'INSERT INTO staff_sessions (token_hash, commune_code, staff_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)';
/** (token_hash) */
export const SELECT_SESSION_SQL = `SELECT ss.token_hash, ss.staff_id, ss.created_at AS session_created_at, ss.last_seen_at, ss.expires_at,
       ${STAFF_COLUMNS.split(', ')
         .map((c) => `s.${c}`)
         .join(', ')}
     FROM staff_sessions ss JOIN staff s ON s.id = ss.staff_id WHERE ss.token_hash = ?`;
/** (now, token_hash) */
export const TOUCH_SESSION_SQL = 'UPDATE staff_sessions SET last_seen_at = ? WHERE token_hash = ?';
/** (token_hash) */
export const DELETE_SESSION_SQL = 'DELETE FROM staff_sessions WHERE token_hash = ?';
/** (staff_id, keep) */
export const DELETE_SESSIONS_OF_SQL = 'DELETE FROM staff_sessions WHERE staff_id = ? AND token_hash <> ?';
/** (now, idle_before) */
export const DELETE_EXPIRED_SESSIONS_SQL = 'DELETE FROM staff_sessions WHERE expires_at <= ? OR last_seen_at < ?';

/** (commune_code, username_key) */
export const SELECT_LOGIN_FAILURES_SQL =
  'SELECT failures, last_failure_at, locked_until FROM login_failures WHERE commune_code = ? AND username_key = ?';
/**
 * One more failure (commune_code, username_key, now, reset_before, now): a new row, or the count
 * raised, or restarted at 1 when the last failure is older than reset_before. One statement:
 * concurrent failures in several processes all count.
 */
export const COUNT_LOGIN_FAILURE_SQL = `INSERT INTO login_failures (commune_code, username_key, failures, last_failure_at, locked_until)
     VALUES (?, ?, 1, ?, 0)
     ON CONFLICT (commune_code, username_key) DO UPDATE SET
       failures = CASE WHEN login_failures.last_failure_at < ? THEN 1 ELSE login_failures.failures + 1 END,
       last_failure_at = ?
     RETURNING failures`;
/** (locked_until, commune_code, username_key) */
export const LOCK_LOGIN_SQL = 'UPDATE login_failures SET locked_until = ? WHERE commune_code = ? AND username_key = ?';
/** (commune_code, username_key) */
export const CLEAR_LOGIN_FAILURES_SQL = 'DELETE FROM login_failures WHERE commune_code = ? AND username_key = ?';

/** (token_hash, commune_code, created_at, expires_at) */
export const INSERT_SETUP_TOKEN_SQL = 'INSERT INTO setup_tokens (token_hash, commune_code, created_at, expires_at) VALUES (?, ?, ?, ?)';
/** (now, token_hash, commune_code, now, commune_code): the token is used only while the commune has no staff. */
export const USE_SETUP_TOKEN_SQL = `UPDATE setup_tokens SET used_at = ?
     WHERE token_hash = ? AND commune_code = ? AND used_at IS NULL AND expires_at > ?
       AND NOT EXISTS (SELECT 1 FROM staff WHERE commune_code = ?)`;

export interface StaffRow {
  id: string;
  commune_code: string;
  username: string;
  display_name: string;
  role: string;
  village_id: string | null;
  password_hash: string;
  must_change_password: number | string;
  created_at: number | string;
  password_changed_at: number | string;
  disabled_at: number | string | null;
}

export interface SessionRow extends StaffRow {
  token_hash: string;
  staff_id: string;
  session_created_at: number | string;
  last_seen_at: number | string;
  expires_at: number | string;
}

export interface LoginFailuresRow {
  failures: number | string;
  last_failure_at: number | string;
  locked_until: number | string;
}

export function toStaff(row: StaffRow): StaffWithPassword {
  const staff: StaffWithPassword = {
    id: row.id,
    communeCode: row.commune_code,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    mustChangePassword: Number(row.must_change_password) === 1,
    createdAt: Number(row.created_at),
    passwordChangedAt: Number(row.password_changed_at),
    passwordHash: row.password_hash,
  };
  if (row.village_id !== null) staff.villageId = row.village_id;
  if (row.disabled_at !== null) staff.disabledAt = Number(row.disabled_at);
  return staff;
}

export function withoutPassword({ passwordHash: _hash, ...staff }: StaffWithPassword): Omit<StaffWithPassword, 'passwordHash'> {
  return staff;
}

export function toSession(row: SessionRow): { session: SessionRecord; staff: Omit<StaffWithPassword, 'passwordHash'> } {
  return {
    session: {
      tokenHash: row.token_hash,
      staffId: row.staff_id,
      createdAt: Number(row.session_created_at),
      lastSeenAt: Number(row.last_seen_at),
      expiresAt: Number(row.expires_at),
    },
    staff: withoutPassword(toStaff(row)),
  };
}

export function toLoginFailures(row: LoginFailuresRow): LoginFailures {
  return { failures: Number(row.failures), lastFailureAt: Number(row.last_failure_at), lockedUntil: Number(row.locked_until) };
}
