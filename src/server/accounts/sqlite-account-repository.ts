/** The account repository on the shared SQLite connection (db/sqlite). */
import type { SqliteDatabase } from '../db/sqlite/sqlite-database';
import type { AccountRepository, NewStaff } from './account-repository';
import {
  CLEAR_LOGIN_FAILURES_SQL,
  COUNT_ACTIVE_ADMINS_SQL,
  COUNT_LOGIN_FAILURE_SQL,
  COUNT_STAFF_SQL,
  DELETE_EXPIRED_SESSIONS_SQL,
  DELETE_SESSIONS_OF_SQL,
  DELETE_SESSION_SQL,
  DISABLE_STAFF_SQL,
  INSERT_SESSION_SQL,
  INSERT_SETUP_TOKEN_SQL,
  INSERT_STAFF_SQL,
  LIST_STAFF_SQL,
  LOCK_LOGIN_SQL,
  REVOKE_STAFF_DEVICES_SQL,
  SELECT_LOGIN_FAILURES_SQL,
  SELECT_SESSION_SQL,
  SELECT_STAFF_BY_ID_SQL,
  SELECT_STAFF_BY_USERNAME_SQL,
  SET_PASSWORD_SQL,
  TOUCH_SESSION_SQL,
  USE_SETUP_TOKEN_SQL,
  toLoginFailures,
  toSession,
  toStaff,
  withoutPassword,
  type LoginFailuresRow,
  type SessionRow,
  type StaffRow,
} from './account-queries';

export function sqliteAccountRepository({ connection }: SqliteDatabase): AccountRepository {
  const countStaff = connection.prepare<[string], { n: number }>(COUNT_STAFF_SQL);
  const countAdmins = connection.prepare<[string], { n: number }>(COUNT_ACTIVE_ADMINS_SQL);
  const insertStaff = connection.prepare(INSERT_STAFF_SQL);
  const byUsername = connection.prepare<[string, string], StaffRow>(SELECT_STAFF_BY_USERNAME_SQL);
  const byId = connection.prepare<[string], StaffRow>(SELECT_STAFF_BY_ID_SQL);
  const listStaff = connection.prepare<[string], StaffRow>(LIST_STAFF_SQL);
  const setPassword = connection.prepare(SET_PASSWORD_SQL);
  const disableStaff = connection.prepare(DISABLE_STAFF_SQL);
  const revokeDevices = connection.prepare<[number, string], { id: string }>(REVOKE_STAFF_DEVICES_SQL);
  const insertSession = connection.prepare(INSERT_SESSION_SQL);
  const selectSession = connection.prepare<[string], SessionRow>(SELECT_SESSION_SQL);
  const touchSession = connection.prepare(TOUCH_SESSION_SQL);
  const deleteSession = connection.prepare(DELETE_SESSION_SQL);
  const deleteSessionsOf = connection.prepare(DELETE_SESSIONS_OF_SQL);
  const deleteExpired = connection.prepare(DELETE_EXPIRED_SESSIONS_SQL);
  const selectFailures = connection.prepare<[string, string], LoginFailuresRow>(SELECT_LOGIN_FAILURES_SQL);
  const countFailure = connection.prepare<[string, string, number, number, number], { failures: number }>(COUNT_LOGIN_FAILURE_SQL);
  const lockLogin = connection.prepare(LOCK_LOGIN_SQL);
  const clearFailures = connection.prepare(CLEAR_LOGIN_FAILURES_SQL);
  const insertSetupToken = connection.prepare(INSERT_SETUP_TOKEN_SQL);
  const useSetupToken = connection.prepare(USE_SETUP_TOKEN_SQL);

  const insert = (staff: NewStaff, now: number): boolean =>
    insertStaff.run(
      staff.id,
      staff.communeCode,
      staff.username,
      staff.displayName,
      staff.role,
      staff.villageId ?? null,
      staff.passwordHash,
      staff.mustChangePassword ? 1 : 0,
      now,
      now,
    ).changes === 1;

  const disable = connection.transaction((staffId: string, now: number) => {
    disableStaff.run(now, staffId);
    deleteSessionsOf.run(staffId, '');
    return { revokedDevices: revokeDevices.all(now, staffId).map((row) => row.id) };
  });

  const failure = connection.transaction(
    (communeCode: string, key: string, now: number, resetBefore: number, lockFor: (failures: number) => number) => {
      const { failures } = countFailure.get(communeCode, key, now, resetBefore, now)!;
      const lockedUntil = lockFor(failures);
      lockLogin.run(lockedUntil, communeCode, key);
      return { failures, lastFailureAt: now, lockedUntil };
    },
  );

  const redeemSetup = connection.transaction((tokenHash: string, admin: NewStaff, now: number) => {
    if (useSetupToken.run(now, tokenHash, admin.communeCode, now, admin.communeCode).changes !== 1) return false;
    return insert(admin, now);
  });

  return {
    countStaff: async (communeCode) => countStaff.get(communeCode)?.n ?? 0,
    countActiveAdmins: async (communeCode) => countAdmins.get(communeCode)?.n ?? 0,
    createStaff: async (staff, now) => (insert(staff, now) ? 'created' : 'username-taken'),
    findStaffByUsername: async (communeCode, username) => {
      const row = byUsername.get(communeCode, username);
      return row ? toStaff(row) : null;
    },
    findStaffById: async (id) => {
      const row = byId.get(id);
      return row ? toStaff(row) : null;
    },
    listStaff: async (communeCode) => listStaff.all(communeCode).map((row) => withoutPassword(toStaff(row))),
    setPassword: async (staffId, hash, mustChange, now) => {
      setPassword.run(hash, mustChange ? 1 : 0, now, staffId);
    },
    disableStaff: async (staffId, now) => disable.immediate(staffId, now),

    createSession: async (session) => {
      insertSession.run(session.tokenHash, session.communeCode, session.staffId, session.createdAt, session.lastSeenAt, session.expiresAt);
    },
    findSession: async (tokenHash) => {
      const row = selectSession.get(tokenHash);
      return row ? toSession(row) : null;
    },
    touchSession: async (tokenHash, now) => {
      touchSession.run(now, tokenHash);
    },
    deleteSession: async (tokenHash) => {
      deleteSession.run(tokenHash);
    },
    deleteSessionsOf: async (staffId, keep = '') => deleteSessionsOf.run(staffId, keep).changes,
    deleteExpiredSessions: async (now, idleBefore) => deleteExpired.run(now, idleBefore).changes,

    loginFailures: async (communeCode, key) => {
      const row = selectFailures.get(communeCode, key);
      return row ? toLoginFailures(row) : null;
    },
    recordLoginFailure: async (communeCode, key, now, resetBefore, lockFor) =>
      failure.immediate(communeCode, key, now, resetBefore, lockFor),
    clearLoginFailures: async (communeCode, key) => {
      clearFailures.run(communeCode, key);
    },

    createSetupToken: async (tokenHash, communeCode, now, expiresAt) => {
      insertSetupToken.run(tokenHash, communeCode, now, expiresAt);
    },
    redeemSetupToken: async (tokenHash, admin, now) => redeemSetup.immediate(tokenHash, admin, now),
  };
}
