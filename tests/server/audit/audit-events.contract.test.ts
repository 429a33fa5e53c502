/**
 * Every kind of audit event, produced through the real routes on every adapter: the log holds
 * one of each AUDIT_ACTIONS (but the export, which comes with the console's register), each with
 * ids and enums only: no password, no username typed at login, no dossier answers.
 */
import { describe, expect, it } from 'vitest';
import type { PushResponse } from '../../../src/domain/protocol';
import { firstStartLink } from '../../../src/server/accounts/first-start';
import { AUDIT_ACTIONS } from '../../../src/server/audit/audit-event';
import {
  COMMUNE_CODE,
  enrolPhone,
  login,
  makeBlob,
  makeSubmission,
  postJson,
  push,
  pushRequest,
  putBlob,
  registerDevice,
  sessionCookieOf,
  type TestStaff,
} from '../fixtures';
import { STORE_BACKENDS, useTestServer } from '../stores';

/** Not emitted by any route yet: dossier exports arrive with the console's register (CSV). */
const NOT_YET_EMITTED: string[] = [];

describe.each(STORE_BACKENDS)('audit events with $kind', (backend) => {
  const server = useTestServer(backend);

  it('records each kind of event once it happens, with ids and enums only', async () => {
    const app = server.app;
    const link = await firstStartLink(server.stores.accounts, COMMUNE_CODE, 'http://localhost', Date.now());
    const token = link!.split('#')[1]!;
    const adminPassword = 'mật khẩu quản trị dài';
    const setup = await postJson(app, '/api/v1/auth/setup', {
      token,
      username: 'quan.tri',
      password: adminPassword,
      displayName: 'Quản Trị',
    });
    expect(setup.status).toBe(201);

    expect((await postJson(app, '/api/v1/auth/login', { username: 'quan.tri', password: 'typed-secret-wrong' })).status).toBe(401);
    const admin = { headers: { cookie: (await login(app, 'quan.tri', adminPassword)).cookie } };

    const created = await postJson(app, '/api/v1/staff', { username: 'hoa', displayName: 'Lê Thị Hoa', role: 'officer' }, admin.headers);
    const { password: temporary } = (await created.json()) as { password: string };
    const officerLogin = await postJson(app, '/api/v1/auth/login', { username: 'hoa', password: temporary });
    const officerCookie = sessionCookieOf(officerLogin);
    const officerPassword = 'mật khẩu cán bộ dài';
    const changed = await postJson(app, '/api/v1/auth/password', { current: temporary, next: officerPassword }, { cookie: officerCookie });
    expect(changed.status).toBe(200);
    const officer = { username: 'hoa', headers: { cookie: (await login(app, 'hoa', officerPassword)).cookie } } as unknown as TestStaff;

    await postJson(app, '/api/v1/staff', { username: 'nam', displayName: 'Trần Văn Nam', role: 'outreach' }, admin.headers);
    expect((await postJson(app, '/api/v1/staff/nam/reset', {}, admin.headers)).status).toBe(200);

    const resident = await registerDevice(app);
    const outreachPhone = await enrolPhone(app, officer, { username: 'nam' });
    const blob = makeBlob(3);
    expect((await putBlob(app, resident, blob.sha256, blob.bytes)).status).toBe(201);
    const item = makeSubmission();
    const pushed = (await (await push(app, resident, pushRequest([item]))).json()) as PushResponse;
    const code = (pushed.results[0] as { dossierCode: string }).dossierCode;
    expect((await app.request(`/api/v1/dossiers/${code}`, { headers: officer.headers })).status).toBe(200);
    expect((await postJson(app, `/api/v1/dossiers/${code}/actions`, { action: 'receive' }, officer.headers)).status).toBe(200);
    expect((await app.request(`/api/v1/blobs/${blob.sha256}`, { headers: officer.headers })).status).toBe(200);
    expect(
      (await app.request(`/api/v1/register.csv?from=${Date.UTC(2025, 0, 1)}&to=${Date.UTC(2025, 11, 31)}`, { headers: officer.headers }))
        .status,
    ).toBe(200);
    const settings = { officeName: 'Bộ phận một cửa xã Hoằng Hóa', address: '', saturdayMorningReception: true, collection: null };
    const put = await app.request('/api/v1/settings', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...admin.headers },
      body: JSON.stringify(settings),
    });
    expect(put.status).toBe(200);
    const follower = await registerDevice(app);
    expect((await postJson(app, '/api/v1/lookup', { dossierCode: code, digits: '2345' }, follower.headers)).status).toBe(200);

    // The campaign: a village and a working group changed, the report exported as CSV.
    const putJson = (path: string, body: unknown) =>
      app.request(path, { method: 'PUT', headers: { 'content-type': 'application/json', ...admin.headers }, body: JSON.stringify(body) });
    expect((await putJson('/api/v1/villages/thon-3', { name: 'Thôn 3', households: 40 })).status).toBe(201);
    expect((await putJson('/api/v1/groups/to-3', { name: 'Tổ công tác thôn 3', villageId: 'thon-3', memberIds: [] })).status).toBe(201);
    expect((await app.request('/api/v1/reports/campaign.csv', { headers: admin.headers })).status).toBe(200);
    expect((await postJson(app, `/api/v1/devices/${outreachPhone.deviceId}/revoke`, {}, admin.headers)).status).toBe(200);
    expect((await postJson(app, '/api/v1/staff/nam/disable', {}, admin.headers)).status).toBe(200);
    expect((await postJson(app, '/api/v1/auth/logout-all', {}, officer.headers)).status).toBe(200);
    expect((await postJson(app, '/api/v1/auth/logout', {}, admin.headers)).status).toBe(200);

    const rows = await server.db.rows('SELECT * FROM audit_log ORDER BY seq');
    const kinds = new Set(rows.map((row) => row.action as string));
    expect([...kinds].sort()).toEqual(AUDIT_ACTIONS.filter((a) => !NOT_YET_EMITTED.includes(a)).sort());
    // Who did it is an id, never a name.
    const staffIds = new Set((await server.db.rows('SELECT id FROM staff')).map((row) => row.id));
    for (const row of rows) {
      if (row.actor_kind === 'staff') expect(staffIds.has(row.actor_id)).toBe(true);
    }
    const text = JSON.stringify(rows);
    for (const secret of [adminPassword, temporary, officerPassword, 'typed-secret-wrong', resident.secret])
      expect(text).not.toContain(secret);
    for (const personal of ['Nguyễn Thị Hoa', '038190012345', '0912345678', 'Lê Thị Hoa', 'Trần Văn Nam', 'quan.tri"', '"hoa"']) {
      expect(text).not.toContain(personal);
    }
    expect(text).not.toContain('answers');
    expect(text).not.toContain(item.answers.fullName as string);
  });
});
