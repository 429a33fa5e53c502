/**
 * `npm run staff` for real: the CLI runs as a child process on a real SQLite file (and a real
 * PostgreSQL database), and the accounts it makes sign in through the app on the same database.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type ServerApp } from '../../../src/server/http/app';
import type { Stores } from '../../../src/server/stores';
import { COMMUNE_CODE, postJson } from '../fixtures';
import { STORE_BACKENDS, skipWhenUnavailable, type TestDatabase } from '../stores';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const GENERATED = /[a-z2-9]{4}(?:-[a-z2-9]{4}){3}/;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function staffCli(env: Record<string, string>, args: string[], stdin?: string): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/staff-cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', COMMUNE_CODE, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

describe.each(STORE_BACKENDS)('npm run staff on $kind', (backend) => {
  let db: TestDatabase;
  let stores: Stores | undefined;
  let app: ServerApp | undefined;
  skipWhenUnavailable(backend);
  beforeEach(async () => {
    db = await backend.createDatabase();
    // The CLI migrates the database on its own first; the app opens it when a test signs in.
    stores = undefined;
    app = undefined;
  });
  afterEach(async () => {
    await db?.cleanup();
  });
  const openApp = async (): Promise<ServerApp> => {
    stores ??= await db.open();
    app ??= createApp({ stores, communeCode: COMMUNE_CODE });
    return app;
  };
  const signIn = async (username: string, password: string) => {
    const res = await postJson(await openApp(), '/api/v1/auth/login', { username, password });
    return {
      status: res.status,
      body: (await res.json()) as { staff?: { role: string; mustChangePassword: boolean; displayName: string } },
    };
  };

  it(
    'adds an account with a piped password, another with a generated one, then disables and resets them',
    { timeout: 120_000 },
    async () => {
      stores = undefined as unknown as Stores;
      app = undefined as unknown as ServerApp;
      const added = await staffCli(db.env, ['add', 'Lan.Tran', '--role', 'admin', '--name', 'Trần Thị Lan'], 'mật khẩu thật dài 2026\n');
      expect(added).toMatchObject({ code: 0 });
      expect(added.stdout).toContain('Created the admin account "lan.tran" (Trần Thị Lan).');
      expect(added.stdout).not.toContain('mật khẩu');

      const officer = await staffCli(db.env, ['add', 'hoa', '--role', 'officer', '--name', 'Lê Thị Hoa', '--village', 'thon-3']);
      expect(officer.code).toBe(0);
      const generated = GENERATED.exec(officer.stdout)?.[0];
      expect(generated).toBeDefined();

      // Both sign in through the app on the same database; each must change the password first.
      expect(await signIn('lan.tran', 'mật khẩu thật dài 2026')).toMatchObject({
        status: 200,
        body: { staff: { role: 'admin', displayName: 'Trần Thị Lan', mustChangePassword: true } },
      });
      expect(await signIn('hoa', generated!)).toMatchObject({
        status: 200,
        body: { staff: { role: 'officer', mustChangePassword: true } },
      });
      const [row] = await db.rows('SELECT village_id, password_hash FROM staff WHERE username = ?', 'hoa');
      expect(row?.village_id).toBe('thon-3');
      expect(String(row?.password_hash)).toMatch(/^scrypt\$131072\$8\$1\$/);

      // Refusals: a taken username, a weak password, the last admin, an unknown account, bad usage.
      expect(await staffCli(db.env, ['add', 'hoa', '--role', 'leader'])).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('exists'),
      });
      expect(await staffCli(db.env, ['add', 'nam', '--role', 'leader'], '123456789\n')).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('too short'),
      });
      expect(await staffCli(db.env, ['add', 'nam', '--role', 'mayor'])).toMatchObject({ code: 1 });
      expect(await staffCli(db.env, ['disable', 'lan.tran'])).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('last active admin'),
      });
      expect(await staffCli(db.env, ['reset', 'nobody'])).toMatchObject({ code: 1, stderr: expect.stringContaining('no account') });
      expect(await staffCli(db.env, ['promote', 'hoa'])).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage') });
      expect(await staffCli(db.env, ['add', 'nam'])).toMatchObject({ code: 2 });

      const reset = await staffCli(db.env, ['reset', 'hoa']);
      expect(reset.code).toBe(0);
      const fresh = GENERATED.exec(reset.stdout)?.[0];
      expect(fresh).toBeDefined();
      expect(fresh).not.toBe(generated);
      expect((await signIn('hoa', generated!)).status).toBe(401);
      expect((await signIn('hoa', fresh!)).status).toBe(200);

      expect(await staffCli(db.env, ['disable', 'hoa'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Disabled "hoa"') });
      expect((await signIn('hoa', fresh!)).status).toBe(401);

      // Audited as the system; no password in the log or the database.
      const audit = await db.rows("SELECT actor_kind, action FROM audit_log WHERE action LIKE 'account.%' ORDER BY seq");
      expect(audit).toEqual([
        { actor_kind: 'system', action: 'account.created' },
        { actor_kind: 'system', action: 'account.created' },
        { actor_kind: 'system', action: 'account.password-reset' },
        { actor_kind: 'system', action: 'account.disabled' },
      ]);
      const everything = JSON.stringify([await db.rows('SELECT * FROM staff'), await db.rows('SELECT * FROM audit_log')]);
      for (const secret of ['mật khẩu thật dài 2026', generated!, fresh!]) expect(everything).not.toContain(secret);
    },
  );
});
