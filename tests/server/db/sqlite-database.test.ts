/** What only the embedded adapter does; the contracts shared with PostgreSQL are the *.contract.test.ts files. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStores } from '../../../src/server/stores';
import { makeTempDir } from '../fixtures';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  temp = await makeTempDir();
});
afterEach(async () => {
  await temp.cleanup();
});

describe('openSqliteStores', () => {
  it('creates its data directory and file on first start, in WAL mode', async () => {
    const path = join(temp.dir, 'not', 'yet', 'there', 'mot-cua.sqlite');
    expect(existsSync(join(temp.dir, 'not'))).toBe(false);
    const store = openSqliteStores(path);
    await store.close();
    expect(existsSync(path)).toBe(true);
    const db = new Database(path, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('lets several processes open the same new file at the same moment', { timeout: 60_000 }, async () => {
    const ROOT = resolve(import.meta.dirname, '..', '..', '..');
    const children: { child: ChildProcess; lines: Interface; next: () => Promise<string> }[] = [];
    try {
      for (let i = 0; i < 4; i++) {
        const child = spawn(process.execPath, ['--import', 'tsx', 'tests/server/sqlite-open-child.ts'], {
          cwd: ROOT,
          stdio: ['pipe', 'pipe', 'inherit'],
        });
        const lines = createInterface({ input: child.stdout! });
        const queue: string[] = [];
        const waiting: ((line: string) => void)[] = [];
        lines.on('line', (line) => (waiting.length > 0 ? waiting.shift()!(line) : queue.push(line)));
        const next = (): Promise<string> => new Promise((done) => (queue.length > 0 ? done(queue.shift()!) : waiting.push(done)));
        children.push({ child, lines, next });
      }
      expect(await Promise.all(children.map((c) => c.next()))).toEqual(['ready', 'ready', 'ready', 'ready']);
      // Each round a new file; all four are told at once, so their opens overlap.
      for (let round = 0; round < 15; round++) {
        const path = join(temp.dir, `round-${round}.sqlite`);
        for (const c of children) c.child.stdin!.write(`${path}\n`);
        expect(await Promise.all(children.map((c) => c.next()))).toEqual(['ok', 'ok', 'ok', 'ok']);
      }
    } finally {
      for (const c of children) {
        c.lines.close();
        c.child.kill('SIGKILL');
      }
    }
  });
});
