import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, contentHashOf } from '../../src/server/content-hash';
import { makeDossierCode } from '../../src/server/dossier-code';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrationSql } from '../../src/server/migrations';
import { openSqliteStore } from '../../src/server/sqlite-store';
import type { AcceptedSubmission } from '../../src/server/store';
import { COMMUNE_CODE, DEVICE_ID, NOW, makeSubmission, makeTempDir } from './fixtures';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  temp = await makeTempDir();
});
afterEach(async () => {
  await temp.cleanup();
});

/** Fixture submissions are already valid and normalised, so they stand for accepted ones. */
const accepted = (overrides: Partial<AcceptedSubmission> = {}): AcceptedSubmission => ({ ...makeSubmission(), ...overrides });

function inspect<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

describe('openSqliteStore', () => {
  it('creates its data directory and file on first start, in WAL mode', async () => {
    const path = join(temp.dir, 'not', 'yet', 'there', 'mot-cua.sqlite');
    expect(existsSync(join(temp.dir, 'not'))).toBe(false);
    const store = openSqliteStore(path);
    await store.close();
    expect(existsSync(path)).toBe(true);
    expect(inspect(path, (db) => db.pragma('journal_mode', { simple: true }))).toBe('wal');
  });

  it('records each migration once, across reopens', async () => {
    const path = join(temp.dir, 'db.sqlite');
    await openSqliteStore(path).close();
    await openSqliteStore(path).close();
    const versions = inspect(path, (db) => db.prepare('SELECT version FROM schema_migrations').all());
    expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
  });

  it('puts the commune code on every table', async () => {
    const path = join(temp.dir, 'db.sqlite');
    await openSqliteStore(path).close();
    const columns = inspect(path, (db) =>
      ['dossiers', 'status_changes'].map((table) => (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name)),
    );
    for (const names of columns) expect(names).toContain('commune_code');
  });

  it('refuses a database written by a newer server', async () => {
    const path = join(temp.dir, 'db.sqlite');
    await openSqliteStore(path).close();
    const db = new Database(path);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(LATEST_SCHEMA_VERSION + 1, 'future', NOW);
    db.close();
    expect(() => openSqliteStore(path)).toThrow(/newer than this server/);
  });

  it('keeps dossiers, their codes and their answers across close and reopen', async () => {
    const path = join(temp.dir, 'db.sqlite');
    const item = accepted();
    const first = openSqliteStore(path);
    const [stored] = await first.pushBatch(DEVICE_ID, [item], NOW);
    await first.close();

    const reopened = openSqliteStore(path);
    try {
      expect(await reopened.countDossiers()).toBe(1);
      expect(await reopened.getDossier(item.id)).toMatchObject({ answers: item.answers, deviceId: DEVICE_ID, status: 'received' });
      const [again] = await reopened.pushBatch(DEVICE_ID, [item], NOW + 1000);
      expect(again).toEqual({ ...stored, outcome: 'duplicate' });
      expect((await reopened.pullChanges(DEVICE_ID, 0, 10)).changes).toHaveLength(1);
    } finally {
      await reopened.close();
    }
  });

  it('draws another code when a random code collides', async () => {
    const suffixes = ['AAAAAA', 'AAAAAA', 'BBBBBB'];
    const store = openSqliteStore(join(temp.dir, 'db.sqlite'), { codeSuffix: () => suffixes.shift() ?? 'CCCCCC' });
    try {
      const results = await store.pushBatch(DEVICE_ID, [accepted(), accepted()], NOW);
      expect(results.map((r) => r.outcome)).toEqual(['stored', 'stored']);
      expect(results.map((r) => ('dossierCode' in r ? r.dossierCode : ''))).toEqual([
        `${COMMUNE_CODE}-250714-AAAAAA`,
        `${COMMUNE_CODE}-250714-BBBBBB`,
      ]);
    } finally {
      await store.close();
    }
  });

  it('stores nothing of a batch that fails part-way (one transaction)', async () => {
    let calls = 0;
    const store = openSqliteStore(join(temp.dir, 'db.sqlite'), {
      codeSuffix: () => {
        calls += 1;
        if (calls === 2) throw new Error('disk on fire');
        return `AAAAA${calls}`;
      },
    });
    try {
      await expect(store.pushBatch(DEVICE_ID, [accepted(), accepted()], NOW)).rejects.toThrow('disk on fire');
      expect(await store.countDossiers()).toBe(0);
      expect((await store.pullChanges(DEVICE_ID, 0, 10)).changes).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('pages pull results by limit with a cursor that moves forward', async () => {
    const store = openSqliteStore(join(temp.dir, 'db.sqlite'));
    try {
      await store.pushBatch(DEVICE_ID, [accepted(), accepted(), accepted()], NOW);
      const first = await store.pullChanges(DEVICE_ID, 0, 2);
      const second = await store.pullChanges(DEVICE_ID, first.cursor, 2);
      expect(first.changes).toHaveLength(2);
      expect(second.changes).toHaveLength(1);
      expect(second.cursor).toBeGreaterThan(first.cursor);
    } finally {
      await store.close();
    }
  });
});

describe('migrations', () => {
  it('leave no dialect token unfilled and use the right sequence column for each dialect', () => {
    for (const migration of MIGRATIONS) {
      const sqlite = migrationSql(migration, 'sqlite');
      const postgres = migrationSql(migration, 'postgres');
      expect(sqlite).not.toMatch(/\{\{/);
      expect(postgres).not.toMatch(/\{\{/);
      expect(postgres).not.toMatch(/AUTOINCREMENT/i);
    }
    expect(migrationSql(MIGRATIONS[0]!, 'postgres')).toContain('GENERATED ALWAYS AS IDENTITY');
  });
});

describe('dossier codes and content hashes', () => {
  it('date the code by the calendar day in Vietnam', () => {
    expect(makeDossierCode('15865', Date.UTC(2025, 6, 14, 16, 59), 'K7Q2MX')).toBe('15865-250714-K7Q2MX');
    expect(makeDossierCode('15865', Date.UTC(2025, 6, 14, 17, 0), 'K7Q2MX')).toBe('15865-250715-K7Q2MX');
  });

  it('hash content regardless of key order, and ignore submittedAt', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"y":2,"z":1}]},"b":1}');
    const item = accepted();
    const reordered = { ...item, submittedAt: 1, answers: Object.fromEntries(Object.entries(item.answers).reverse()) };
    expect(contentHashOf(reordered)).toBe(contentHashOf(item));
    expect(contentHashOf({ ...item, answers: { ...item.answers, reason: 'Đi học' } })).not.toBe(contentHashOf(item));
    expect(contentHashOf({ ...item, communeCode: '00001' })).not.toBe(contentHashOf(item));
  });
});
