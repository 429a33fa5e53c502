/**
 * A first visit over 2G, in real Chromium through the throttling proxy (EDGE: 240 kbit/s down,
 * 200 kbit/s up, 840 ms RTT, a round trip per new connection; CPU slowed 4× through the DevTools
 * protocol), on a fresh profile each run. Measures, from navigation start:
 * - first paint (first-contentful-paint),
 * - home usable: the form list's buttons are in the page (a tap starts a draft),
 * - offline-ready: the service worker says every precached file is in its cache and it is active,
 * - layout shift (sum of layout-shift entries without recent input),
 * each beside its physical bound and the ratio; medians of BENCH_RUNS runs (default 5).
 * Bounds: first paint = 3 RTT (handshake, index.html, its linked files) + first-screen bytes as
 * served ÷ downlink; offline-ready = every byte of a first visit (first screen, sw.js and the
 * rest of the precache, as served) ÷ downlink + round trips (the first paint's 3, sw.js's 1, and
 * one per 6 further files fetched in parallel). Prints, never fails on timing
 * (`npx tsx tests/bench/cold-load.ts` after `npm run build`).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Hono } from 'hono';
import { chromium } from 'playwright-core';
import { DEFAULT_COMMUNE } from '../../src/content/commune';
import { staticFiles } from '../../src/server/http/static-files';
import { DIST, measureFirstLoad } from '../build/first-load';
import { CHROMIUM_ARGS } from '../e2e/harness';
import { CHROMIUM_PATH } from '../e2e/chromium-path';
import { startBenchServer } from './sync-server';
import { EDGE, type LinkProfile } from './sync-throttled';
import { startThrottleProxy } from './throttle-proxy';

interface Run {
  firstPaintMs: number;
  usableMs: number;
  offlineReadyMs: number;
  layoutShift: number;
  bytesDown: number;
}

export interface ColdLoadFigures {
  runs: Run[];
  firstScreenBytes: number;
  firstVisitBytes: number;
  firstPaintBoundMs: number;
  offlineReadyBoundMs: number;
  median: Run;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Bytes the server sends for every file a first visit downloads (precache + sw.js), brotli. */
async function firstVisitBytes(): Promise<{ bytes: number; files: number }> {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const manifest = JSON.parse(/(\[\{"revision":[^\]]*\}\])/.exec(sw)?.[1] ?? '[]') as Array<{ url: string }>;
  const app = new Hono().get('*', staticFiles(DIST));
  let bytes = 0;
  for (const url of [...manifest.map((e) => e.url), 'sw.js']) {
    const res = await app.request(`/${url}`, { headers: { 'accept-encoding': 'br' } });
    bytes += (await res.arrayBuffer()).byteLength;
  }
  return { bytes, files: manifest.length + 1 };
}

async function oneRun(origin: string): Promise<Omit<Run, 'bytesDown'>> {
  const dir = mkdtempSync(join(tmpdir(), 'mcld-cold-load-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: { width: 360, height: 740 },
    locale: 'vi-VN',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(() => {
      const marks: Record<string, number> = { shift: 0 };
      (window as unknown as { __marks: Record<string, number> }).__marks = marks;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>)
          if (!e.hadRecentInput) marks['shift'] = (marks['shift'] ?? 0) + e.value;
      }).observe({ type: 'layout-shift', buffered: true });
      new MutationObserver(() => {
        if (marks['usable'] === undefined && document.querySelector('.start-list button')) marks['usable'] = performance.now();
      }).observe(document, { subtree: true, childList: true });
      navigator.serviceWorker?.addEventListener('message', (event: MessageEvent) => {
        if ((event.data as { type?: string } | null)?.type === 'precache-ready' && marks['ready'] === undefined)
          marks['ready'] = performance.now();
      });
    });
    await page.goto(`${origin}/`, { waitUntil: 'commit', timeout: 120_000 });
    await page.waitForFunction(() => (window as unknown as { __marks: Record<string, number> }).__marks['ready'] !== undefined, undefined, {
      timeout: 180_000,
      polling: 250,
    });
    return await page.evaluate(() => {
      const marks = (window as unknown as { __marks: Record<string, number> }).__marks;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      return {
        firstPaintMs: fcp,
        usableMs: marks['usable'] ?? NaN,
        offlineReadyMs: marks['ready'] ?? NaN,
        layoutShift: marks['shift'] ?? 0,
      };
    });
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runColdLoadBench(
  options: { runs?: number; link?: LinkProfile; log?: (line: string) => void } = {},
): Promise<ColdLoadFigures> {
  const log = options.log ?? console.log;
  const link = options.link ?? EDGE;
  const runs = options.runs ?? (Number(process.env.BENCH_RUNS) || 5);
  const first = await measureFirstLoad();
  const visit = await firstVisitBytes();
  const down = link.downBitsPerSecond / 8 / 1000; // bytes per ms
  const firstPaintBoundMs = 3 * link.rttMs + first.totalServed / down;
  const laterFiles = visit.files - first.files.length - 1;
  const offlineReadyBoundMs = (3 + 1 + Math.ceil(laterFiles / 6)) * link.rttMs + visit.bytes / down;
  log(
    `Cold load over ${link.downBitsPerSecond / 1000} kbit/s down, ${link.upBitsPerSecond / 1000} kbit/s up, ${link.rttMs} ms RTT, CPU 4× slower, ${runs} run(s)`,
  );
  log(
    `  first screen as served: ${(first.totalServed / 1024).toFixed(1)} KiB (${(first.totalServed / first.totalBrotli).toFixed(3)}× its brotli size)`,
  );
  log(`  first visit (precache + sw.js) as served: ${(visit.bytes / 1024).toFixed(1)} KiB in ${visit.files} files`);

  const dir = mkdtempSync(join(tmpdir(), 'mcld-cold-server-'));
  const server = await startBenchServer(join(dir, 'app.sqlite'), DEFAULT_COMMUNE.code, DIST);
  const proxy = await startThrottleProxy({ targetPort: server.port, ...link });
  const results: Run[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      proxy.reset();
      const run = await oneRun(`http://127.0.0.1:${proxy.port}`);
      results.push({ ...run, bytesDown: proxy.counts().bytesDown });
      log(
        `  run ${i + 1}: first paint ${(run.firstPaintMs / 1000).toFixed(2)} s, usable ${(run.usableMs / 1000).toFixed(2)} s, ` +
          `offline-ready ${(run.offlineReadyMs / 1000).toFixed(2)} s, layout shift ${run.layoutShift.toFixed(3)}, ${(proxy.counts().bytesDown / 1024).toFixed(1)} KiB down`,
      );
    }
  } finally {
    await proxy.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const m: Run = {
    firstPaintMs: median(results.map((r) => r.firstPaintMs)),
    usableMs: median(results.map((r) => r.usableMs)),
    offlineReadyMs: median(results.map((r) => r.offlineReadyMs)),
    layoutShift: median(results.map((r) => r.layoutShift)),
    bytesDown: median(results.map((r) => r.bytesDown)),
  };
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  log(
    `  median first paint   ${s(m.firstPaintMs)}  bound ${s(firstPaintBoundMs)}  ratio ${(m.firstPaintMs / firstPaintBoundMs).toFixed(2)}×`,
  );
  log(`  median home usable   ${s(m.usableMs)}  bound ${s(firstPaintBoundMs)}  ratio ${(m.usableMs / firstPaintBoundMs).toFixed(2)}×`);
  log(
    `  median offline-ready ${s(m.offlineReadyMs)}  bound ${s(offlineReadyBoundMs)}  ratio ${(m.offlineReadyMs / offlineReadyBoundMs).toFixed(2)}×`,
  );
  log(`  median layout shift  ${m.layoutShift.toFixed(3)}; bytes down ${(m.bytesDown / 1024).toFixed(1)} KiB (HTTP bytes, heads included)`);
  return {
    runs: results,
    firstScreenBytes: first.totalServed,
    firstVisitBytes: visit.bytes,
    firstPaintBoundMs,
    offlineReadyBoundMs,
    median: m,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runColdLoadBench();
}
