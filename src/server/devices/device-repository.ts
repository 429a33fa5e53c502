/**
 * The phones that may sync, and the enrolment codes that let a staff member's phone become one.
 * A device is a server-issued id and the SHA-256 of a 256-bit secret only the phone holds
 * (device-credentials.ts). Async so the PostgreSQL adapter implements the same interface and
 * passes the same contract tests as the SQLite one.
 */
import type { DeviceKind } from '../../domain/protocol';
import type { Role } from '../../domain/roles';

/** The account a staff device is enrolled for, as the device check needs it. */
export interface DeviceStaff {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  villageId?: string;
  /** Set when the account is disabled: its devices stop syncing. */
  disabledAt?: number;
}

export interface DeviceRecord {
  id: string;
  communeCode: string;
  kind: DeviceKind;
  createdAt: number;
  lastSeenAt: number;
  revokedAt?: number;
  /** Staff devices only. */
  staff?: DeviceStaff;
}

/** What the credential check reads: the record and the hash to compare the presented secret with. */
export interface DeviceForAuth extends DeviceRecord {
  secretHash: string;
}

export interface NewDevice {
  id: string;
  communeCode: string;
  kind: DeviceKind;
  secretHash: string;
  /** Required for staff devices. */
  staffId?: string;
}

export interface NewEnrolment {
  codeHash: string;
  communeCode: string;
  /** The account the enrolled phone will sync as. */
  staffId: string;
  /** The officer or admin who made the code. */
  createdBy: string;
  expiresAt: number;
}

export type EnrolmentRedemption = { ok: true; device: DeviceRecord } | { ok: false };

export interface DeviceRepository {
  /** Stores a new device; its id is fresh (random), so it never exists already. */
  createDevice(device: NewDevice, now: number): Promise<void>;
  /** A device by id with its staff account, for the credential check; null when unknown. */
  findDevice(id: string): Promise<DeviceForAuth | null>;
  /** Records that the device was seen at `now` (callers do it at most every few minutes). */
  touchDevice(id: string, now: number): Promise<void>;
  /** Every device of the commune, newest first. */
  listDevices(communeCode: string): Promise<DeviceRecord[]>;
  /** Revokes a device of this commune; false when there is no such device (or it was revoked already). */
  revokeDevice(id: string, communeCode: string, now: number): Promise<boolean>;
  /** Stores an enrolment code (its hash). */
  createEnrolment(enrolment: NewEnrolment, now: number): Promise<void>;
  /**
   * In one transaction: the code of this commune is known, unused, unexpired and its account
   * active; it is marked used and the device created for that account. Otherwise nothing changes.
   */
  redeemEnrolment(
    codeHash: string,
    communeCode: string,
    device: Omit<NewDevice, 'kind' | 'staffId' | 'communeCode'>,
    now: number,
  ): Promise<EnrolmentRedemption>;
}
