/**
 * The device SQL both adapters run (`?` placeholders; PostgreSQL numbers them) and the mapping of
 * its rows. BIGINT columns come back from PostgreSQL as strings, hence Number().
 */
import type { DeviceKind } from '../../domain/protocol';
import type { Role } from '../../domain/roles';
import type { DeviceForAuth, DeviceRecord } from './device-repository';

const DEVICE_SELECT = `SELECT d.id, d.commune_code, d.kind, d.secret_hash, d.created_at, d.last_seen_at, d.revoked_at,
       s.id AS staff_id, s.username, s.display_name, s.role, s.village_id, s.disabled_at
     FROM devices d LEFT JOIN staff s ON s.id = d.staff_id`;

/** (id) */
export const SELECT_DEVICE_SQL = `${DEVICE_SELECT} WHERE d.id = ?`;
/** (commune_code) */
export const LIST_DEVICES_SQL = `${DEVICE_SELECT} WHERE d.commune_code = ? ORDER BY d.created_at DESC, d.id`;
/** (id, commune_code, kind, secret_hash, staff_id, created_at, last_seen_at) */
export const INSERT_DEVICE_SQL =
  'INSERT INTO devices (id, commune_code, kind, secret_hash, staff_id, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)';
/** (now, id) */
export const TOUCH_DEVICE_SQL = 'UPDATE devices SET last_seen_at = ? WHERE id = ?';
/** (now, id, commune_code) */
export const REVOKE_DEVICE_SQL = 'UPDATE devices SET revoked_at = ? WHERE id = ? AND commune_code = ? AND revoked_at IS NULL';
/** (code_hash, commune_code, staff_id, created_by, created_at, expires_at) */
export const INSERT_ENROLMENT_SQL =
  'INSERT INTO enrolment_codes (code_hash, commune_code, staff_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)';
/**
 * Marks a usable code used (now, device_id, code_hash, commune_code, now) and names its account;
 * the account must be active. One statement, so two phones redeeming one code cannot both win.
 */
export const USE_ENROLMENT_SQL = `UPDATE enrolment_codes SET used_at = ?, device_id = ?
     WHERE code_hash = ? AND commune_code = ? AND used_at IS NULL AND expires_at > ?
       AND staff_id IN (SELECT id FROM staff WHERE disabled_at IS NULL)
     RETURNING staff_id`;

export interface DeviceRow {
  id: string;
  commune_code: string;
  kind: string;
  secret_hash: string;
  created_at: number | string;
  last_seen_at: number | string;
  revoked_at: number | string | null;
  staff_id: string | null;
  username: string | null;
  display_name: string | null;
  role: string | null;
  village_id: string | null;
  disabled_at: number | string | null;
}

export function toDeviceForAuth(row: DeviceRow): DeviceForAuth {
  const device: DeviceForAuth = {
    id: row.id,
    communeCode: row.commune_code,
    kind: row.kind as DeviceKind,
    secretHash: row.secret_hash,
    createdAt: Number(row.created_at),
    lastSeenAt: Number(row.last_seen_at),
  };
  if (row.revoked_at !== null) device.revokedAt = Number(row.revoked_at);
  if (row.staff_id !== null) {
    device.staff = { id: row.staff_id, username: row.username!, displayName: row.display_name!, role: row.role as Role };
    if (row.village_id !== null) device.staff.villageId = row.village_id;
    if (row.disabled_at !== null) device.staff.disabledAt = Number(row.disabled_at);
  }
  return device;
}

/** The record without its secret's hash, for lists. */
export function toDeviceRecord(row: DeviceRow): DeviceRecord {
  const { secretHash: _hash, ...record } = toDeviceForAuth(row);
  return record;
}
