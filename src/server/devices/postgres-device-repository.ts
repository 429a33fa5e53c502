/** The device repository on the shared PostgreSQL pool (db/postgres). */
import type { PostgresDatabase } from '../db/postgres/postgres-database';
import { numbered } from '../db/postgres/placeholders';
import type { DeviceRepository } from './device-repository';
import {
  INSERT_DEVICE_SQL,
  INSERT_ENROLMENT_SQL,
  LIST_DEVICES_SQL,
  REVOKE_DEVICE_SQL,
  SELECT_DEVICE_SQL,
  TOUCH_DEVICE_SQL,
  USE_ENROLMENT_SQL,
  toDeviceForAuth,
  toDeviceRecord,
  type DeviceRow,
} from './device-queries';

const INSERT_DEVICE = numbered(INSERT_DEVICE_SQL);
const SELECT_DEVICE = numbered(SELECT_DEVICE_SQL);
const LIST_DEVICES = numbered(LIST_DEVICES_SQL);
const TOUCH_DEVICE = numbered(TOUCH_DEVICE_SQL);
const REVOKE_DEVICE = numbered(REVOKE_DEVICE_SQL);
const INSERT_ENROLMENT = numbered(INSERT_ENROLMENT_SQL);
const USE_ENROLMENT = numbered(USE_ENROLMENT_SQL);

export function postgresDeviceRepository(database: PostgresDatabase): DeviceRepository {
  const { pool } = database;
  return {
    createDevice: async (device, now) => {
      await pool.query(INSERT_DEVICE, [device.id, device.communeCode, device.kind, device.secretHash, device.staffId ?? null, now, now]);
    },
    findDevice: async (id) => {
      const row = (await pool.query<DeviceRow>(SELECT_DEVICE, [id])).rows[0];
      return row ? toDeviceForAuth(row) : null;
    },
    touchDevice: async (id, now) => {
      await pool.query(TOUCH_DEVICE, [now, id]);
    },
    listDevices: async (communeCode) => (await pool.query<DeviceRow>(LIST_DEVICES, [communeCode])).rows.map(toDeviceRecord),
    revokeDevice: async (id, communeCode, now) => ((await pool.query(REVOKE_DEVICE, [now, id, communeCode])).rowCount ?? 0) === 1,
    createEnrolment: async (enrolment, now) => {
      await pool.query(INSERT_ENROLMENT, [
        enrolment.codeHash,
        enrolment.communeCode,
        enrolment.staffId,
        enrolment.createdBy,
        now,
        enrolment.expiresAt,
      ]);
    },
    // The UPDATE takes the code's row lock: a second phone redeeming the same code waits, then
    // finds it used and inserts nothing.
    redeemEnrolment: (codeHash, communeCode, device, now) =>
      database.transaction(async (client) => {
        const used = (await client.query<{ staff_id: string }>(USE_ENROLMENT, [now, device.id, codeHash, communeCode, now])).rows[0];
        if (!used) return { ok: false } as const;
        await client.query(INSERT_DEVICE, [device.id, communeCode, 'staff', device.secretHash, used.staff_id, now, now]);
        const row = (await client.query<DeviceRow>(SELECT_DEVICE, [device.id])).rows[0]!;
        return { ok: true, device: toDeviceRecord(row) } as const;
      }),
  };
}
