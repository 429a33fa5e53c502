/**
 * Account management on every adapter (admins only): create, list, disable (which ends the
 * account's sessions and revokes its phones), reset (a temporary password to change at next login).
 */
import { describe, expect, it } from 'vitest';
import { enrolPhone, login, makeStaff, makeSubmission, postJson, pull, push, pushRequest } from '../fixtures';
import { STORE_BACKENDS, useTestServer } from '../stores';

describe.each(STORE_BACKENDS)('staff accounts with $kind', (backend) => {
  const server = useTestServer(backend);
  const listStaff = async (headers: Record<string, string>) => server.app.request('/api/v1/staff', { headers });

  it('lets an admin create an account with a generated password, shown once, to change at first login', async () => {
    const admin = await makeStaff(server, 'admin');
    const res = await postJson(
      server.app,
      '/api/v1/staff',
      { username: 'Lan.Tran', displayName: 'Trần Thị Lan', role: 'outreach', villageId: 'thon-3' },
      admin.headers,
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as { staff: unknown; password: string };
    expect(body.staff).toEqual({
      username: 'lan.tran',
      displayName: 'Trần Thị Lan',
      role: 'outreach',
      villageId: 'thon-3',
      mustChangePassword: true,
      disabled: false,
      createdAt: expect.any(Number),
    });
    expect(body.password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(JSON.stringify(await server.db.rows('SELECT * FROM staff'))).not.toContain(body.password);
    const signedIn = await postJson(server.app, '/api/v1/auth/login', { username: 'lan.tran', password: body.password });
    expect(await signedIn.json()).toMatchObject({ staff: { mustChangePassword: true } });
    const listed = (await (await listStaff(admin.headers)).json()) as { staff: { username: string }[] };
    expect(listed.staff.map((s) => s.username).sort()).toEqual([admin.username, 'lan.tran'].sort());
    expect(await server.db.rows("SELECT action, detail FROM audit_log WHERE action = 'account.created'")).toEqual([
      { action: 'account.created', detail: '{"role":"outreach"}' },
    ]);
  });

  it('takes a password the admin chose when the policy allows it, and refuses taken usernames and bad fields', async () => {
    const admin = await makeStaff(server, 'admin');
    const create = (body: Record<string, unknown>) =>
      postJson(server.app, '/api/v1/staff', { username: 'minh', displayName: 'Lê Minh', role: 'officer', ...body }, admin.headers);
    expect(await (await create({ password: '12345' })).json()).toMatchObject({ error: 'password-rejected', problem: 'too-short' });
    const created = await create({ password: 'một mật khẩu đủ dài' });
    expect(created.status).toBe(201);
    expect(await created.json()).not.toHaveProperty('password');
    expect((await create({})).status).toBe(409);
    for (const bad of [
      { username: 'a b' },
      { role: 'mayor' },
      { displayName: '\u202eevil' },
      { displayName: '1234' },
      { villageId: 'thôn 3' },
    ]) {
      expect((await create({ username: 'other', ...bad })).status).toBe(400);
    }
    expect(await server.stores.accounts.countStaff('15865')).toBe(2);
  });

  it('disables an account: its sessions end and its phones are refused with device-revoked', async () => {
    const admin = await makeStaff(server, 'admin');
    const outreach = await makeStaff(server, 'outreach', { username: 'lan.tran' });
    const phone = await enrolPhone(server.app, admin, outreach);
    expect((await push(server.app, phone, pushRequest([makeSubmission()]))).status).toBe(200);
    const res = await postJson(server.app, '/api/v1/staff/lan.tran/disable', {}, admin.headers);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ staff: { username: 'lan.tran', disabled: true }, revokedDevices: 1 });
    expect((await server.app.request('/api/v1/auth/me', { headers: outreach.headers })).status).toBe(401);
    const sync = await push(server.app, phone, pushRequest([makeSubmission()]));
    expect(sync.status).toBe(401);
    expect(await sync.json()).toMatchObject({ error: 'device-revoked' });
    expect((await pull(server.app, 0, phone)).status).toBe(401);
    expect(await server.stores.dossiers.countDossiers()).toBe(1);
    expect((await postJson(server.app, '/api/v1/auth/login', { username: 'lan.tran', password: outreach.password })).status).toBe(401);
    const actions = (await server.db.rows('SELECT action FROM audit_log ORDER BY seq')).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['account.disabled', 'device.revoked']));
  });

  it('never disables the last active admin', async () => {
    const admin = await makeStaff(server, 'admin', { username: 'admin' });
    const res = await postJson(server.app, '/api/v1/staff/admin/disable', {}, admin.headers);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: 'last-admin' });
    await makeStaff(server, 'admin', { username: 'admin2' });
    expect((await postJson(server.app, '/api/v1/staff/admin/disable', {}, admin.headers)).status).toBe(200);
  });

  it('resets a password: the old one stops working, the new one must be changed, sessions end', async () => {
    const admin = await makeStaff(server, 'admin');
    const officer = await makeStaff(server, 'officer', { username: 'hoa.nguyen' });
    const res = await postJson(server.app, '/api/v1/staff/hoa.nguyen/reset', {}, admin.headers);
    expect(res.status).toBe(200);
    const { password } = (await res.json()) as { password: string };
    expect((await server.app.request('/api/v1/auth/me', { headers: officer.headers })).status).toBe(401);
    expect((await postJson(server.app, '/api/v1/auth/login', { username: 'hoa.nguyen', password: officer.password })).status).toBe(401);
    const fresh = await login(server.app, 'hoa.nguyen', password);
    expect(await (await server.app.request('/api/v1/auth/me', { headers: fresh })).json()).toMatchObject({
      staff: { mustChangePassword: true },
    });
    expect((await postJson(server.app, '/api/v1/staff/nobody/reset', {}, admin.headers)).status).toBe(404);
  });

  it.each(['officer', 'leader', 'outreach'] as const)('refuses every account route to a %s with 403, changing nothing', async (role) => {
    await makeStaff(server, 'admin', { username: 'admin' });
    const someone = await makeStaff(server, role);
    const before = await server.db.rows('SELECT id, disabled_at, password_hash FROM staff ORDER BY id');
    for (const res of [
      await listStaff(someone.headers),
      await postJson(server.app, '/api/v1/staff', { username: 'new.one', displayName: 'Mới', role: 'admin' }, someone.headers),
      await postJson(server.app, '/api/v1/staff/admin/disable', {}, someone.headers),
      await postJson(server.app, '/api/v1/staff/admin/reset', {}, someone.headers),
    ]) {
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: 'forbidden' });
    }
    expect(await server.db.rows('SELECT id, disabled_at, password_hash FROM staff ORDER BY id')).toEqual(before);
  });
});
