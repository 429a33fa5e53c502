/**
 * Sync over a slow link: the real sync engine (real storage on fake-indexeddb, blobs first) sends
 * N dossiers with photos to the real server through a throttled proxy (EDGE-like by default:
 * 240 kbit/s down, 200 kbit/s up, 840 ms RTT), and the time is set against the physical bound
 * `bytes up / uplink + push batches × RTT`. A second sync with nothing new shows what an idle
 * sync costs. Prints figures and never fails on timing (`npx tsx tests/bench/sync-throttled.ts`;
 * `runSyncBench()` for `npm run bench`). BENCH_PHOTO_KB sets the photo size (default 60 KB).
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_COMMUNE } from '../../src/content/commune';
import { createNamedPhoneStorage } from '../../src/storage/phone-storage';
import type { SyncReport } from '../../src/sync/engine';
import { createPhoneSyncEngine } from '../../src/sync/phone-sync';
import { makeDossiers } from './sync-dossiers';
import { startBenchServer } from './sync-server';
import { countingFetch, type RequestTally } from './request-tally';
import { startThrottleProxy, type ThrottleCounts } from './throttle-proxy';

export interface LinkProfile {
  downBitsPerSecond: number;
  upBitsPerSecond: number;
  rttMs: number;
}

export interface SyncBenchOptions {
  /** Dossiers queued before the sync (default 50). */
  dossiers?: number;
  /** Photos per dossier (default 2; 0 measures dossiers alone). */
  photosEach?: number;
  /** Size of each photo in KB of 1024 bytes (default BENCH_PHOTO_KB or 60). */
  photoKB?: number;
  link?: LinkProfile;
  log?: (line: string) => void;
}

export interface SyncRunFigures {
  seconds: number;
  bytesUp: number;
  bytesDown: number;
  requests: number;
  /** Requests per kind: 'HEAD blob', 'PUT blob', 'push', 'pull', … */
  requestsByKind: Record<string, number>;
  connections: number;
  pushBatches: number;
  /** engine.sync('button') calls until the outbox was empty. */
  syncCalls: number;
  report: SyncReport;
}

export interface SyncBenchFigures {
  dossiers: number;
  photosEach: number;
  photoBytes: number;
  link: LinkProfile;
  first: SyncRunFigures;
  /** The bound: bytes up / uplink + push batches × RTT. */
  boundSeconds: number;
  /** measured / bound. */
  ratio: number;
  /** Every request's round trip: requests × RTT + bytes up / uplink. */
  strictBoundSeconds: number;
  /** Strict bound + bytes down / downlink + one handshake RTT per connection (all serial). */
  linkModelSeconds: number;
  /** The bound for the same sync with 250 KB photos. */
  bound250Seconds: number;
  /** A second sync with nothing new. */
  second: SyncRunFigures;
}

/** EDGE as the issue describes it. */
export const EDGE: LinkProfile = { downBitsPerSecond: 240_000, upBitsPerSecond: 200_000, rttMs: 840 };

/** Button syncs before giving up (each one ignores backoff). */
const MAX_SYNC_CALLS = 10;

const emptyTotals = (): SyncReport => ({
  sent: 0,
  rejected: 0,
  conflicts: 0,
  retried: 0,
  offline: false,
  pulled: 0,
  updateRequired: false,
  deviceRevoked: false,
  registrationRefused: false,
});

function addReport(total: SyncReport, r: SyncReport): void {
  total.sent += r.sent;
  total.rejected += r.rejected;
  total.conflicts += r.conflicts;
  total.retried += r.retried;
  total.pulled += r.pulled;
  total.offline ||= r.offline;
  total.updateRequired ||= r.updateRequired;
}

/** Presses "sync" until the outbox is empty (or nothing moves); the proxy counts the bytes. */
async function timedSync(
  sync: () => Promise<SyncReport>,
  pending: () => Promise<number>,
  tally: RequestTally,
  counts: () => ThrottleCounts,
): Promise<SyncRunFigures> {
  tally.reset();
  const report = emptyTotals();
  let syncCalls = 0;
  const start = performance.now();
  do {
    const r = await sync();
    syncCalls += 1;
    addReport(report, r);
    if (r.updateRequired || (r.sent === 0 && r.retried === 0)) break;
  } while ((await pending()) > 0 && syncCalls < MAX_SYNC_CALLS);
  const seconds = (performance.now() - start) / 1000;
  const { bytesUp, bytesDown, connections } = counts();
  const requestsByKind = tally.byKind();
  const requests = Object.values(requestsByKind).reduce((a, b) => a + b, 0);
  return { seconds, bytesUp, bytesDown, requests, requestsByKind, connections, pushBatches: requestsByKind.push ?? 0, syncCalls, report };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
const s = (seconds: number): string => `${seconds.toFixed(1)} s`;
const kinds = (byKind: Record<string, number>): string =>
  Object.entries(byKind)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');

function printFigures(f: SyncBenchFigures, log: (line: string) => void): void {
  const { first, second, link } = f;
  const up = link.upBitsPerSecond / 1000;
  const rtt = link.rttMs / 1000;
  log(
    `  measured            ${s(first.seconds).padStart(9)}   (${first.syncCalls} sync call(s), ${first.report.sent} sent, ${first.report.rejected} rejected, ${first.report.retried} retried)`,
  );
  log(
    `  bound (issue)       ${s(f.boundSeconds).padStart(9)}   = ${kb(first.bytesUp)} / ${up} kbit/s + ${first.pushBatches} push batch(es) × ${rtt} s`,
  );
  log(`  measured / bound    ${f.ratio.toFixed(2).padStart(9)}`);
  log(`  strict bound        ${s(f.strictBoundSeconds).padStart(9)}   = ${first.requests} requests × ${rtt} s + bytes up / uplink`);
  log(
    `  link model (serial) ${s(f.linkModelSeconds).padStart(9)}   = strict + ${kb(first.bytesDown)} / ${link.downBitsPerSecond / 1000} kbit/s + ${first.connections} handshake(s) × ${rtt} s`,
  );
  log(`  bytes up / down     ${kb(first.bytesUp)} / ${kb(first.bytesDown)}  (HTTP bytes at the proxy)`);
  log(`  requests            ${first.requests}: ${kinds(first.requestsByKind)}; ${first.connections} TCP connection(s)`);
  if (f.photosEach > 0) log(`  with 250 KB photos  bound ${s(f.bound250Seconds)} (same requests, photo bytes scaled)`);
  log(
    `  second sync (nothing new): ${s(second.seconds)}, up ${kb(second.bytesUp)}, down ${kb(second.bytesDown)}, ${second.requests} request(s): ${kinds(second.requestsByKind) || 'none'}; ${second.connections} new connection(s)`,
  );
}

/** Runs the two syncs and prints the figures; returns them for a caller that aggregates. */
export async function runSyncBench(options: SyncBenchOptions = {}): Promise<SyncBenchFigures> {
  const log = options.log ?? console.log;
  const link = options.link ?? EDGE;
  const dossiers = options.dossiers ?? 50;
  const photosEach = options.photosEach ?? 2;
  const photoBytes = Math.round((options.photoKB ?? (Number(process.env.BENCH_PHOTO_KB) || 60)) * 1024);
  log(
    `Sync over a throttled link: ${dossiers} CT01 v2 dossiers × ${photosEach} photo(s) of ${kb(photoBytes)}, ` +
      `${link.downBitsPerSecond / 1000} kbit/s down, ${link.upBitsPerSecond / 1000} kbit/s up, ${link.rttMs} ms RTT`,
  );

  const dir = mkdtempSync(join(tmpdir(), 'mcld-sync-bench-'));
  const server = await startBenchServer(join(dir, 'app.sqlite'), DEFAULT_COMMUNE.code);
  const proxy = await startThrottleProxy({ targetPort: server.port, ...link });
  const name = `bench-${randomUUID()}`;
  const phone = createNamedPhoneStorage(name);
  const { db } = phone;
  await db.open();
  try {
    const now = Date.now();
    for (const dossier of makeDossiers(dossiers, photosEach, photoBytes, now)) {
      for (const photo of dossier.photos)
        await phone.blobs.putBlob(photo.ref.sha256, new Blob([photo.bytes], { type: photo.ref.type }), photo.ref.type, now);
      await phone.outbox.enqueueSubmission(dossier.submission, dossier.label, now);
    }
    const tally = countingFetch(globalThis.fetch);
    // Wired as the app and the service worker wire it.
    const engine = createPhoneSyncEngine(phone, { fetch: tally.fetch, now: Date.now, baseUrl: `http://127.0.0.1:${proxy.port}` });
    const sync = (): Promise<SyncReport> => engine.sync('button');
    const pending = () => phone.outbox.countPending();

    const first = await timedSync(sync, pending, tally, proxy.counts);
    if ((await phone.outbox.countPending()) > 0)
      log(`  WARNING: ${await phone.outbox.countPending()} dossier(s) still in the outbox after ${first.syncCalls} sync call(s)`);
    proxy.reset();
    const second = await timedSync(sync, pending, tally, proxy.counts);

    const upBytesPerSecond = link.upBitsPerSecond / 8;
    const rtt = link.rttMs / 1000;
    const boundSeconds = first.bytesUp / upBytesPerSecond + first.pushBatches * rtt;
    const strictBoundSeconds = first.requests * rtt + first.bytesUp / upBytesPerSecond;
    const linkModelSeconds = strictBoundSeconds + first.bytesDown / (link.downBitsPerSecond / 8) + first.connections * rtt;
    const photoCount = dossiers * photosEach;
    const bytesUp250 = first.bytesUp + photoCount * (250 * 1024 - photoBytes);
    const figures: SyncBenchFigures = {
      dossiers,
      photosEach,
      photoBytes,
      link,
      first,
      boundSeconds,
      ratio: first.seconds / boundSeconds,
      strictBoundSeconds,
      linkModelSeconds,
      bound250Seconds: bytesUp250 / upBytesPerSecond + first.pushBatches * rtt,
      second,
    };
    printFigures(figures, log);
    return figures;
  } finally {
    db.close();
    await proxy.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runSyncBench();
}
