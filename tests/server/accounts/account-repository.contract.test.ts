/**
 * The AccountRepository contract on every adapter, called directly: staff accounts unique per
 * commune, sessions found by their hash, the login throttle counted atomically, disabling an
 * account ending its sessions and revoking its devices, the first admin created once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewStaff } from '../../../src/server/accounts/account-repository';
import type { Stores } from '../../../src/server/stores';
import { COMMUNE_CODE, NOW } from '../fixtures';
import { STORE_BACKENDS, skipWhenUnavailable, type TestDatabase } from '../stores';

function newStaff(overrides: Partial<NewStaff> = {}): NewStaff {
  return {
    id: crypto.randomUUID(),
    communeCode: COMMUNE_CODE,
    username: 'hoa.nguyen',
    displayName: 'Nguyễn Thị Hoa',
    role: 'officer',
    passwordHash: 'scrypt$1$8$1$c2FsdA$aGFzaA',
    mustChangePassword: false,
    ...overrides,
  };
}

describe.each(STORE_BACKENDS)('the $kind account repository', (backend) => {
  let db: TestDatabase;
  let store: Stores;
  skipWhenUnavailable(backend);
  beforeEach(async () => {
    db = await backend.createDatabase();
    store = await db.open();
  });
  afterEach(async () => {
    await db?.cleanup();
  });

  it('creates staff with a username unique per commune, and finds them by username and id', async () => {
    const hoa = newStaff({ villageId: 'thon-3' });
    expect(await store.accounts.createStaff(hoa, NOW)).toBe('created');
    expect(await store.accounts.createStaff(newStaff({ displayName: 'Another' }), NOW)).toBe('username-taken');
    expect(await store.accounts.createStaff(newStaff({ communeCode: '00004' }), NOW)).toBe('created');
    const found = await store.accounts.findStaffByUsername(COMMUNE_CODE, 'hoa.nguyen');
    expect(found).toEqual({
      id: hoa.id,
      communeCode: COMMUNE_CODE,
      username: 'hoa.nguyen',
      displayName: 'Nguyễn Thị Hoa',
      role: 'officer',
      villageId: 'thon-3',
      mustChangePassword: false,
      createdAt: NOW,
      passwordChangedAt: NOW,
      passwordHash: hoa.passwordHash,
    });
    expect(await store.accounts.findStaffById(hoa.id)).toEqual(found);
    expect(await store.accounts.findStaffByUsername(COMMUNE_CODE, 'nobody')).toBeNull();
    expect(await store.accounts.countStaff(COMMUNE_CODE)).toBe(1);
    const listed = await store.accounts.listStaff(COMMUNE_CODE);
    expect(listed).toHaveLength(1);
    expect(listed[0]).not.toHaveProperty('passwordHash');
  });

  it('sets a password and the must-change flag', async () => {
    const hoa = newStaff();
    await store.accounts.createStaff(hoa, NOW);
    await store.accounts.setPassword(hoa.id, 'scrypt$new', true, NOW + 5);
    expect(await store.accounts.findStaffById(hoa.id)).toMatchObject({
      passwordHash: 'scrypt$new',
      mustChangePassword: true,
      passwordChangedAt: NOW + 5,
    });
  });

  it('keeps sessions by hash, touches and ends them, one or all of an account, and the expired ones', async () => {
    const hoa = newStaff();
    await store.accounts.createStaff(hoa, NOW);
    const session = (tokenHash: string, lastSeenAt = NOW, expiresAt = NOW + 1000) => ({
      tokenHash,
      communeCode: COMMUNE_CODE,
      staffId: hoa.id,
      createdAt: NOW,
      lastSeenAt,
      expiresAt,
    });
    for (const hash of ['a', 'b', 'c']) await store.accounts.createSession(session(hash.repeat(64)));
    const found = await store.accounts.findSession('a'.repeat(64));
    expect(found?.session).toEqual({ tokenHash: 'a'.repeat(64), staffId: hoa.id, createdAt: NOW, lastSeenAt: NOW, expiresAt: NOW + 1000 });
    expect(found?.staff).toMatchObject({ id: hoa.id, username: 'hoa.nguyen', role: 'officer' });
    expect(found?.staff).not.toHaveProperty('passwordHash');
    await store.accounts.touchSession('a'.repeat(64), NOW + 10);
    expect((await store.accounts.findSession('a'.repeat(64)))?.session.lastSeenAt).toBe(NOW + 10);
    await store.accounts.deleteSession('b'.repeat(64));
    expect(await store.accounts.findSession('b'.repeat(64))).toBeNull();
    expect(await store.accounts.deleteSessionsOf(hoa.id, 'a'.repeat(64))).toBe(1);
    expect(await store.accounts.findSession('a'.repeat(64))).not.toBeNull();
    await store.accounts.createSession(session('d'.repeat(64), NOW - 5000));
    await store.accounts.createSession(session('e'.repeat(64), NOW, NOW - 1));
    expect(await store.accounts.deleteExpiredSessions(NOW, NOW - 1000)).toBe(2);
    expect(await store.accounts.findSession('a'.repeat(64))).not.toBeNull();
  });

  it('counts login failures atomically, forgets old ones, stores the lock and clears them', async () => {
    const lockFor = (failures: number) => (failures >= 5 ? NOW + failures * 1000 : 0);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => store.accounts.recordLoginFailure(COMMUNE_CODE, 'key', NOW, NOW - 3600_000, lockFor)),
    );
    expect(results.map((r) => r.failures).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await store.accounts.loginFailures(COMMUNE_CODE, 'key')).toEqual({ failures: 6, lastFailureAt: NOW, lockedUntil: NOW + 6000 });
    expect(await store.accounts.loginFailures('00004', 'key')).toBeNull();
    // A day later the count starts again.
    const later = await store.accounts.recordLoginFailure(COMMUNE_CODE, 'key', NOW + 86_400_000, NOW + 86_400_000 - 3600_000, lockFor);
    expect(later).toEqual({ failures: 1, lastFailureAt: NOW + 86_400_000, lockedUntil: 0 });
    await store.accounts.clearLoginFailures(COMMUNE_CODE, 'key');
    expect(await store.accounts.loginFailures(COMMUNE_CODE, 'key')).toBeNull();
  });

  it('disables an account: its sessions end and its devices are revoked, in one go', async () => {
    const hoa = newStaff();
    await store.accounts.createStaff(hoa, NOW);
    await store.accounts.createSession({
      tokenHash: 'a'.repeat(64),
      communeCode: COMMUNE_CODE,
      staffId: hoa.id,
      createdAt: NOW,
      lastSeenAt: NOW,
      expiresAt: NOW + 1,
    });
    const device = crypto.randomUUID();
    await store.devices.createDevice(
      { id: device, communeCode: COMMUNE_CODE, kind: 'staff', secretHash: 'f'.repeat(64), staffId: hoa.id },
      NOW,
    );
    expect(await store.accounts.disableStaff(hoa.id, NOW + 1)).toEqual({ revokedDevices: [device] });
    expect((await store.accounts.findStaffById(hoa.id))?.disabledAt).toBe(NOW + 1);
    expect(await store.accounts.findSession('a'.repeat(64))).toBeNull();
    expect((await store.devices.findDevice(device))?.revokedAt).toBe(NOW + 1);
    expect(await store.accounts.disableStaff(hoa.id, NOW + 2)).toEqual({ revokedDevices: [] });
    expect((await store.accounts.findStaffById(hoa.id))?.disabledAt).toBe(NOW + 1);
  });

  it('counts the active admins', async () => {
    const admin = newStaff({ username: 'admin', role: 'admin' });
    await store.accounts.createStaff(admin, NOW);
    await store.accounts.createStaff(newStaff(), NOW);
    expect(await store.accounts.countActiveAdmins(COMMUNE_CODE)).toBe(1);
    await store.accounts.disableStaff(admin.id, NOW);
    expect(await store.accounts.countActiveAdmins(COMMUNE_CODE)).toBe(0);
  });

  it('creates the first admin with a setup token once: unknown, expired or used tokens, or an existing account, change nothing', async () => {
    await store.accounts.createSetupToken('t'.repeat(64), COMMUNE_CODE, NOW, NOW + 3600_000);
    await store.accounts.createSetupToken('u'.repeat(64), COMMUNE_CODE, NOW, NOW + 3600_000);
    await store.accounts.createSetupToken('old'.padEnd(64, '0'), COMMUNE_CODE, NOW - 7200_000, NOW - 3600_000);
    const admin = (username: string) => newStaff({ username, role: 'admin' });
    expect(await store.accounts.redeemSetupToken('x'.repeat(64), admin('a1'), NOW)).toBe(false);
    expect(await store.accounts.redeemSetupToken('old'.padEnd(64, '0'), admin('a2'), NOW)).toBe(false);
    expect(await store.accounts.redeemSetupToken('t'.repeat(64), { ...admin('a3'), communeCode: '00004' }, NOW)).toBe(false);
    // Two links used at the same moment: one admin.
    const both = await Promise.all([
      store.accounts.redeemSetupToken('t'.repeat(64), admin('first'), NOW),
      store.accounts.redeemSetupToken('u'.repeat(64), admin('second'), NOW),
    ]);
    expect(both.filter(Boolean)).toHaveLength(1);
    expect(await store.accounts.countStaff(COMMUNE_CODE)).toBe(1);
    expect(await store.accounts.redeemSetupToken('t'.repeat(64), admin('again'), NOW)).toBe(false);
  });
});
