/** What only the PostgreSQL adapter does; the contracts shared with SQLite are the *.contract.test.ts files. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/server/db/migrations';
import { openPostgresStores } from '../../../src/server/stores';
import { DEVICE_ID, NOW, SENDER, advance, makeAccepted } from '../fixtures';
import { freePort } from '../postgres-cluster';
import { STORE_BACKENDS, skipWhenUnavailable, type TestDatabase } from '../stores';

const POSTGRES = STORE_BACKENDS.find((backend) => backend.kind === 'postgres')!;

describe('openPostgresStores', () => {
  it('rejects with the connection error when the database is unreachable', async () => {
    const port = await freePort();
    await expect(openPostgresStores(`postgres://mcld@127.0.0.1:${port}/motcua`, { connectionTimeoutMs: 5000 })).rejects.toThrow(
      /ECONNREFUSED/,
    );
  });
});

describe('the postgres store', () => {
  let db: TestDatabase;
  skipWhenUnavailable(POSTGRES);
  beforeEach(async () => {
    db = await POSTGRES.createDatabase();
  });
  afterEach(async () => {
    await db?.cleanup();
  });

  it('is migrated exactly once when several servers open a fresh database at the same moment', async () => {
    const stores = await Promise.all(Array.from({ length: 6 }, () => db.open({ poolSize: 1 })));
    expect(stores.every((store) => store.kind === 'postgres')).toBe(true);
    expect(await db.rows('SELECT version FROM schema_migrations')).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    expect(await stores[5]!.dossiers.countDossiers()).toBe(0);
  });

  it('queues concurrent pushes on a pool of one connection instead of failing them', async () => {
    const store = await db.open({ poolSize: 1 });
    const batches = Array.from({ length: 6 }, () => [makeAccepted(), makeAccepted()]);
    const results = await Promise.all(batches.map((items) => store.sync.pushBatch(SENDER, items, NOW)));
    expect(results.flat().map((r) => r.outcome)).toEqual(Array.from({ length: 12 }, () => 'stored'));
    expect(await store.dossiers.countDossiers()).toBe(12);
  });

  it('gives seq, times and versions back as numbers although PostgreSQL keeps them as BIGINT', async () => {
    const store = await db.open();
    const item = makeAccepted();
    await store.sync.pushBatch(SENDER, [item], NOW);
    const change = await advance(store, item.id, 'receive', NOW + 5, 'Đang xử lý');
    expect(change).toMatchObject({ seq: expect.any(Number), changedAt: NOW + 5, note: 'Đang xử lý' });
    const { changes } = await store.sync.pullChanges(DEVICE_ID, 0, 10);
    expect(changes.map((c) => typeof c.seq)).toEqual(['number', 'number']);
    expect(await store.dossiers.getDossier(item.id)).toMatchObject({
      submittedAt: item.submittedAt,
      receivedAt: NOW,
      formVersion: 1,
      status: 'received',
    });
  });
});
