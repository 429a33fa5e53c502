/** Runs the real entry point as a child process, as `npm start` would, and talks HTTP to it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_HEADER, deviceAuthorization, type DeviceCredential, type PushResponse, type PushResult } from '../../src/domain/protocol';
import { MIGRATIONS } from '../../src/server/db/migrations';
import { freePort } from './postgres-cluster';
import { makeBlob, makeSubmission, makeTempDir, pushRequest } from './fixtures';
import { STORE_BACKENDS, skipWhenUnavailable, type TestDatabase } from './stores';

const ROOT = resolve(import.meta.dirname, '..', '..');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function startMain(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    // SQLite unless the test says otherwise, whatever the developer's shell exports.
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return child;
}

/** Resolves with the first stdout line matching, or rejects if the process ends first. */
function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolvePromise, reject) => {
    const lines = createInterface({ input: child.stdout! });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    lines.on('line', (line) => {
      const match = pattern.exec(line);
      if (match) resolvePromise(match);
    });
    child.once('exit', (code) => reject(new Error(`main.ts exited with ${code} before listening: ${stderr}`)));
  });
}

/** Registers a resident phone with a running server over HTTP; the Authorization header for it. */
async function registerOver(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/devices/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ protocol: 2 }),
  });
  expect(res.status).toBe(201);
  const credential = (await res.json()) as DeviceCredential;
  return deviceAuthorization(credential.deviceId, credential.secret);
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolvePromise) => child.once('exit', (code) => resolvePromise(code)));
}

describe('src/server/main.ts', () => {
  it('creates the data dir, serves /api/v1/health and blobs over HTTP and exits cleanly on SIGTERM', { timeout: 30_000 }, async () => {
    const temp = await makeTempDir();
    cleanups.push(temp.cleanup);
    const dataDir = join(temp.dir, 'data');
    const child = startMain({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: join(temp.dir, 'no-build'),
      MAX_BLOB_BYTES: '2048',
    });

    const [line, url] = await waitForLine(child, /^Một Cửa Lưu Động listening on (http:\/\/127\.0\.0\.1:\d+) \(SQLite: (.+)\)$/);
    expect(line).toContain(join(dataDir, 'mot-cua.sqlite'));
    expect(existsSync(join(dataDir, 'mot-cua.sqlite'))).toBe(true);
    // Residents' data: only the server's own user may read the directory and the file.
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, 'mot-cua.sqlite')).mode & 0o777).toBe(0o600);

    const res = await fetch(`${url}/api/v1/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, protocol: 2, store: 'sqlite' });

    // Blobs over real HTTP: HEAD keeps its Content-Length, and MAX_BLOB_BYTES is honoured.
    const authorization = await registerOver(url!);
    const blob = makeBlob(1, 2048);
    const put = (bytes: Uint8Array<ArrayBuffer>, sha256: string) =>
      fetch(`${url}/api/v1/blobs/${sha256}`, { method: 'PUT', headers: { 'content-type': 'image/jpeg', authorization }, body: bytes });
    expect((await fetch(`${url}/api/v1/blobs/${blob.sha256}`, { method: 'HEAD', headers: { authorization } })).status).toBe(404);
    expect((await put(blob.bytes, blob.sha256)).status).toBe(201);
    const head = await fetch(`${url}/api/v1/blobs/${blob.sha256}`, { method: 'HEAD', headers: { authorization } });
    expect([head.status, head.headers.get('content-length')]).toEqual([200, '2048']);
    const big = makeBlob(2, 2049);
    expect((await put(big.bytes, big.sha256)).status).toBe(413);

    const exited = exitOf(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('logs an aborted upload as one quiet line, stores nothing, and never logs personal data or secrets', { timeout: 30_000 }, async () => {
    const temp = await makeTempDir();
    cleanups.push(temp.cleanup);
    const child = startMain({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(temp.dir, 'data'), STATIC_DIR: join(temp.dir, 'no-build') });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [, url] = await waitForLine(child, /^Một Cửa Lưu Động listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const authorization = await registerOver(url!);
    const secret = authorization.split('.').pop()!;

    // A dossier stored, one refused, a failed login whose "username" is someone's password.
    const good = makeSubmission();
    const bad = makeSubmission({}, { phone: '0212345678', fullName: 'Trần Văn Bí Mật' });
    const pushed = await fetch(`${url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization, [PROTOCOL_HEADER]: '2' },
      body: JSON.stringify(pushRequest([good, bad])),
    });
    expect(((await pushed.json()) as PushResponse).results.map((r: PushResult) => r.outcome)).toEqual(['stored', 'invalid']);
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'matkhau-Hoa1990!', password: 'sai mat khau roi' }),
    });
    expect(login.status).toBe(401);

    // A phone losing coverage mid-photo: headers promise 4096 bytes, 100 arrive, the socket dies.
    const blob = makeBlob(7, 4096);
    const { port } = new URL(url!);
    await new Promise<void>((done, fail) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          `PUT /api/v1/blobs/${blob.sha256} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: image/jpeg\r\n` +
            `Authorization: ${authorization}\r\n${PROTOCOL_HEADER}: 2\r\nContent-Length: 4096\r\n\r\n`,
        );
        socket.write(blob.bytes.subarray(0, 100), () => setTimeout(() => socket.destroy(), 200));
      });
      socket.on('close', () => done());
      socket.on('error', fail);
    });
    await expect.poll(() => output, { timeout: 10_000 }).toContain('aborted by the client');
    const head = await fetch(`${url}/api/v1/blobs/${blob.sha256}`, { method: 'HEAD', headers: { authorization, [PROTOCOL_HEADER]: '2' } });
    expect(head.status).toBe(404);

    const exited = exitOf(child);
    child.kill('SIGTERM');
    await exited;
    const aborted = output.split('\n').filter((l) => l.includes('aborted'));
    expect(aborted).toHaveLength(1);
    expect(output).not.toMatch(/^\s+at /m); // no stack trace
    for (const personal of ['Nguyễn Thị Hoa', 'Bí Mật', '038190012345', '0912345678', '0212345678', 'Hoằng Hóa']) {
      expect(output).not.toContain(personal);
    }
    for (const secretText of [secret, 'matkhau-Hoa1990!', 'sai mat khau roi', blob.sha256, good.id])
      expect(output).not.toContain(secretText);
  });

  it('answers a body too large with 413 and closes the connection instead of reading on', { timeout: 30_000 }, async () => {
    const temp = await makeTempDir();
    cleanups.push(temp.cleanup);
    const child = startMain({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(temp.dir, 'data'), STATIC_DIR: join(temp.dir, 'no-build') });
    const [, url] = await waitForLine(child, /^Một Cửa Lưu Động listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const authorization = await registerOver(url!);
    const { port } = new URL(url!);
    // Keep-alive asked for, 64 MiB promised, only the first bytes sent: the server must answer
    // at once and hang up rather than wait for (or drain) the rest.
    const blob = makeBlob(9, 4096);
    const { answer, closed } = await new Promise<{ answer: string; closed: boolean }>((done, fail) => {
      let answer = '';
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          `PUT /api/v1/blobs/${blob.sha256} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\nContent-Type: image/jpeg\r\n` +
            `Authorization: ${authorization}\r\n${PROTOCOL_HEADER}: 2\r\nContent-Length: ${64 * 1024 * 1024}\r\n\r\n`,
        );
        socket.write(blob.bytes.subarray(0, 1024));
      });
      socket.setEncoding('latin1');
      socket.on('data', (chunk: string) => (answer += chunk));
      socket.on('close', () => done({ answer, closed: true }));
      socket.on('error', () => done({ answer, closed: true }));
      setTimeout(() => {
        socket.destroy();
        fail(new Error(`the server kept the connection open; it answered: ${answer.slice(0, 200)}`));
      }, 15_000);
    });
    expect(closed).toBe(true);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.toLowerCase()).toContain('connection: close');
    expect(answer).toContain('"error":"body-too-large"');
    const head = await fetch(`${url}/api/v1/blobs/${blob.sha256}`, { method: 'HEAD', headers: { authorization, [PROTOCOL_HEADER]: '2' } });
    expect(head.status).toBe(404);
    const exited = exitOf(child);
    child.kill('SIGTERM');
    await exited;
  });

  it('refuses to start with a bad setting, naming it', { timeout: 30_000 }, async () => {
    const temp = await makeTempDir();
    cleanups.push(temp.cleanup);
    const child = startMain({ PORT: '0', DATA_DIR: join(temp.dir, 'data'), COMMUNE_CODE: 'abc' });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exitOf(child)).toBe(1);
    expect(stderr).toContain('COMMUNE_CODE');
    expect(existsSync(join(temp.dir, 'data'))).toBe(false);
  });
});

describe('src/server/main.ts with PostgreSQL', () => {
  it('refuses to start when the database is unreachable, saying where, without the password', { timeout: 30_000 }, async () => {
    const port = await freePort();
    const child = startMain({ PORT: '0', DATABASE_URL: `postgres://mcld:hunter2@127.0.0.1:${port}/motcua` });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exitOf(child)).toBe(1);
    expect(stderr).toContain(`Cannot open the PostgreSQL database at postgres://mcld:***@127.0.0.1:${port}/motcua`);
    expect(stderr).toContain('ECONNREFUSED');
    expect(stderr).not.toContain('hunter2');
  });
});

describe.each(STORE_BACKENDS)('two server processes on one $kind database', (backend) => {
  let db: TestDatabase;
  skipWhenUnavailable(backend);
  beforeEach(async () => {
    db = await backend.createDatabase();
  });
  afterEach(async () => {
    await db?.cleanup();
  });

  it('behave as one: the same pushes to both store each dossier once, with one code', { timeout: 60_000 }, async () => {
    const temp = await makeTempDir();
    cleanups.push(temp.cleanup);
    // Both start at once on an empty database, so both try to migrate it at once too.
    // One resident phone sends far more than a day's allowance here: lift it.
    const env = { PORT: '0', HOST: '127.0.0.1', STATIC_DIR: join(temp.dir, 'no-build'), RESIDENT_DAILY_DOSSIERS: '100000', ...db.env };
    const children = [0, 1].map(() => startMain(env));
    const listening = /^Một Cửa Lưu Động listening on (http:\/\/127\.0\.0\.1:\d+) \((SQLite|PostgreSQL): (.+)\)$/;
    const urls = (await Promise.all(children.map((child) => waitForLine(child, listening)))).map((match) => match[1]!);
    for (const url of urls) {
      const health = await fetch(`${url}/api/v1/health`);
      expect(await health.json()).toEqual({ ok: true, protocol: 2, store: backend.kind });
    }
    // One phone, registered with the first process: the second knows it (one database).
    const authorization = await registerOver(urls[0]!);

    const pushed: string[] = [];
    for (let round = 0; round < 3; round++) {
      const items = Array.from({ length: 20 }, () => makeSubmission());
      pushed.push(...items.map((item) => item.id));
      // Two pushes to each process, the batches in different orders, all in flight together.
      const requests = [0, 1, 2, 3].map((k) => {
        const body = JSON.stringify(pushRequest(k % 2 === 0 ? items : [...items].reverse()));
        return fetch(`${urls[k % 2]}/api/v1/sync/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body,
        });
      });
      const responses = await Promise.all(requests);
      expect(responses.map((res) => res.status)).toEqual([200, 200, 200, 200]);
      const answers = await Promise.all(responses.map(async (res) => ((await res.json()) as PushResponse).results));
      for (const item of items) {
        const forItem = answers.map((results) => results.find((r) => r.id === item.id)) as (PushResult & { dossierCode: string })[];
        expect(forItem.map((r) => r.outcome).sort()).toEqual(['duplicate', 'duplicate', 'duplicate', 'stored']);
        expect(new Set(forItem.map((r) => r.dossierCode)).size).toBe(1);
      }
    }
    const rows = await db.rows('SELECT id FROM dossiers ORDER BY id');
    expect(rows.map((row) => row.id)).toEqual(pushed.sort());
    expect(await db.rows('SELECT seq FROM status_changes')).toHaveLength(pushed.length);
    expect(await db.rows('SELECT version FROM schema_migrations')).toHaveLength(MIGRATIONS.length);

    const exits = children.map(exitOf);
    for (const child of children) child.kill('SIGTERM');
    expect(await Promise.all(exits)).toEqual([0, 0]);
  });
});
