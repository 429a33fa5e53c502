/**
 * Server ingest rate: pushes of 50 valid CT01 dossiers through the full HTTP handler
 * (`createApp(...).request`: guards, device credential, rate limits, body limit, JSON,
 * validation, idempotent store) against a plain multi-row INSERT of the same rows in one
 * transaction, on SQLite and on PostgreSQL. The ratio app/raw says what the server's own work
 * costs on top of the database. What authentication costs is measured beside it: the same pushes
 * through the push handler alone, mounted without guards or credential check ("bare", the
 * server before protocol 2), through the full app with an enrolled staff phone's credential
 * ("auth"), and with a resident phone's (its daily allowance counted on every push, lifted high
 * so all are stored: "resident"). Prints figures and never fails on timing
 * (`npx tsx tests/bench/ingest.ts`; `runIngestBench()` for `npm run bench`).
 *
 * PostgreSQL: BENCH_DATABASE_URL or TEST_DATABASE_URL (a role that may CREATE DATABASE), else a
 * throwaway cluster with durable commits (fsync on), like SQLite's synchronous=FULL here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { Hono } from 'hono';
import { PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION, type PushResponse, type Submission } from '../../src/domain/protocol';
import { createApp } from '../../src/server/http/app';
import type { AppEnv } from '../../src/server/http/app-env';
import { DEFAULT_MAX_BODY_BYTES } from '../../src/server/http/read-body';
import { pushRoute } from '../../src/server/sync/push-route';
import { contentHashOf } from '../../src/server/sync/content-hash';
import { makeDossierCode } from '../../src/domain/dossier-code';
import { randomDossierSuffix } from '../../src/server/dossiers/dossier-code';
import { openPostgresStores, openSqliteStores, type Stores } from '../../src/server/stores';
import type { StoreKind } from '../../src/server/db/store-kind';
import {
  COMMUNE_CODE,
  DEVICE_ID,
  NOW,
  NO_RESIDENT_QUOTA,
  TEST_SCRYPT,
  enrolPhone,
  makeStaff,
  makeSubmission,
  pushRequest,
  registerDevice,
} from '../server/fixtures';
import { startThrowawayCluster, type ThrowawayCluster } from '../server/postgres-cluster';

export interface IngestOptions {
  /** Timed batches per measurement (default 40, or BENCH_INGEST_BATCHES). */
  batches?: number;
  log?: (line: string) => void;
}

export interface IngestFigures {
  store: StoreKind;
  dossiers: number;
  /** The full app with a staff phone's credential. */
  appPerSecond: number;
  rawPerSecond: number;
  /** appPerSecond / rawPerSecond. */
  ratio: number;
  /** The push handler alone, no guards and no credential check. */
  barePerSecond: number;
  /** The full app with a resident phone's credential (daily allowance counted). */
  residentPerSecond: number;
}

type AppMode = 'bare' | 'auth' | 'resident';

const BATCH_SIZE = 50;
const WARM_UP_BATCHES = 3;

/** The database operations each backend needs: a migrated store, and a raw batched insert. */
interface Target {
  kind: StoreKind;
  openStore(): Promise<Stores>;
  /** Opens a plain connection on a second, migrated database; returns the insert and a closer. */
  openRaw(): Promise<{ insert(rows: RawRow[]): Promise<void>; close(): Promise<void> }>;
  cleanup(): Promise<void>;
}

/** One dossier exactly as the store writes it: 11 dossier columns, its status change derived. */
type RawRow = [string, string, string, string, string, number, string, string, number, number, string];

/** Distinct codes: at thousands per day random ones collide now and then (the store redraws). */
function uniqueCodes(): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const code = makeDossierCode(COMMUNE_CODE, NOW, randomDossierSuffix());
      if (!used.has(code)) {
        used.add(code);
        return code;
      }
    }
  };
}

function rawRowsOf(batch: readonly Submission[], nextCode: () => string): RawRow[] {
  return batch.map((item) => [
    item.id,
    nextCode(),
    item.communeCode,
    DEVICE_ID,
    item.formId,
    item.formVersion,
    contentHashOf(item),
    JSON.stringify(item.answers),
    item.submittedAt,
    NOW,
    'received',
  ]);
}

const DOSSIER_INSERT =
  'INSERT INTO dossiers (id, dossier_code, commune_code, device_id, form_id, form_version, content_hash, answers_json, submitted_at, received_at, status) VALUES ';
const CHANGE_INSERT = 'INSERT INTO status_changes (dossier_id, commune_code, device_id, status, note, changed_at) VALUES ';

function placeholders(rows: number, columns: number, numbered: boolean): string {
  let n = 0;
  const one = (): string => `(${Array.from({ length: columns }, () => (numbered ? `$${++n}` : '?')).join(', ')})`;
  return Array.from({ length: rows }, one).join(', ');
}

function changeParams(rows: readonly RawRow[]): unknown[] {
  return rows.flatMap((r) => [r[0], r[2], r[3], 'received', null, r[9]]);
}

function sqliteTarget(): Target {
  const dir = mkdtempSync(join(tmpdir(), 'mcld-bench-'));
  return {
    kind: 'sqlite',
    openStore: async () => openSqliteStores(join(dir, 'app.sqlite')),
    openRaw: async () => {
      const path = join(dir, 'raw.sqlite');
      await openSqliteStores(path).close();
      // The same durability the store uses: WAL, synchronous=FULL.
      const db = new Database(path);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      const insertDossiers = db.prepare(DOSSIER_INSERT + placeholders(BATCH_SIZE, 11, false));
      const insertChanges = db.prepare(CHANGE_INSERT + placeholders(BATCH_SIZE, 6, false));
      const write = db.transaction((rows: RawRow[]) => {
        insertDossiers.run(...rows.flat());
        insertChanges.run(...changeParams(rows));
      });
      return {
        insert: async (rows) => write.immediate(rows),
        close: async () => {
          db.close();
        },
      };
    },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresTarget(): Promise<{ target: Target } | { skipped: string }> {
  let cluster: ThrowawayCluster | undefined;
  let serverUrl = (process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? '').trim();
  if (serverUrl === '') {
    try {
      cluster = await startThrowawayCluster({ durable: true });
      serverUrl = cluster.url;
    } catch (error) {
      return { skipped: (error as Error).message.split('\n')[0] ?? 'cannot start PostgreSQL' };
    }
  }
  const suffix = `${process.pid}_${Date.now()}`;
  const names = [`mcld_bench_app_${suffix}`, `mcld_bench_raw_${suffix}`];
  const urlOf = (name: string): string => {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const admin = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  for (const name of names) await admin(`CREATE DATABASE ${name}`);
  return {
    target: {
      kind: 'postgres',
      openStore: () => openPostgresStores(urlOf(names[0]!)),
      openRaw: async () => {
        await (await openPostgresStores(urlOf(names[1]!))).close();
        const client = new pg.Client({ connectionString: urlOf(names[1]!) });
        await client.connect();
        const dossierSql = DOSSIER_INSERT + placeholders(BATCH_SIZE, 11, true);
        const changeSql = CHANGE_INSERT + placeholders(BATCH_SIZE, 6, true);
        return {
          insert: async (rows) => {
            await client.query('BEGIN');
            await client.query(dossierSql, rows.flat());
            await client.query(changeSql, changeParams(rows));
            await client.query('COMMIT');
          },
          close: () => client.end(),
        };
      },
      cleanup: async () => {
        for (const name of names) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
        await cluster?.stop();
      },
    },
  };
}

/**
 * A request sender for one mode: the push handler alone with the device set by hand (bare), or
 * the whole app with a real credential in the Authorization header.
 */
async function senderFor(mode: AppMode, stores: Stores, residentPhones = 1): Promise<(body: string) => Promise<Response>> {
  const deps = { sync: stores.sync, communeCode: COMMUNE_CODE, now: () => NOW, maxBodyBytes: DEFAULT_MAX_BODY_BYTES };
  if (mode === 'bare') {
    const bare = new Hono<AppEnv>();
    const device = { id: DEVICE_ID, communeCode: COMMUNE_CODE, kind: 'staff' as const, createdAt: NOW, lastSeenAt: NOW };
    bare.post(
      '/api/v1/sync/push',
      (c, next) => (c.set('device', device), next()),
      pushRoute({ ...deps, residentQuota: NO_RESIDENT_QUOTA }),
    );
    return async (body) => bare.request('/api/v1/sync/push', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  }
  // A resident phone may store one batch a day here (the default is 10 dossiers): each resident
  // push comes from a phone of its own, registered before the timing, as a village's phones would.
  const app = createApp({
    stores,
    communeCode: COMMUNE_CODE,
    now: () => NOW,
    passwordParams: TEST_SCRYPT,
    residentQuota: { dossiersPerDay: BATCH_SIZE, photoBytesPerDay: 50 * 1024 * 1024 },
    // One phone sends every batch as fast as it can: the per-device rate limit would stop it.
    rateLimits: {
      pushPerDevice: { limit: 1e9, windowMs: 1 },
      pushPerIp: { limit: 1e9, windowMs: 1 },
      registerPerIp: { limit: 1e9, windowMs: 1 },
    },
  });
  const phones =
    mode === 'resident'
      ? await Promise.all(Array.from({ length: residentPhones }, () => registerDevice(app)))
      : [await enrolPhone(app, await makeStaff({ app, stores }, 'officer'), await makeStaff({ app, stores }, 'outreach'))];
  let next = 0;
  return async (body) => {
    const phone = phones[next++ % phones.length]!;
    const headers = { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION), ...phone.headers };
    return app.request('/api/v1/sync/push', { method: 'POST', headers, body });
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The three modes on ONE store, interleaved batch by batch (bare, auth, resident, bare, …), so
 * the database's growth and the machine's other load fall on each mode alike; answers
 * dossiers per second of each mode's median push.
 */
async function timeAppIngest(target: Target, batches: Submission[][]): Promise<Record<AppMode, number>> {
  const stores = await target.openStore();
  try {
    const modes = ['bare', 'auth', 'resident'] as const;
    const senders = {
      bare: await senderFor('bare', stores),
      auth: await senderFor('auth', stores),
      resident: await senderFor('resident', stores, Math.ceil(batches.length / modes.length)),
    };
    const bodies = batches.map((batch) => JSON.stringify(pushRequest(batch)));
    const push = async (mode: AppMode, body: string): Promise<bigint> => {
      const start = process.hrtime.bigint();
      const res = await senders[mode](body);
      const results = ((await res.json()) as PushResponse).results;
      const took = process.hrtime.bigint() - start;
      // Correctness, not timing: a figure for pushes that were refused would mean nothing.
      if (res.status !== 200 || results.some((r) => r.outcome !== 'stored')) throw new Error(`${mode} push not stored: ${res.status}`);
      return took;
    };
    const times: Record<AppMode, number[]> = { bare: [], auth: [], resident: [] };
    for (const [i, body] of bodies.entries()) {
      const mode = modes[i % modes.length]!;
      const took = await push(mode, body);
      if (i >= WARM_UP_BATCHES * modes.length) times[mode].push(Number(took) / 1e9);
    }
    // The median push, not the total: on a shared machine a few pushes meet another process's disk sync.
    const rate = (mode: AppMode): number => BATCH_SIZE / median(times[mode]);
    return { bare: rate('bare'), auth: rate('auth'), resident: rate('resident') };
  } finally {
    await stores.close();
  }
}

async function timeRawIngest(target: Target, batches: Submission[][]): Promise<number> {
  const raw = await target.openRaw();
  try {
    const nextCode = uniqueCodes();
    const rows = batches.map((batch) => rawRowsOf(batch, nextCode));
    for (const batch of rows.slice(0, WARM_UP_BATCHES)) await raw.insert(batch);
    const timed = rows.slice(WARM_UP_BATCHES);
    const start = process.hrtime.bigint();
    for (const batch of timed) await raw.insert(batch);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return (timed.length * BATCH_SIZE) / seconds;
  } finally {
    await raw.close();
  }
}

async function measure(target: Target, batches: number): Promise<IngestFigures> {
  const make = (n: number): Submission[][] => Array.from({ length: n }, () => Array.from({ length: BATCH_SIZE }, () => makeSubmission()));
  const app = await timeAppIngest(target, make(3 * (batches + WARM_UP_BATCHES)));
  const rawPerSecond = await timeRawIngest(target, make(batches + WARM_UP_BATCHES));
  return {
    store: target.kind,
    dossiers: batches * BATCH_SIZE,
    appPerSecond: app.auth,
    rawPerSecond,
    ratio: app.auth / rawPerSecond,
    barePerSecond: app.bare,
    residentPerSecond: app.resident,
  };
}

function formatRow(f: IngestFigures): string {
  const rate = (n: number): string => `${Math.round(n).toLocaleString('en-US')} dossiers/s`;
  const cost = (n: number): string => `${((1 - n / f.barePerSecond) * 100).toFixed(1)} %`;
  return [
    `  ${f.store.padEnd(9)} app ${rate(f.appPerSecond).padStart(18)}   raw ${rate(f.rawPerSecond).padStart(18)}   app/raw ${f.ratio.toFixed(2)}`,
    `  ${''.padEnd(9)} bare ${rate(f.barePerSecond)}, auth ${rate(f.appPerSecond)} (costs ${cost(f.appPerSecond)}), resident ${rate(f.residentPerSecond)} (costs ${cost(f.residentPerSecond)})`,
  ].join('\n');
}

/** Runs both measurements and prints them; returns the figures for a caller that aggregates. */
export async function runIngestBench(options: IngestOptions = {}): Promise<IngestFigures[]> {
  const log = options.log ?? console.log;
  const batches = options.batches ?? (Number(process.env.BENCH_INGEST_BATCHES) || 40);
  log(
    `Ingest: ${batches} timed pushes per mode of ${BATCH_SIZE} valid CT01 dossiers each, one after another (after ${WARM_UP_BATCHES} warm-up)`,
  );
  log(
    '  app = createApp(...).request with a staff phone credential (guards, auth, validation, idempotent store); raw = multi-row INSERT of the same rows, one transaction',
  );
  log(
    '  bare = the push handler alone (no guards, no credential); auth = app; resident = app, each push from a new resident phone (allowance counted); interleaved batch by batch on one store',
  );
  const figures: IngestFigures[] = [];
  const sqlite = sqliteTarget();
  try {
    figures.push(await measure(sqlite, batches));
    log(formatRow(figures[figures.length - 1]!));
  } finally {
    await sqlite.cleanup();
  }
  const postgres = await postgresTarget();
  if ('skipped' in postgres) {
    log(`  postgres  skipped: ${postgres.skipped}`);
  } else {
    try {
      figures.push(await measure(postgres.target, batches));
      log(formatRow(figures[figures.length - 1]!));
    } finally {
      await postgres.target.cleanup();
    }
  }
  return figures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runIngestBench();
}
