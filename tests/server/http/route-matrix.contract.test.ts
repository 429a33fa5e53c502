/**
 * Every protected route × every way a caller can be the wrong one, on every adapter: no
 * credential, a wrong credential, the wrong kind (a staff session on a phone route, a phone's
 * credential on a staff route), a revoked phone, a disabled account, the wrong role, an expired
 * session, and a request from another site. Each is refused with 401/403 and its machine-readable
 * reason, and nothing in the database changes. A last case proves the same requests are allowed
 * with the right credential, so no refusal here is an accident of a broken request.
 */
import { describe, expect, it } from 'vitest';
import type { PushResponse } from '../../../src/domain/protocol';
import type { Permission, Role } from '../../../src/domain/roles';
import { SESSION_IDLE_MS } from '../../../src/server/accounts/session';
import {
  NOW,
  enrolPhone,
  makeBlob,
  makeStaff,
  makeSubmission,
  push,
  pushRequest,
  putBlob,
  type TestDevice,
  type TestStaff,
} from '../fixtures';
import { STORE_BACKENDS, useTestServer } from '../stores';

type Kind = 'device' | 'staff';

interface Route {
  name: string;
  kind: Kind;
  /** For staff routes: the permission required (undefined: any signed-in account), and a role without it. */
  permission?: Permission;
  wrongRole?: Role;
  request: (headers: Record<string, string>) => [string, RequestInit];
  /** The status a right caller gets (the positive control). */
  allowed: number;
}

interface World {
  admin: TestStaff;
  officer: TestStaff;
  leader: TestStaff;
  outreach: TestStaff;
  phone: TestDevice;
  revokedPhone: TestDevice;
  disabledStaffPhone: TestDevice;
  disabledStaffSession: Record<string, string>;
  dossierCode: string;
  blobSha: string;
}

const json = (method: string, body: unknown, headers: Record<string, string>): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

function routes(world: World): Route[] {
  const fresh = makeBlob(99);
  return [
    {
      name: 'POST /api/v1/sync/push',
      kind: 'device',
      request: (h) => ['/api/v1/sync/push', json('POST', pushRequest([makeSubmission()]), h)],
      allowed: 200,
    },
    {
      name: 'PUT /api/v1/blobs/{sha256}',
      kind: 'device',
      request: (h) => [
        `/api/v1/blobs/${fresh.sha256}`,
        { method: 'PUT', headers: { 'content-type': 'image/jpeg', ...h }, body: fresh.bytes, duplex: 'half' } as RequestInit,
      ],
      allowed: 201,
    },
    { name: 'GET /api/v1/sync/pull', kind: 'device', request: (h) => ['/api/v1/sync/pull?since=0', { headers: h }], allowed: 200 },
    {
      name: 'HEAD /api/v1/blobs/{sha256}',
      kind: 'device',
      request: (h) => [`/api/v1/blobs/${world.blobSha}`, { method: 'HEAD', headers: h }],
      allowed: 200,
    },
    {
      name: 'POST /api/v1/lookup',
      kind: 'device',
      request: (h) => ['/api/v1/lookup', json('POST', { dossierCode: world.dossierCode, digits: '2345' }, h)],
      allowed: 200,
    },
    { name: 'GET /api/v1/devices/me', kind: 'device', request: (h) => ['/api/v1/devices/me', { headers: h }], allowed: 200 },
    {
      name: 'POST /api/v1/dossiers/{ref}/actions',
      kind: 'staff',
      permission: 'dossier.process',
      wrongRole: 'leader',
      request: (h) => [`/api/v1/dossiers/${world.dossierCode}/actions`, json('POST', { action: 'receive' }, h)],
      allowed: 200,
    },
    {
      name: 'GET /api/v1/inbox',
      kind: 'staff',
      permission: 'dossier.read',
      wrongRole: 'leader',
      request: (h) => ['/api/v1/inbox?status=submitted', { headers: h }],
      allowed: 200,
    },
    {
      name: 'GET /api/v1/register.csv',
      kind: 'staff',
      permission: 'dossier.export',
      wrongRole: 'leader',
      request: (h) => [`/api/v1/register.csv?from=${Date.UTC(2025, 0, 1)}&to=${Date.UTC(2025, 11, 31)}`, { headers: h }],
      allowed: 200,
    },
    {
      name: 'PUT /api/v1/settings',
      kind: 'staff',
      permission: 'settings.manage',
      wrongRole: 'officer',
      request: (h) => [
        '/api/v1/settings',
        json('PUT', { officeName: 'Bộ phận một cửa', address: '', saturdayMorningReception: false, collection: null }, h),
      ],
      allowed: 200,
    },
    {
      name: 'GET /api/v1/dossiers/{ref}',
      kind: 'staff',
      permission: 'dossier.read',
      wrongRole: 'leader',
      request: (h) => [`/api/v1/dossiers/${world.dossierCode}`, { headers: h }],
      allowed: 200,
    },
    {
      name: 'GET /api/v1/blobs/{sha256}',
      kind: 'staff',
      permission: 'photo.view',
      wrongRole: 'leader',
      request: (h) => [`/api/v1/blobs/${world.blobSha}`, { headers: h }],
      allowed: 200,
    },
    {
      name: 'POST /api/v1/staff',
      kind: 'staff',
      permission: 'staff.manage',
      wrongRole: 'officer',
      request: (h) => ['/api/v1/staff', json('POST', { username: 'moi.nguoi', displayName: 'Người Mới', role: 'officer' }, h)],
      allowed: 201,
    },
    {
      name: 'POST /api/v1/staff/{username}/reset',
      kind: 'staff',
      permission: 'staff.manage',
      wrongRole: 'officer',
      request: (h) => [`/api/v1/staff/${world.leader.username}/reset`, json('POST', {}, h)],
      allowed: 200,
    },
    {
      name: 'POST /api/v1/staff/{username}/disable',
      kind: 'staff',
      permission: 'staff.manage',
      wrongRole: 'officer',
      request: (h) => [`/api/v1/staff/${world.leader.username}/disable`, json('POST', {}, h)],
      allowed: 200,
    },
    {
      name: 'GET /api/v1/staff',
      kind: 'staff',
      permission: 'staff.manage',
      wrongRole: 'officer',
      request: (h) => ['/api/v1/staff', { headers: h }],
      allowed: 200,
    },
    {
      name: 'POST /api/v1/devices/enrolments',
      kind: 'staff',
      permission: 'device.enrol',
      wrongRole: 'leader',
      request: (h) => ['/api/v1/devices/enrolments', json('POST', { username: world.outreach.username }, h)],
      allowed: 201,
    },
    {
      name: 'POST /api/v1/devices/{id}/revoke',
      kind: 'staff',
      permission: 'device.manage',
      wrongRole: 'officer',
      request: (h) => [`/api/v1/devices/${world.phone.deviceId}/revoke`, json('POST', {}, h)],
      allowed: 200,
    },
    {
      name: 'GET /api/v1/devices',
      kind: 'staff',
      permission: 'device.manage',
      wrongRole: 'officer',
      request: (h) => ['/api/v1/devices', { headers: h }],
      allowed: 200,
    },
    { name: 'POST /api/v1/auth/logout-all', kind: 'staff', request: (h) => ['/api/v1/auth/logout-all', json('POST', {}, h)], allowed: 200 },
    {
      name: 'POST /api/v1/auth/password',
      kind: 'staff',
      request: (h) => ['/api/v1/auth/password', json('POST', { current: world.admin.password, next: 'một mật khẩu mới dài' }, h)],
      allowed: 200,
    },
  ];
}

type CaseName =
  'none' | 'wrong-credential' | 'wrong-kind' | 'revoked-device' | 'disabled-account' | 'wrong-role' | 'expired-session' | 'cross-site';

/** The headers of each case for a route, or null when the case does not apply to it; and the answer expected. */
function caseFor(name: CaseName, route: Route, world: World): { headers: Record<string, string>; status: number; error: string } | null {
  const unauthorized = { status: 401, error: 'unauthorized' };
  const right = route.kind === 'device' ? world.phone.headers : world.admin.headers;
  switch (name) {
    case 'none':
      return { headers: {}, ...unauthorized };
    case 'wrong-credential':
      return route.kind === 'device'
        ? { headers: { authorization: `Device ${world.phone.deviceId}.${'A'.repeat(43)}` }, ...unauthorized }
        : { headers: { cookie: `mcld_session=${'B'.repeat(43)}` }, ...unauthorized };
    case 'wrong-kind':
      return { headers: route.kind === 'device' ? world.admin.headers : world.phone.headers, ...unauthorized };
    case 'revoked-device':
      return route.kind === 'device' ? { headers: world.revokedPhone.headers, status: 401, error: 'device-revoked' } : null;
    case 'disabled-account':
      return route.kind === 'device'
        ? { headers: world.disabledStaffPhone.headers, status: 401, error: 'device-revoked' }
        : { headers: world.disabledStaffSession, ...unauthorized };
    case 'wrong-role': {
      if (route.kind !== 'staff' || !route.wrongRole) return null;
      const holder = { officer: world.officer, leader: world.leader, outreach: world.outreach, admin: world.admin }[route.wrongRole];
      return { headers: holder.headers, status: 403, error: 'forbidden' };
    }
    case 'expired-session':
      return route.kind === 'staff' ? { headers: world.admin.headers, ...unauthorized } : null;
    case 'cross-site':
      return { headers: { ...right, origin: 'https://attacker.example' }, status: 403, error: 'cross-origin' };
  }
}

const CASES: CaseName[] = [
  'none',
  'wrong-credential',
  'wrong-kind',
  'revoked-device',
  'disabled-account',
  'wrong-role',
  'expired-session',
  'cross-site',
];

describe.each(STORE_BACKENDS)('route × credential matrix with $kind', (backend) => {
  const server = useTestServer(backend);

  async function makeWorld(): Promise<World> {
    const admin = await makeStaff(server, 'admin');
    const officer = await makeStaff(server, 'officer');
    const leader = await makeStaff(server, 'leader');
    const outreach = await makeStaff(server, 'outreach');
    const phone = await server.device();
    const blob = makeBlob(1);
    expect((await putBlob(server.app, phone, blob.sha256, blob.bytes)).status).toBe(201);
    const pushed = (await (await push(server.app, phone, pushRequest([makeSubmission()]))).json()) as PushResponse;
    const dossierCode = (pushed.results[0] as { dossierCode: string }).dossierCode;
    const revokedPhone = await server.device('revoked');
    await server.stores.devices.revokeDevice(revokedPhone.deviceId, makeSubmission().communeCode, NOW);
    const gone = await makeStaff(server, 'outreach');
    const disabledStaffPhone = await enrolPhone(server.app, officer, gone);
    const goneOfficer = await makeStaff(server, 'officer');
    await server.stores.accounts.disableStaff(gone.id, NOW);
    await server.stores.accounts.disableStaff(goneOfficer.id, NOW);
    return {
      admin,
      officer,
      leader,
      outreach,
      phone,
      revokedPhone,
      disabledStaffPhone,
      disabledStaffSession: goneOfficer.headers,
      dossierCode,
      blobSha: blob.sha256,
    };
  }

  /** Everything a refused request could have changed, read with plain SQL. */
  async function snapshot(withSessions = true): Promise<string> {
    const tables = [
      'SELECT id, status FROM dossiers ORDER BY id',
      'SELECT COUNT(*) AS n FROM status_changes',
      'SELECT sha256 FROM blobs ORDER BY sha256',
      'SELECT id, password_hash, must_change_password, disabled_at FROM staff ORDER BY id',
      withSessions ? 'SELECT token_hash FROM staff_sessions ORDER BY token_hash' : 'SELECT 1 AS n',
      'SELECT id, revoked_at FROM devices ORDER BY id',
      'SELECT COUNT(*) AS n FROM enrolment_codes',
      'SELECT COUNT(*) AS n FROM dossier_devices',
      'SELECT COUNT(*) AS n FROM audit_log',
    ];
    const rows = await Promise.all(tables.map((sql) => server.db.rows(sql)));
    return JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? Number(value) : value));
  }

  it.each(CASES)('%s: every route it applies to answers 401/403 with its reason and changes nothing', async (name) => {
    const world = await makeWorld();
    if (name === 'expired-session') server.setNow(NOW + SESSION_IDLE_MS + 1);
    // An expired session is deleted when it is next presented: the one change a refusal may make.
    const withSessions = name !== 'expired-session';
    let tried = 0;
    for (const route of routes(world)) {
      const kase = caseFor(name, route, world);
      if (!kase) continue;
      const before = await snapshot(withSessions);
      const [path, init] = route.request(kase.headers);
      const res = await server.app.request(`http://localhost${path}`, init);
      expect([route.name, res.status]).toEqual([route.name, kase.status]);
      // HEAD has no body; its status is the whole answer.
      if (init.method !== 'HEAD') expect([route.name, ((await res.json()) as { error: string }).error]).toEqual([route.name, kase.error]);
      expect(await snapshot(withSessions), route.name).toBe(before);
      tried++;
    }
    expect(tried).toBeGreaterThan(0);
    if (name === 'expired-session') {
      const [row] = await server.db.rows('SELECT COUNT(*) AS n FROM staff_sessions WHERE staff_id = ?', world.admin.id);
      expect(Number(row?.n)).toBe(0);
    }
  });

  it('the same requests with the right credential are allowed (the control)', async () => {
    const world = await makeWorld();
    // Order matters only where a route ends what the next needs: sessions and the phone last.
    const all = routes(world);
    const last = ['POST /api/v1/auth/password', 'POST /api/v1/devices/{id}/revoke', 'POST /api/v1/auth/logout-all'];
    const ordered = [...all.filter((r) => !last.includes(r.name)), ...last.map((n) => all.find((r) => r.name === n)!)];
    for (const route of ordered) {
      const headers = route.kind === 'device' ? world.phone.headers : world.admin.headers;
      const [path, init] = route.request(headers);
      const res = await server.app.request(`http://localhost${path}`, init);
      expect([route.name, res.status]).toEqual([route.name, route.allowed]);
    }
  });
});
