/**
 * Issue 16: the engine reports progress it can stand behind, against a fake server, a fake
 * clock and a fake photo upload: monotonic within a run, never above the totals, the time left
 * from measured throughput, and the data-saver order.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { attachmentHashesIn } from '../../../src/domain/attachment-hashes';
import type { Submission } from '../../../src/domain/protocol';
import { createSyncEngine, type BeforePush, type SyncEngineDeps, type SyncEvent } from '../../../src/sync/engine';
import { estimateRemainingMs, orderForDataSaver, type SendProgress } from '../../../src/sync/progress';
import { makeSubmission, portsOf, useFreshStorage } from '../storage/fresh-storage';
import { FakeServer, TEST_CREDENTIAL } from './fake-server';

const storage = useFreshStorage();
beforeEach(() => storage().settings.setCredential(TEST_CREDENTIAL));

/** Upload speed of the fake link: bytes per ms of fake time. */
const BYTES_PER_MS = 10;

function photo(n: number, size: number) {
  return { sha256: n.toString(16).padStart(64, '0'), name: `anh-${n}.jpg`, type: 'image/jpeg', size };
}

function setup(overrides: Partial<SyncEngineDeps> = {}) {
  let time = 1_000_000;
  const clock = { now: () => time, advance: (ms: number) => void (time += ms) };
  const server = new FakeServer(clock.now);
  const sizes = new Map<string, number>();
  const uploadOrder: string[] = [];
  // Photos take time in proportion to their size; each is reported when it is on the server.
  const beforePush: BeforePush = async (rows, _transport, _credential, onPhotoDone) => {
    for (const sha of attachmentHashesIn(rows.map((r) => r.submission.answers))) {
      clock.advance((sizes.get(sha) ?? 0) / BYTES_PER_MS);
      uploadOrder.push(sha);
      onPhotoDone?.(sha);
    }
    return { kind: 'ok', body: undefined };
  };
  const events: SyncEvent[] = [];
  const engine = createSyncEngine({
    ...portsOf(storage()),
    fetch: server.fetch,
    now: clock.now,
    random: () => 0.5,
    baseUrl: 'https://xa-demo.example',
    beforePush,
    ...overrides,
  });
  engine.on((e) => events.push(e));
  const progress = () => events.filter((e): e is Extract<SyncEvent, { type: 'progress' }> => e.type === 'progress').map((e) => e.progress);
  return { clock, server, engine, sizes, uploadOrder, progress };
}

async function queue(name: string, photos: ReturnType<typeof photo>[], sizes: Map<string, number>): Promise<Submission> {
  for (const p of photos) sizes.set(p.sha256, p.size);
  const submission = makeSubmission({ answers: { hoTen: name, giayTo: photos } });
  await storage().outbox.enqueueSubmission(submission, name, 1_000_000);
  return submission;
}

function expectMonotonic(snapshots: SendProgress[]): void {
  for (const [i, p] of snapshots.entries()) {
    expect(p.dossiersDone).toBeLessThanOrEqual(p.dossiersTotal);
    expect(p.bytesSent).toBeLessThanOrEqual(p.bytesTotal);
    const before = snapshots[i - 1];
    if (!before || before.run !== p.run) continue;
    expect(p.dossiersDone).toBeGreaterThanOrEqual(before.dossiersDone);
    expect(p.bytesSent).toBeGreaterThanOrEqual(before.bytesSent);
    expect(p.dossiersTotal).toBe(before.dossiersTotal);
    expect(p.bytesTotal).toBe(before.bytesTotal);
  }
}

describe('sync progress', () => {
  it('counts dossiers and photo bytes up to their totals, never backwards, naming the dossier going', async () => {
    const { engine, sizes, progress } = setup();
    await queue('Nguyễn Thị Hoa', [photo(1, 20_000), photo(2, 10_000)], sizes);
    await queue('Trần Văn Nam', [], sizes);
    await queue('Lê Thị Mai', [photo(3, 30_000)], sizes);
    const report = await engine.sync('button');
    expect(report.sent).toBe(3);
    const snapshots = progress();
    expectMonotonic(snapshots);
    expect(snapshots[0]).toMatchObject({ phase: 'sending', dossiersDone: 0, dossiersTotal: 3, bytesSent: 0, bytesTotal: 60_000 });
    expect(snapshots.at(-1)).toMatchObject({ phase: 'done', dossiersDone: 3, bytesSent: 60_000, current: null, etaMs: 0 });
    // The bytes moved in steps, one per photo, while the dossier with that photo was named.
    const bytes = [...new Set(snapshots.map((p) => p.bytesSent))];
    expect(bytes).toHaveLength(4);
    expect(bytes[0]).toBe(0);
    expect(bytes[3]).toBe(60_000);
    const named = snapshots.filter((p) => p.current).map((p) => p.current?.label);
    expect(named).toContain('Nguyễn Thị Hoa');
    expect(named).toContain('Lê Thị Mai');
    expect(snapshots.find((p) => p.current)?.current?.formId).toBe('tam-tru-ct01');
  });

  it('estimates the time left from the throughput measured in this run', async () => {
    const { engine, sizes, progress } = setup();
    await queue('Hoa', [photo(1, 10_000), photo(2, 20_000)], sizes);
    await engine.sync('button');
    // After the first photo: 10 000 B in 1 000 ms, 20 000 B left → 2 000 ms.
    const afterFirst = progress().find((p) => p.bytesSent === 10_000);
    expect(afterFirst?.etaMs).toBe(2_000);
    expect(estimateRemainingMs({ dossiersDone: 2, dossiersTotal: 6, bytesSent: 0, bytesTotal: 0 }, 3_000)).toBe(6_000);
    expect(estimateRemainingMs({ dossiersDone: 0, dossiersTotal: 6, bytesSent: 0, bytesTotal: 0 }, 3_000)).toBeNull();
  });

  it('ends a run cut by the network as offline, with what is left, and starts the next run afresh', async () => {
    const { engine, server, sizes, progress } = setup();
    await queue('Hoa', [], sizes);
    server.faults.push('offline');
    const report = await engine.sync('button');
    expect(report.offline).toBe(true);
    const last = progress().at(-1);
    expect(last).toMatchObject({ phase: 'offline', dossiersDone: 0, dossiersTotal: 1 });
    await engine.sync('button');
    const second = progress().filter((p) => p.run !== last?.run);
    expect(second[0]).toMatchObject({ phase: 'sending', dossiersDone: 0, dossiersTotal: 1 });
    expect(second.at(-1)).toMatchObject({ phase: 'done', dossiersDone: 1 });
    expectMonotonic(progress());
  });

  it('reports nothing when nothing is due', async () => {
    const { engine, progress } = setup();
    await engine.sync('button');
    expect(progress()).toEqual([]);
  });
});

describe('data saver', () => {
  it('orders rows without photos first, then from the smallest, stable otherwise', () => {
    const row = (id: string, sizes: number[]) => ({
      id,
      submission: makeSubmission({ answers: { p: sizes.map((s, i) => photo(id.charCodeAt(0) * 10 + i, s)) } }),
    });
    const rows = [row('a', [50_000]), row('b', []), row('c', [5_000, 5_000]), row('d', []), row('e', [20_000])];
    expect(orderForDataSaver(rows).map((r) => r.id)).toEqual(['b', 'd', 'c', 'e', 'a']);
  });

  it('sends every dossier without photos in the first push, then one dossier with photos per push, smallest first; each stored once', async () => {
    const { engine, server, sizes, uploadOrder } = setup({ dataSaver: () => true });
    const big = await queue('Lớn', [photo(1, 50_000)], sizes);
    const light1 = await queue('Nhẹ 1', [], sizes);
    const small = await queue('Nhỏ', [photo(2, 5_000)], sizes);
    const light2 = await queue('Nhẹ 2', [], sizes);
    const report = await engine.sync('button');
    expect(report.sent).toBe(4);
    const pushed = server.pushes.map((p) => p.items.map((i) => i.id));
    expect(pushed).toHaveLength(3);
    expect(new Set(pushed[0])).toEqual(new Set([light1.id, light2.id]));
    expect(pushed.slice(1)).toEqual([[small.id], [big.id]]);
    expect(uploadOrder).toEqual([photo(2, 0).sha256, photo(1, 0).sha256]);
    expect([...server.storeCounts.values()].every((n) => n === 1)).toBe(true);
  });

  it('leaves the order alone without data saver: one push for all', async () => {
    const { engine, server, sizes } = setup();
    await queue('Lớn', [photo(1, 50_000)], sizes);
    await queue('Nhẹ', [], sizes);
    await engine.sync('button');
    expect(server.pushes).toHaveLength(1);
  });
});
