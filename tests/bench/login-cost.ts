/**
 * What a staff login costs on this machine: one scrypt hash at OWASP's parameters (N = 2^17,
 * r = 8, p = 1: 128 MiB, the Password Storage Cheat Sheet's first choice for scrypt), alone and
 * as POST /api/v1/auth/login through the whole app (throttle rows, session row, audit entry),
 * for a right password and for an unknown user (which pays a dummy hash, so it must cost the
 * same). Prints figures and never fails on timing (`npx tsx tests/bench/login-cost.ts`;
 * `runLoginBench()` for `npm run bench`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OWASP_SCRYPT, hashPassword, verifyPassword } from '../../src/server/accounts/passwords';
import { createApp } from '../../src/server/http/app';
import { openSqliteStores } from '../../src/server/stores';
import { COMMUNE_CODE, NOW, postJson } from '../server/fixtures';

export interface LoginFigures {
  hashMs: number;
  verifyMs: number;
  loginMs: number;
  wrongPasswordMs: number;
  unknownUserMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed(runs: number, run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

export async function runLoginBench(
  log: (line: string) => void = console.log,
  runs = Number(process.env.BENCH_LOGIN_RUNS) || 9,
): Promise<LoginFigures> {
  const { N, r, p } = OWASP_SCRYPT;
  log(`Login cost: scrypt N=2^${Math.log2(N)}, r=${r}, p=${p} (OWASP), median of ${runs}`);
  const password = 'một mật khẩu đủ dài';
  const hashMs = await timed(runs, () => hashPassword(password));
  const stored = await hashPassword(password);
  const verifyMs = await timed(runs, () => verifyPassword(password, stored));

  const dir = mkdtempSync(join(tmpdir(), 'mcld-login-'));
  const stores = openSqliteStores(join(dir, 'login.sqlite'));
  try {
    // The throttle would lock the account after a few tries: the clock moves a day per login.
    let now = NOW;
    const app = createApp({ stores, communeCode: COMMUNE_CODE, now: () => now, rateLimits: { loginPerIp: { limit: 1e9, windowMs: 1 } } });
    await stores.accounts.createStaff(
      {
        id: crypto.randomUUID(),
        communeCode: COMMUNE_CODE,
        username: 'lan',
        displayName: 'Lan',
        role: 'officer',
        passwordHash: stored,
        mustChangePassword: false,
      },
      NOW,
    );
    const login = async (username: string, expected: number, typed = password): Promise<void> => {
      now += 86_400_000;
      const res = await postJson(app, '/api/v1/auth/login', { username, password: typed });
      if (res.status !== expected) throw new Error(`login ${username}: ${res.status}`);
    };
    const loginMs = await timed(runs, () => login('lan', 200));
    // Interleaved, so the machine's other load falls on both alike: they must cost the same.
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < runs; i++) {
      wrong.push(await timed(1, () => login('lan', 401, 'sai mật khẩu rồi')));
      unknown.push(await timed(1, () => login('khong.co', 401)));
    }
    const [wrongPasswordMs, unknownUserMs] = [median(wrong), median(unknown)];
    const figures = { hashMs, verifyMs, loginMs, wrongPasswordMs, unknownUserMs };
    log(`  hash ${hashMs.toFixed(0)} ms, verify ${verifyMs.toFixed(0)} ms`);
    log(
      `  POST /api/v1/auth/login: right password ${loginMs.toFixed(0)} ms, wrong password ${wrongPasswordMs.toFixed(0)} ms, unknown user ${unknownUserMs.toFixed(0)} ms`,
    );
    return figures;
  } finally {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runLoginBench();
}
