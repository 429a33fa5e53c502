/** Runs the real entry point as a child process, as `npm start` would, and talks HTTP to it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from './fixtures';

const ROOT = resolve(import.meta.dirname, '..', '..');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function startMain(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
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

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolvePromise) => child.once('exit', (code) => resolvePromise(code)));
}

describe('src/server/main.ts', () => {
  it('creates the data dir, serves /api/v1/health over HTTP and exits cleanly on SIGTERM', { timeout: 30_000 }, async () => {
    const temp = await makeTempDir();
    cleanups.push(temp.cleanup);
    const dataDir = join(temp.dir, 'data');
    const child = startMain({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, STATIC_DIR: join(temp.dir, 'no-build') });

    const [line, url] = await waitForLine(child, /^Một Cửa Lưu Động listening on (http:\/\/127\.0\.0\.1:\d+) \(SQLite: (.+)\)$/);
    expect(line).toContain(join(dataDir, 'mot-cua.sqlite'));
    expect(existsSync(join(dataDir, 'mot-cua.sqlite'))).toBe(true);

    const res = await fetch(`${url}/api/v1/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, protocol: 1, store: 'sqlite' });

    const exited = exitOf(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
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
