/**
 * Staff phones on every adapter: an officer makes a one-time code, the phone trades it for its
 * own credential; what it then sends is the staff member's. Admins list and revoke devices.
 */
import { describe, expect, it } from 'vitest';
import { ENROLMENT_CODE_ALPHABET, formatEnrolmentCode } from '../../../src/domain/enrolment-code';
import { sha256Hex } from '../../../src/server/devices/device-credentials';
import { NOW, enrolPhone, makeStaff, makeSubmission, postJson, pull, push, pushRequest } from '../fixtures';
import { STORE_BACKENDS, useTestServer } from '../stores';

describe.each(STORE_BACKENDS)('enrolment with $kind', (backend) => {
  const server = useTestServer(backend);
  const makeCode = (headers: Record<string, string>, username: string) =>
    postJson(server.app, '/api/v1/devices/enrolments', { username }, headers);
  const enrol = (code: string) => postJson(server.app, '/api/v1/devices/enrol', { code });

  it('makes an 8-symbol code valid 24 hours, kept hashed, that a phone trades once for a staff credential', async () => {
    const officer = await makeStaff(server, 'officer');
    const outreach = await makeStaff(server, 'outreach', { username: 'lan.tran', villageId: 'thon-3' });
    const res = await makeCode(officer.headers, 'lan.tran');
    expect(res.status).toBe(201);
    const { code, expiresAt, url } = (await res.json()) as { code: string; expiresAt: number; url: string };
    expect(code).toMatch(new RegExp(`^[${ENROLMENT_CODE_ALPHABET}]{8}$`));
    expect(expiresAt).toBe(NOW + 24 * 3600_000);
    expect(url).toBe(`/dang-ky-may#${code}`);
    const rows = await server.db.rows('SELECT code_hash, staff_id, created_by, used_at FROM enrolment_codes');
    expect(rows).toEqual([{ code_hash: sha256Hex(code), staff_id: outreach.id, created_by: officer.id, used_at: null }]);

    // Read aloud and typed in lower case with a dash: the same code.
    const enrolled = await enrol(` ${formatEnrolmentCode(code).toLowerCase()} `);
    expect(enrolled.status).toBe(201);
    const credential = (await enrolled.json()) as { deviceId: string; secret: string };
    expect(credential).toEqual({
      deviceId: expect.any(String),
      secret: expect.any(String),
      kind: 'staff',
      staff: { username: 'lan.tran', displayName: 'Cán bộ outreach', role: 'outreach', villageId: 'thon-3' },
    });
    const again = await enrol(code);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'enrolment-invalid' });
    expect(await server.db.rows('SELECT kind, staff_id FROM devices')).toEqual([{ kind: 'staff', staff_id: outreach.id }]);
  });

  it('sends dossiers as the staff member: their account and village are stored with the dossier', async () => {
    const officer = await makeStaff(server, 'officer');
    const outreach = await makeStaff(server, 'outreach', { username: 'lan.tran', villageId: 'thon-3' });
    const phone = await enrolPhone(server.app, officer, outreach);
    const me = await server.app.request('/api/v1/devices/me', { headers: phone.headers });
    expect(await me.json()).toEqual({
      deviceId: phone.deviceId,
      kind: 'staff',
      staff: { username: 'lan.tran', displayName: 'Cán bộ outreach', role: 'outreach', villageId: 'thon-3' },
    });
    const item = makeSubmission();
    expect((await push(server.app, phone, pushRequest([item]))).status).toBe(200);
    const [row] = await server.db.rows('SELECT device_id, device_kind, staff_id, village_id FROM dossiers WHERE id = ?', item.id);
    expect(row).toEqual({ device_id: phone.deviceId, device_kind: 'staff', staff_id: outreach.id, village_id: 'thon-3' });
  });

  it('answers an unknown, an expired, a used code and a code for a disabled account alike', async () => {
    const officer = await makeStaff(server, 'officer');
    const outreach = await makeStaff(server, 'outreach', { username: 'lan.tran' });
    const other = await makeStaff(server, 'outreach', { username: 'minh.le' });
    const codes = [];
    for (const username of ['lan.tran', 'lan.tran', 'minh.le'])
      codes.push(((await (await makeCode(officer.headers, username)).json()) as { code: string }).code);
    expect((await enrol(codes[0]!)).status).toBe(201);
    await server.stores.accounts.disableStaff(other.id, NOW);
    void outreach;
    const answers = [];
    answers.push(await enrol(codes[0]!)); // used
    answers.push(await enrol('ZZZZ-ZZZZ')); // unknown
    answers.push(await enrol(codes[2]!)); // account disabled
    answers.push(await enrol('not a code at all'));
    server.setNow(NOW + 24 * 3600_000);
    answers.push(await enrol(codes[1]!)); // expired
    const bodies = await Promise.all(answers.map(async (res) => [res.status, await res.json()]));
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(bodies[0]).toEqual([400, expect.objectContaining({ error: 'enrolment-invalid' })]);
    expect(await server.db.rows('SELECT id FROM devices')).toHaveLength(1);
  });

  it('lets one phone win when two redeem the same code at once', async () => {
    const officer = await makeStaff(server, 'officer');
    await makeStaff(server, 'outreach', { username: 'lan.tran' });
    const { code } = (await (await makeCode(officer.headers, 'lan.tran')).json()) as { code: string };
    const statuses = (await Promise.all([enrol(code), enrol(code), enrol(code)])).map((res) => res.status).sort();
    expect(statuses).toEqual([201, 400, 400]);
    expect(await server.db.rows('SELECT id FROM devices')).toHaveLength(1);
  });

  it('makes no code for an unknown or disabled account, nor for a leader or outreach worker', async () => {
    const officer = await makeStaff(server, 'officer');
    expect((await makeCode(officer.headers, 'nobody')).status).toBe(404);
    for (const role of ['leader', 'outreach'] as const) {
      const someone = await makeStaff(server, role);
      const res = await makeCode(someone.headers, officer.username);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: 'forbidden' });
    }
    expect((await makeCode({}, officer.username)).status).toBe(401);
    expect(await server.db.rows('SELECT code_hash FROM enrolment_codes')).toEqual([]);
  });

  it('lets an admin list devices, with their account and last contact, and revoke one', async () => {
    const admin = await makeStaff(server, 'admin');
    const outreach = await makeStaff(server, 'outreach', { username: 'lan.tran' });
    const staffPhone = await enrolPhone(server.app, admin, outreach);
    const resident = await server.device();
    const list = await server.app.request('/api/v1/devices', { headers: admin.headers });
    const { devices } = (await list.json()) as { devices: { deviceId: string; kind: string; revoked: boolean; lastSeenAt: number }[] };
    expect(devices.map((d) => [d.deviceId, d.kind, d.revoked]).sort()).toEqual(
      [
        [staffPhone.deviceId, 'staff', false],
        [resident.deviceId, 'resident', false],
      ].sort(),
    );
    expect(devices.find((d) => d.kind === 'staff')).toMatchObject({ staff: { username: 'lan.tran' }, lastSeenAt: NOW });
    expect(JSON.stringify(devices)).not.toMatch(/secret/);

    const revoked = await postJson(server.app, `/api/v1/devices/${resident.deviceId}/revoke`, {}, admin.headers);
    expect(revoked.status).toBe(200);
    const sync = await pull(server.app, 0, resident);
    expect(sync.status).toBe(401);
    expect(await sync.json()).toMatchObject({ error: 'device-revoked' });
    expect((await postJson(server.app, `/api/v1/devices/${resident.deviceId}/revoke`, {}, admin.headers)).status).toBe(404);
    expect((await pull(server.app, 0, staffPhone)).status).toBe(200);
  });

  it('refuses listing and revoking to officers (enrolling is theirs, managing devices is not)', async () => {
    const officer = await makeStaff(server, 'officer');
    const resident = await server.device();
    expect((await server.app.request('/api/v1/devices', { headers: officer.headers })).status).toBe(403);
    expect((await postJson(server.app, `/api/v1/devices/${resident.deviceId}/revoke`, {}, officer.headers)).status).toBe(403);
    expect((await pull(server.app, 0, resident)).status).toBe(200);
  });
});
