/** The device repository on the shared SQLite connection (db/sqlite). */
import type { SqliteDatabase } from '../db/sqlite/sqlite-database';
import type { DeviceRepository, NewDevice } from './device-repository';
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

export function sqliteDeviceRepository({ connection }: SqliteDatabase): DeviceRepository {
  const insertDevice = connection.prepare(INSERT_DEVICE_SQL);
  const selectDevice = connection.prepare<[string], DeviceRow>(SELECT_DEVICE_SQL);
  const listDevices = connection.prepare<[string], DeviceRow>(LIST_DEVICES_SQL);
  const touchDevice = connection.prepare(TOUCH_DEVICE_SQL);
  const revokeDevice = connection.prepare(REVOKE_DEVICE_SQL);
  const insertEnrolment = connection.prepare(INSERT_ENROLMENT_SQL);
  const useEnrolment = connection.prepare<[number, string, string, string, number], { staff_id: string }>(USE_ENROLMENT_SQL);

  const create = (device: NewDevice, now: number): void => {
    insertDevice.run(device.id, device.communeCode, device.kind, device.secretHash, device.staffId ?? null, now, now);
  };

  const redeem = connection.transaction((codeHash: string, communeCode: string, id: string, secretHash: string, now: number) => {
    const used = useEnrolment.get(now, id, codeHash, communeCode, now);
    if (!used) return null;
    create({ id, communeCode, kind: 'staff', secretHash, staffId: used.staff_id }, now);
    return toDeviceRecord(selectDevice.get(id)!);
  });

  return {
    createDevice: async (device, now) => create(device, now),
    findDevice: async (id) => {
      const row = selectDevice.get(id);
      return row ? toDeviceForAuth(row) : null;
    },
    touchDevice: async (id, now) => {
      touchDevice.run(now, id);
    },
    listDevices: async (communeCode) => listDevices.all(communeCode).map(toDeviceRecord),
    revokeDevice: async (id, communeCode, now) => revokeDevice.run(now, id, communeCode).changes === 1,
    createEnrolment: async (enrolment, now) => {
      insertEnrolment.run(enrolment.codeHash, enrolment.communeCode, enrolment.staffId, enrolment.createdBy, now, enrolment.expiresAt);
    },
    // IMMEDIATE: the write lock up front, like every writing transaction here.
    redeemEnrolment: async (codeHash, communeCode, device, now) => {
      const record = redeem.immediate(codeHash, communeCode, device.id, device.secretHash, now);
      return record ? { ok: true, device: record } : { ok: false };
    },
  };
}
