/**
 * The leaders' campaign report at scale: 100,000 visits (a fifth of them edited, so 120,000
 * version rows) and 100,000 dossiers in 20 villages over a year, on SQLite and PostgreSQL, read
 * through the full HTTP handler as a signed-in leader. Prints p50/p95 of each report shape
 * (a month by week, a year by month, a year in total, the month's CSV); the issue's goal is
 * p95 ≤ 500 ms. Figures only, never pass/fail. `BENCH_REPORT_RUNS` (default 15) per shape;
 * `BENCH_DATABASE_URL` to use an existing PostgreSQL server instead of a throwaway cluster.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { DEFAULT_COMMUNE } from '../../src/content/commune';
import { monthOf, weekOf } from '../../src/domain/visit';
import { hashPassword } from '../../src/server/accounts/passwords';
import { createApp } from '../../src/server/http/app';
import { openPostgresStores, openSqliteStores, type Stores } from '../../src/server/stores';
import { startThrowawayCluster, type ThrowawayCluster } from '../server/postgres-cluster';

const VISITS = Number(process.env.BENCH_REPORT_VISITS ?? 100_000);
const DOSSIERS = Number(process.env.BENCH_REPORT_DOSSIERS ?? 100_000);
const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 15);
const VILLAGES = 20;
const COMMUNE = DEFAULT_COMMUNE.code;
const YEAR_START = Date.UTC(2025, 0, 1);
const SCRYPT = { N: 2 ** 10, r: 8, p: 1, saltBytes: 16, keyBytes: 32 };
const VNEID = ['already-active', 'helped-level1', 'helped-level2', 'police-appointment', 'not-possible'];

type Exec = (sql: string, params: unknown[]) => Promise<void>;

/** A deterministic pseudo-random sequence, so both stores get the same rows. */
function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function rowsSql(table: string, columns: string[], rows: number, numbered: boolean): string {
  let n = 0;
  const one = () => `(${columns.map(() => (numbered ? `$${++n}` : '?')).join(', ')})`;
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, one).join(', ')}`;
}

const VISIT_COLUMNS = [
  'id',
  'version',
  'commune_code',
  'village_id',
  'device_id',
  'staff_id',
  'household_key',
  'visited_on',
  'visited_week',
  'visited_month',
  'vneid',
  'app_installed',
  'dossier_count',
  'follow_up_on',
  'content_hash',
  'visit_json',
  'recorded_at',
  'received_at',
  'latest',
];
const DOSSIER_COLUMNS = [
  'id',
  'dossier_code',
  'commune_code',
  'device_id',
  'form_id',
  'form_version',
  'content_hash',
  'answers_json',
  'submitted_at',
  'received_at',
  'status',
  'village_id',
  'device_kind',
];

async function seed(stores: Stores, exec: Exec, numbered: boolean, begin: () => Promise<void>, commit: () => Promise<void>): Promise<void> {
  for (let v = 0; v < VILLAGES; v++) {
    await stores.campaign.putVillage(
      COMMUNE,
      { id: `thon-${v + 1}`, name: `Thôn ${v + 1}`, households: 600, targetHouseholds: 400 },
      YEAR_START,
    );
  }
  const random = rng(42);
  const BATCH = 400;
  let batch: unknown[][] = [];
  const flush = async (table: string, columns: string[]) => {
    if (batch.length === 0) return;
    await exec(rowsSql(table, columns, batch.length, numbered), batch.flat());
    batch = [];
  };
  await begin();
  for (let i = 0; i < VISITS; i++) {
    const village = `thon-${1 + Math.floor(random() * VILLAGES)}`;
    const day = new Date(YEAR_START + Math.floor(random() * 365) * 86_400_000).toISOString().slice(0, 10);
    const household = `${village}|ho ${Math.floor(random() * 600)}|xom ${Math.floor(random() * 10)}`;
    const edited = random() < 0.2;
    const versions = edited ? [1, 2] : [1];
    for (const version of versions) {
      batch.push([
        `visit-${i}`,
        version,
        COMMUNE,
        village,
        'device-1',
        'staff-1',
        household,
        day,
        weekOf(day),
        monthOf(day),
        VNEID[Math.floor(random() * VNEID.length)],
        random() < 0.5 ? 1 : 0,
        random() < 0.1 ? 1 : 0,
        null,
        `h${i}-${version}`,
        '{}',
        0,
        0,
        version === versions.length ? 1 : 0,
      ]);
      if (batch.length >= BATCH) await flush('visits', VISIT_COLUMNS);
    }
  }
  await flush('visits', VISIT_COLUMNS);
  for (let i = 0; i < DOSSIERS; i++) {
    const at = YEAR_START + Math.floor(random() * 365 * 86_400_000);
    const village = random() < 0.8 ? `thon-${1 + Math.floor(random() * VILLAGES)}` : null;
    batch.push([
      `dossier-${i}`,
      `15865-BENCH-${i}`,
      COMMUNE,
      'device-1',
      'tam-tru-ct01',
      1,
      `c${i}`,
      '{}',
      at,
      at,
      'received',
      village,
      'staff',
    ]);
    if (batch.length >= BATCH) await flush('dossiers', DOSSIER_COLUMNS);
  }
  await flush('dossiers', DOSSIER_COLUMNS);
  await commit();
}

const SHAPES: { name: string; path: string }[] = [
  { name: 'a month by week', path: '/api/v1/reports/campaign?from=2025-11-01&to=2025-11-30&by=week' },
  { name: 'a year by month', path: '/api/v1/reports/campaign?from=2025-01-01&to=2025-12-31&by=month' },
  { name: 'a year in total', path: '/api/v1/reports/campaign?from=2025-01-01&to=2025-12-31&by=total' },
  { name: 'a quarter by week', path: '/api/v1/reports/campaign?from=2025-10-01&to=2025-12-31&by=week' },
  { name: 'the month as CSV', path: '/api/v1/reports/campaign.csv?from=2025-11-01&to=2025-11-30&by=week' },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(kind: string, stores: Stores): Promise<void> {
  const app = createApp({ stores, communeCode: COMMUNE, passwordParams: SCRYPT, now: () => Date.UTC(2025, 11, 31, 3) });
  await stores.accounts.createStaff(
    {
      id: 'leader-1',
      communeCode: COMMUNE,
      username: 'lanh.dao',
      displayName: 'Lãnh đạo',
      role: 'leader',
      passwordHash: await hashPassword('mat khau lanh dao', SCRYPT),
      mustChangePassword: false,
    },
    Date.now(),
  );
  const login = await app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'lanh.dao', password: 'mat khau lanh dao' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  for (const shape of SHAPES) {
    const times: number[] = [];
    for (let run = 0; run < RUNS + 2; run++) {
      const start = performance.now();
      const res = await app.request(shape.path, { headers: { cookie } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${shape.path}: ${res.status}`);
      if (run >= 2) times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(
      `  ${kind.padEnd(8)} ${shape.name.padEnd(18)} p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`,
    );
  }
}

export async function runCampaignReportBench(): Promise<void> {
  console.log(
    `# Campaign report: ${VISITS} visits (+20 % edited versions), ${DOSSIERS} dossiers, ${VILLAGES} villages, ${RUNS} runs per shape`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'mcld-bench-report-'));
  try {
    const stores = openSqliteStores(join(dir, 'bench.sqlite'), { synchronous: 'NORMAL' });
    const raw = new (await import('better-sqlite3')).default(join(dir, 'bench.sqlite'));
    const started = performance.now();
    await seed(
      stores,
      async (sql, params) => void raw.prepare(sql).run(...params),
      false,
      async () => void raw.exec('BEGIN'),
      async () => void raw.exec('COMMIT'),
    );
    raw.exec('ANALYZE');
    raw.close();
    console.log(`  sqlite   seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await measure('sqlite', stores);
    await stores.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  let cluster: ThrowawayCluster | undefined;
  let url = (process.env.BENCH_DATABASE_URL ?? '').trim();
  if (url === '') {
    try {
      cluster = await startThrowawayCluster();
      url = cluster.url;
    } catch (error) {
      console.log(`  postgres skipped: ${(error as Error).message.split('\n')[0]}`);
      return;
    }
  }
  const name = `mcld_bench_report_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  try {
    const stores = await openPostgresStores(dbUrl.toString());
    const client = new pg.Client({ connectionString: dbUrl.toString() });
    await client.connect();
    const started = performance.now();
    await seed(
      stores,
      async (sql, params) => void (await client.query(sql, params)),
      true,
      async () => void (await client.query('BEGIN')),
      async () => void (await client.query('COMMIT')),
    );
    await client.query('ANALYZE');
    await client.end();
    console.log(`  postgres seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await measure('postgres', stores);
    await stores.close();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await cluster?.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runCampaignReportBench();
