/**
 * Staff accounts and everything that signs them in: password hashes, sessions, the login
 * throttle and the one-time first-start tokens. Sessions and the throttle are rows so several
 * API processes behind PostgreSQL share them. Async so the PostgreSQL adapter implements the
 * same interface and passes the same contract tests as the SQLite one.
 */
import type { Role } from '../../domain/roles';

export interface StaffRecord {
  id: string;
  communeCode: string;
  /** Lowercase NFC; unique per commune. */
  username: string;
  displayName: string;
  role: Role;
  villageId?: string;
  mustChangePassword: boolean;
  createdAt: number;
  passwordChangedAt: number;
  disabledAt?: number;
}

export interface StaffWithPassword extends StaffRecord {
  /** scrypt$N$r$p$salt$hash (passwords.ts). */
  passwordHash: string;
}

/** Who a valid session belongs to, as routes see it. */
export type StaffPrincipal = StaffRecord;

export interface NewStaff {
  id: string;
  communeCode: string;
  username: string;
  displayName: string;
  role: Role;
  villageId?: string;
  passwordHash: string;
  mustChangePassword: boolean;
}

export interface SessionRecord {
  tokenHash: string;
  staffId: string;
  createdAt: number;
  lastSeenAt: number;
  /** The absolute end, whatever the activity. */
  expiresAt: number;
}

export interface LoginFailures {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
}

export type CreateStaffResult = 'created' | 'username-taken';

export interface AccountRepository {
  countStaff(communeCode: string): Promise<number>;
  createStaff(staff: NewStaff, now: number): Promise<CreateStaffResult>;
  findStaffByUsername(communeCode: string, username: string): Promise<StaffWithPassword | null>;
  findStaffById(id: string): Promise<StaffWithPassword | null>;
  listStaff(communeCode: string): Promise<StaffRecord[]>;
  /** Active admins of the commune (the last one cannot be disabled). */
  countActiveAdmins(communeCode: string): Promise<number>;
  /** Sets a new password hash; `mustChange` forces another change at next login. */
  setPassword(staffId: string, passwordHash: string, mustChange: boolean, now: number): Promise<void>;
  /**
   * Disables the account, ends its sessions and revokes its devices, in one transaction; the
   * revoked device ids come back (for the audit log). Disabling twice changes nothing more.
   */
  disableStaff(staffId: string, now: number): Promise<{ revokedDevices: string[] }>;

  createSession(session: SessionRecord & { communeCode: string }): Promise<void>;
  /** The session and its account; null when unknown. Expiry is the caller's decision (session.ts). */
  findSession(tokenHash: string): Promise<{ session: SessionRecord; staff: StaffRecord } | null>;
  touchSession(tokenHash: string, now: number): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of the account except `keep` (the one changing its password). */
  deleteSessionsOf(staffId: string, keep?: string): Promise<number>;
  /** Deletes sessions past their absolute end or idle since `idleBefore`. */
  deleteExpiredSessions(now: number, idleBefore: number): Promise<number>;

  loginFailures(communeCode: string, usernameKey: string): Promise<LoginFailures | null>;
  /**
   * Counts one more failure (atomically: concurrent failures all count) and stores the lock
   * `lockFor(failures)` computes; answers the new state. `resetBefore`: older failures are forgotten.
   */
  recordLoginFailure(
    communeCode: string,
    usernameKey: string,
    now: number,
    resetBefore: number,
    lockFor: (failures: number) => number,
  ): Promise<LoginFailures>;
  clearLoginFailures(communeCode: string, usernameKey: string): Promise<void>;

  createSetupToken(tokenHash: string, communeCode: string, now: number, expiresAt: number): Promise<void>;
  /**
   * In one transaction: the token is known, unused and unexpired and the commune has no staff
   * account yet; it is marked used and the admin created. Otherwise nothing changes.
   */
  redeemSetupToken(tokenHash: string, admin: NewStaff, now: number): Promise<boolean>;
}
