/**
 * Staff sign-in on every adapter: the first admin from the one-time setup link, login and its
 * throttle (in the database, so it holds across processes), the session cookie and its ends
 * (idle, absolute, logout, everywhere, password change), and what the audit log keeps of it.
 */
import { describe, expect, it } from 'vitest';
import { OWASP_SCRYPT, hashPassword, maxmemFor, verifyPassword } from '../../../src/server/accounts/passwords';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../../src/server/accounts/session';
import { sha256Hex } from '../../../src/server/devices/device-credentials';
import { DEFAULT_RATE_LIMITS } from '../../../src/server/http/rate-limit';
import { createApp } from '../../../src/server/http/app';
import { COMMUNE_CODE, NOW, TEST_SCRYPT, login, makeStaff, postJson, sessionCookieOf, startTestServer } from '../fixtures';
import { STORE_BACKENDS, useTestServer } from '../stores';

const SETUP_TOKEN = 'T'.repeat(43);

describe('password hashing', () => {
  it("uses OWASP's scrypt parameters by default: N=2^17, r=8, p=1, 128-bit salt, 256-bit key", async () => {
    expect(OWASP_SCRYPT).toEqual({ N: 2 ** 17, r: 8, p: 1, saltBytes: 16, keyBytes: 32 });
    expect(maxmemFor(OWASP_SCRYPT)).toBeGreaterThan(128 * 2 ** 17 * 8);
    const hash = await hashPassword('một mật khẩu đủ dài');
    const [scheme, n, r, p, salt, key] = hash.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', String(2 ** 17), '8', '1']);
    expect(Buffer.from(salt!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64url')).toHaveLength(32);
    expect(await verifyPassword('một mật khẩu đủ dài', hash)).toBe(true);
  }, 30_000);

  it('verifies whatever parameters a hash names, the same password in NFC or NFD, and refuses malformed hashes', async () => {
    const hash = await hashPassword('Hoằng Hóa quê tôi', TEST_SCRYPT);
    expect(hash.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('Hoằng Hóa quê tôi'.normalize('NFD'), hash)).toBe(true);
    expect(await verifyPassword('Hoằng Hóa quê tô', hash)).toBe(false);
    for (const bad of [
      '',
      'bcrypt$x',
      'scrypt$3$8$1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5',
      `scrypt$${2 ** 24}$8$1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5`,
    ]) {
      expect(await verifyPassword('x', bad)).toBe(false);
    }
  });
});

describe.each(STORE_BACKENDS)('first start with $kind', (backend) => {
  const server = useTestServer(backend);

  const setup = (token: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    postJson(
      server.app,
      '/api/v1/auth/setup',
      { token, username: 'admin', password: 'cây đa đầu làng', displayName: 'Trần Văn Quản', ...body },
      headers,
    );

  it('creates the first admin from the one-time link and signs them in with a strict cookie', async () => {
    await server.stores.accounts.createSetupToken(sha256Hex(SETUP_TOKEN), COMMUNE_CODE, NOW, NOW + 3600_000);
    const res = await setup(SETUP_TOKEN);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      staff: { username: 'admin', displayName: 'Trần Văn Quản', role: 'admin', mustChangePassword: false },
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^mcld_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
    const me = await server.app.request('/api/v1/auth/me', { headers: { cookie: sessionCookieOf(res) } });
    expect(await me.json()).toMatchObject({ staff: { username: 'admin', role: 'admin' } });
    // The session is kept as a hash only.
    const token = sessionCookieOf(res).split('=')[1]!;
    const sessions = await server.db.rows('SELECT token_hash FROM staff_sessions');
    expect(sessions).toEqual([{ token_hash: sha256Hex(token) }]);
    const audit = await server.db.rows('SELECT action FROM audit_log');
    expect(audit.map((row) => row.action)).toEqual(['account.setup']);
  });

  it('uses the link once, never after an admin exists, and never once it expired', async () => {
    await server.stores.accounts.createSetupToken(sha256Hex(SETUP_TOKEN), COMMUNE_CODE, NOW, NOW + 3600_000);
    await server.stores.accounts.createSetupToken(sha256Hex('U'.repeat(43)), COMMUNE_CODE, NOW, NOW + 3600_000);
    server.setNow(NOW + 3600_000);
    expect(await (await setup(SETUP_TOKEN)).json()).toMatchObject({ error: 'setup-invalid' });
    server.setNow(NOW);
    expect((await setup(SETUP_TOKEN)).status).toBe(201);
    for (const token of [SETUP_TOKEN, 'U'.repeat(43), 'V'.repeat(43), 'short']) {
      const again = await setup(token, { username: 'second' });
      expect(again.status).toBe(400);
      expect(await again.json()).toMatchObject({ error: 'setup-invalid' });
    }
    expect(await server.stores.accounts.countStaff(COMMUNE_CODE)).toBe(1);
  });

  it.each([
    ['a short password', { password: 'ngắn' }, 'too-short'],
    ['a common password', { password: 'Password123' }, 'common'],
    ['the username as password', { username: 'hoang.van.minh', password: 'Hoang.Van.Minh' }, 'same-as-username'],
  ])('refuses %s, keeping the link usable', async (_name, body, problem) => {
    await server.stores.accounts.createSetupToken(sha256Hex(SETUP_TOKEN), COMMUNE_CODE, NOW, NOW + 3600_000);
    const res = await setup(SETUP_TOKEN, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'password-rejected', problem });
    expect((await setup(SETUP_TOKEN)).status).toBe(201);
  });

  it('marks the cookie Secure with the __Host- prefix over HTTPS, or behind a trusted proxy that says so', async () => {
    await server.stores.accounts.createSetupToken(sha256Hex(SETUP_TOKEN), COMMUNE_CODE, NOW, NOW + 3600_000);
    const res = await server.app.request('https://localhost/api/v1/auth/setup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: SETUP_TOKEN, username: 'admin', password: 'cây đa đầu làng', displayName: 'Trần Văn Quản' }),
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-mcld_session=/);
    expect(cookie).toContain('Secure');
    // Over HTTPS the plain cookie is not read, and over HTTP the __Host- one is not either.
    const pair = sessionCookieOf(res);
    expect((await server.app.request('https://localhost/api/v1/auth/me', { headers: { cookie: pair } })).status).toBe(200);
    expect((await server.app.request('http://localhost/api/v1/auth/me', { headers: { cookie: pair } })).status).toBe(401);
    const plain = pair.replace('__Host-', '');
    expect((await server.app.request('https://localhost/api/v1/auth/me', { headers: { cookie: plain } })).status).toBe(401);

    const proxied = createApp({
      stores: server.stores,
      communeCode: COMMUNE_CODE,
      now: () => NOW,
      trustProxy: true,
      passwordParams: TEST_SCRYPT,
    });
    const viaProxy = await postJson(
      proxied,
      '/api/v1/auth/login',
      { username: 'admin', password: 'cây đa đầu làng' },
      { 'x-forwarded-proto': 'https' },
    );
    expect(viaProxy.headers.get('set-cookie')).toMatch(/^__Host-mcld_session=.*Secure/);
  });
});

describe.each(STORE_BACKENDS)('login with $kind', (backend) => {
  const server = useTestServer(backend);

  const attempt = (username: string, password: string, app = server.app) => postJson(app, '/api/v1/auth/login', { username, password });

  it('signs in with username and password, answering who signed in', async () => {
    const officer = await makeStaff(server, 'officer', { username: 'hoa.nguyen', villageId: 'thon-3' });
    const res = await attempt('  Hoa.Nguyen ', officer.password);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      staff: { username: 'hoa.nguyen', displayName: 'Cán bộ officer', role: 'officer', villageId: 'thon-3', mustChangePassword: false },
    });
  });

  it('answers an unknown user, a wrong password and a disabled account alike, and audits them without what was typed', async () => {
    const officer = await makeStaff(server, 'officer', { username: 'hoa.nguyen' });
    const disabled = await makeStaff(server, 'officer', { username: 'lan.tran' });
    await server.stores.accounts.disableStaff(disabled.id, NOW);
    const answers = [];
    for (const [username, password] of [
      ['nobody.here', 'mật khẩu sai rồi'],
      ['hoa.nguyen', 'mật khẩu sai rồi'],
      ['lan.tran', disabled.password],
    ] as const) {
      const res = await attempt(username, password);
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
      answers.push(await res.json());
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toMatchObject({ error: 'login-failed' });
    const audit = await server.db.rows(
      "SELECT actor_kind, action, target_id, detail FROM audit_log WHERE action = 'login.failed' ORDER BY seq",
    );
    expect(audit).toEqual([
      { actor_kind: 'anonymous', action: 'login.failed', target_id: null, detail: '{"reason":"unknown-user"}' },
      { actor_kind: 'anonymous', action: 'login.failed', target_id: officer.id, detail: '{"reason":"wrong-password"}' },
      { actor_kind: 'anonymous', action: 'login.failed', target_id: disabled.id, detail: '{"reason":"disabled"}' },
    ]);
    const everything = JSON.stringify(await server.db.rows('SELECT * FROM audit_log'));
    for (const typed of ['nobody.here', 'mật khẩu sai rồi', officer.password, disabled.password]) expect(everything).not.toContain(typed);
    expect(JSON.stringify(await server.db.rows('SELECT * FROM login_failures'))).not.toContain('nobody');
  });

  it('spends the same scrypt work on an unknown user as on a wrong password', async () => {
    // Costly enough that one hash dominates a request's time, cheap enough for a test. The
    // fastest of several tries is compared: other test files share the CPU, and load only ever
    // slows a request down.
    const slow = await startTestServer(backend, { passwordParams: { ...TEST_SCRYPT, N: 2 ** 15 } });
    try {
      await makeStaff(slow, 'officer', { username: 'hoa.nguyen' });
      const time = async (username: string): Promise<number> => {
        const start = performance.now();
        expect((await attempt(username, 'mật khẩu sai rồi', slow.app)).status).toBe(401);
        return performance.now() - start;
      };
      await time('warm.up');
      const unknown: number[] = [];
      const wrong: number[] = [];
      for (let i = 0; i < 4; i++) {
        unknown.push(await time(`nobody${i}`));
        wrong.push(await time('hoa.nguyen'));
      }
      const ratio = Math.min(...unknown) / Math.min(...wrong);
      expect(ratio).toBeGreaterThan(0.5);
      expect(ratio).toBeLessThan(2);
    } finally {
      await slow.cleanup();
    }
  }, 60_000);

  it('locks a username after 5 failures with a growing delay, then releases it, whatever the password meanwhile', async () => {
    const officer = await makeStaff(server, 'officer', { username: 'hoa.nguyen' });
    for (let i = 0; i < 5; i++) expect((await attempt('hoa.nguyen', 'sai mật khẩu')).status).toBe(401);
    const locked = await attempt('hoa.nguyen', officer.password);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('60');
    expect(await locked.json()).toMatchObject({ error: 'rate-limited' });
    // Another username is not locked.
    expect((await attempt('someone.else', 'sai mật khẩu')).status).toBe(401);

    server.setNow(NOW + 61_000);
    expect((await attempt('hoa.nguyen', 'sai mật khẩu')).status).toBe(401);
    const longer = await attempt('hoa.nguyen', officer.password);
    expect(longer.status).toBe(429);
    expect(longer.headers.get('retry-after')).toBe('120');

    server.setNow(NOW + 61_000 + 121_000);
    expect((await attempt('hoa.nguyen', officer.password)).status).toBe(200);
    expect(await server.db.rows('SELECT failures FROM login_failures')).toEqual([{ failures: 1 }]);
    // Cleared by the success: 4 more failures do not lock.
    for (let i = 0; i < 4; i++) expect((await attempt('hoa.nguyen', 'sai mật khẩu')).status).toBe(401);
    expect((await attempt('hoa.nguyen', officer.password)).status).toBe(200);
  });

  it('never locks for longer than 15 minutes', async () => {
    const officer = await makeStaff(server, 'officer', { username: 'hoa.nguyen' });
    let now = NOW;
    for (let i = 0; i < 12; i++) {
      await attempt('hoa.nguyen', 'sai mật khẩu');
      now += 16 * 60_000;
      server.setNow(now);
    }
    server.setNow(now - 16 * 60_000 + 1);
    const res = await attempt('hoa.nguyen', officer.password);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
  });

  it('holds the lock across server processes sharing the database', async () => {
    const officer = await makeStaff(server, 'officer', { username: 'hoa.nguyen' });
    const other = createApp({ stores: await server.db.open(), communeCode: COMMUNE_CODE, now: () => NOW, passwordParams: TEST_SCRYPT });
    for (let i = 0; i < 5; i++) expect((await attempt('hoa.nguyen', 'sai mật khẩu', i % 2 ? other : server.app)).status).toBe(401);
    expect((await attempt('hoa.nguyen', officer.password, other)).status).toBe(429);
  });

  it('limits logins per address too, with Retry-After', async () => {
    const limited = createApp({
      stores: server.stores,
      communeCode: COMMUNE_CODE,
      now: () => NOW,
      passwordParams: TEST_SCRYPT,
      trustProxy: true,
      rateLimits: { loginPerIp: { limit: 3, windowMs: 60_000 } },
    });
    const from = (ip: string) =>
      postJson(
        limited,
        '/api/v1/auth/login',
        { username: `u${ip}`, password: 'x'.repeat(12) },
        { 'x-forwarded-for': `203.0.113.9, ${ip}` },
      );
    for (let i = 0; i < 3; i++) expect((await from('198.51.100.1')).status).toBe(401);
    const refused = await from('198.51.100.1');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('20');
    expect((await from('198.51.100.2')).status).toBe(401);
    expect(DEFAULT_RATE_LIMITS.loginPerIp.limit).toBeGreaterThan(3);
  });
});

describe.each(STORE_BACKENDS)('sessions with $kind', (backend) => {
  const server = useTestServer(backend);
  const me = (headers: Record<string, string>) => server.app.request('/api/v1/auth/me', { headers });

  it('end after 30 idle minutes', async () => {
    const officer = await makeStaff(server, 'officer');
    server.setNow(NOW + SESSION_IDLE_MS - 1000);
    expect((await me(officer.headers)).status).toBe(200);
    server.setNow(NOW + 2 * SESSION_IDLE_MS - 2000);
    expect((await me(officer.headers)).status).toBe(200);
    server.setNow(NOW + 3 * SESSION_IDLE_MS);
    const expired = await me(officer.headers);
    expect(expired.status).toBe(401);
    expect(expired.headers.get('set-cookie')).toMatch(/^mcld_session=;.*Max-Age=0/);
    expect(await server.db.rows('SELECT token_hash FROM staff_sessions')).toEqual([]);
  });

  it('end after 12 hours however active', async () => {
    const officer = await makeStaff(server, 'officer');
    for (let t = 0; t < SESSION_ABSOLUTE_MS; t += 20 * 60_000) {
      server.setNow(NOW + t);
      expect((await me(officer.headers)).status).toBe(200);
    }
    server.setNow(NOW + SESSION_ABSOLUTE_MS);
    expect((await me(officer.headers)).status).toBe(401);
  });

  it('end at logout, and all of an account at "log out everywhere"', async () => {
    const officer = await makeStaff(server, 'officer');
    const second = await login(server.app, officer.username, officer.password);
    const third = await login(server.app, officer.username, officer.password);
    const out = await postJson(server.app, '/api/v1/auth/logout', {}, officer.headers);
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await me(officer.headers)).status).toBe(401);
    expect((await me(second)).status).toBe(200);
    const everywhere = await postJson(server.app, '/api/v1/auth/logout-all', {}, second);
    expect(await everywhere.json()).toEqual({ ok: true, sessionsEnded: 2 });
    expect((await me(second)).status).toBe(401);
    expect((await me(third)).status).toBe(401);
    expect((await server.db.rows('SELECT action FROM audit_log WHERE action LIKE ? ORDER BY seq', 'logout%')).map((r) => r.action)).toEqual(
      ['logout', 'logout.everywhere'],
    );
  });

  it('refuse a forged or unknown cookie', async () => {
    await makeStaff(server, 'officer');
    for (const cookie of ['mcld_session=' + 'A'.repeat(43), 'mcld_session=short', 'other=1'])
      expect((await me({ cookie })).status).toBe(401);
  });
});

describe.each(STORE_BACKENDS)('password change with $kind', (backend) => {
  const server = useTestServer(backend);
  const change = (headers: Record<string, string>, current: string, next: string) =>
    postJson(server.app, '/api/v1/auth/password', { current, next }, headers);

  it('needs the current password, refuses a weak new one, and ends every other session', async () => {
    const officer = await makeStaff(server, 'officer');
    const other = await login(server.app, officer.username, officer.password);
    expect(await (await change(officer.headers, 'not my password', 'một mật khẩu mới toanh')).json()).toMatchObject({
      error: 'login-failed',
    });
    expect(await (await change(officer.headers, officer.password, 'qwertyuiop')).json()).toMatchObject({
      error: 'password-rejected',
      problem: 'common',
    });
    expect(await (await change(officer.headers, officer.password, officer.password)).json()).toMatchObject({
      error: 'password-rejected',
      problem: 'same-as-current',
    });
    const ok = await change(officer.headers, officer.password, 'một mật khẩu mới toanh');
    expect(ok.status).toBe(200);
    expect((await server.app.request('/api/v1/auth/me', { headers: officer.headers })).status).toBe(200);
    expect((await server.app.request('/api/v1/auth/me', { headers: other })).status).toBe(401);
    expect((await postJson(server.app, '/api/v1/auth/login', { username: officer.username, password: officer.password })).status).toBe(401);
    await login(server.app, officer.username, 'một mật khẩu mới toanh');
  });

  it('is forced first when an admin set the password: nothing else is allowed until then', async () => {
    const officer = await makeStaff(server, 'officer', { mustChangePassword: true });
    const dossier = await server.app.request('/api/v1/devices/enrolments', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...officer.headers },
      body: JSON.stringify({ username: officer.username }),
    });
    expect(dossier.status).toBe(403);
    expect(await dossier.json()).toMatchObject({ error: 'password-change-required' });
    expect(await (await server.app.request('/api/v1/auth/me', { headers: officer.headers })).json()).toMatchObject({
      staff: { mustChangePassword: true },
    });
    expect((await change(officer.headers, officer.password, 'một mật khẩu mới toanh')).status).toBe(200);
    const after = await postJson(server.app, '/api/v1/devices/enrolments', { username: officer.username }, officer.headers);
    expect(after.status).toBe(201);
  });
});
