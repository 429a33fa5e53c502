/** The account repository on the shared PostgreSQL pool (db/postgres). */
import type pg from 'pg';
import { lockSetup } from '../db/postgres/advisory-locks';
import type { PostgresDatabase } from '../db/postgres/postgres-database';
import { numbered } from '../db/postgres/placeholders';
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

const SQL = {
  countStaff: numbered(COUNT_STAFF_SQL),
  countAdmins: numbered(COUNT_ACTIVE_ADMINS_SQL),
  insertStaff: numbered(INSERT_STAFF_SQL),
  byUsername: numbered(SELECT_STAFF_BY_USERNAME_SQL),
  byId: numbered(SELECT_STAFF_BY_ID_SQL),
  listStaff: numbered(LIST_STAFF_SQL),
  setPassword: numbered(SET_PASSWORD_SQL),
  disableStaff: numbered(DISABLE_STAFF_SQL),
  revokeDevices: numbered(REVOKE_STAFF_DEVICES_SQL),
  insertSession: numbered(INSERT_SESSION_SQL),
  selectSession: numbered(SELECT_SESSION_SQL),
  touchSession: numbered(TOUCH_SESSION_SQL),
  deleteSession: numbered(DELETE_SESSION_SQL),
  deleteSessionsOf: numbered(DELETE_SESSIONS_OF_SQL),
  deleteExpired: numbered(DELETE_EXPIRED_SESSIONS_SQL),
  selectFailures: numbered(SELECT_LOGIN_FAILURES_SQL),
  countFailure: numbered(COUNT_LOGIN_FAILURE_SQL),
  lockLogin: numbered(LOCK_LOGIN_SQL),
  clearFailures: numbered(CLEAR_LOGIN_FAILURES_SQL),
  insertSetupToken: numbered(INSERT_SETUP_TOKEN_SQL),
  useSetupToken: numbered(USE_SETUP_TOKEN_SQL),
};

function insertStaff(db: pg.Pool | pg.PoolClient, staff: NewStaff, now: number): Promise<pg.QueryResult> {
  return db.query(SQL.insertStaff, [
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
  ]);
}

const count = (result: pg.QueryResult<{ n: string }>): number => Number(result.rows[0]?.n ?? 0);

export function postgresAccountRepository(database: PostgresDatabase): AccountRepository {
  const { pool } = database;
  return {
    countStaff: async (communeCode) => count(await pool.query<{ n: string }>(SQL.countStaff, [communeCode])),
    countActiveAdmins: async (communeCode) => count(await pool.query<{ n: string }>(SQL.countAdmins, [communeCode])),
    createStaff: async (staff, now) => ((await insertStaff(pool, staff, now)).rowCount === 1 ? 'created' : 'username-taken'),
    findStaffByUsername: async (communeCode, username) => {
      const row = (await pool.query<StaffRow>(SQL.byUsername, [communeCode, username])).rows[0];
      return row ? toStaff(row) : null;
    },
    findStaffById: async (id) => {
      const row = (await pool.query<StaffRow>(SQL.byId, [id])).rows[0];
      return row ? toStaff(row) : null;
    },
    listStaff: async (communeCode) =>
      (await pool.query<StaffRow>(SQL.listStaff, [communeCode])).rows.map((row) => withoutPassword(toStaff(row))),
    setPassword: async (staffId, hash, mustChange, now) => {
      await pool.query(SQL.setPassword, [hash, mustChange ? 1 : 0, now, staffId]);
    },
    disableStaff: (staffId, now) =>
      database.transaction(async (client) => {
        await client.query(SQL.disableStaff, [now, staffId]);
        await client.query(SQL.deleteSessionsOf, [staffId, '']);
        const revoked = await client.query<{ id: string }>(SQL.revokeDevices, [now, staffId]);
        return { revokedDevices: revoked.rows.map((row) => row.id) };
      }),

    createSession: async (session) => {
      await pool.query(SQL.insertSession, [
        session.tokenHash,
        session.communeCode,
        session.staffId,
        session.createdAt,
        session.lastSeenAt,
        session.expiresAt,
      ]);
    },
    findSession: async (tokenHash) => {
      const row = (await pool.query<SessionRow>(SQL.selectSession, [tokenHash])).rows[0];
      return row ? toSession(row) : null;
    },
    touchSession: async (tokenHash, now) => {
      await pool.query(SQL.touchSession, [now, tokenHash]);
    },
    deleteSession: async (tokenHash) => {
      await pool.query(SQL.deleteSession, [tokenHash]);
    },
    deleteSessionsOf: async (staffId, keep = '') => (await pool.query(SQL.deleteSessionsOf, [staffId, keep])).rowCount ?? 0,
    deleteExpiredSessions: async (now, idleBefore) => (await pool.query(SQL.deleteExpired, [now, idleBefore])).rowCount ?? 0,

    loginFailures: async (communeCode, key) => {
      const row = (await pool.query<LoginFailuresRow>(SQL.selectFailures, [communeCode, key])).rows[0];
      return row ? toLoginFailures(row) : null;
    },
    // The upsert takes the row's lock until commit, so concurrent failures count one after another.
    recordLoginFailure: (communeCode, key, now, resetBefore, lockFor) =>
      database.transaction(async (client) => {
        const counted = await client.query<{ failures: number }>(SQL.countFailure, [communeCode, key, now, resetBefore, now]);
        const failures = Number(counted.rows[0]!.failures);
        const lockedUntil = lockFor(failures);
        await client.query(SQL.lockLogin, [lockedUntil, communeCode, key]);
        return { failures, lastFailureAt: now, lockedUntil };
      }),
    clearLoginFailures: async (communeCode, key) => {
      await pool.query(SQL.clearFailures, [communeCode, key]);
    },

    createSetupToken: async (tokenHash, communeCode, now, expiresAt) => {
      await pool.query(SQL.insertSetupToken, [tokenHash, communeCode, now, expiresAt]);
    },
    // Two first admins at once: the token row's lock makes the second wait, then find it used.
    // Two different tokens at once: both see no staff, so the commune is locked for the insert.
    redeemSetupToken: (tokenHash, admin, now) =>
      database.transaction(async (client) => {
        await lockSetup(client);
        const used = await client.query(SQL.useSetupToken, [now, tokenHash, admin.communeCode, now, admin.communeCode]);
        if (used.rowCount !== 1) return false;
        return (await insertStaff(client, admin, now)).rowCount === 1;
      }),
  };
}
