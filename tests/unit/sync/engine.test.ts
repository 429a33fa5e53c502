import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Submission } from '../../../src/domain/protocol';
import { createSyncEngine, type SyncEngineDeps, type SyncEvent } from '../../../src/sync/engine';
import { makeSubmission, portsOf, useFreshStorage } from '../storage/fresh-storage';
import { DOSSIER_CODE } from '../../../src/domain/dossier-code';
import { FakeServer, TEST_CREDENTIAL } from './fake-server';

const storage = useFreshStorage();
// The phone holds a credential the fake server knows (registration has its own tests).
beforeEach(() => storage().settings.setCredential(TEST_CREDENTIAL));

const BASE = 'https://xa-demo.example';
const DEVICE = TEST_CREDENTIAL.deviceId;

function setup(overrides: Partial<SyncEngineDeps> = {}) {
  let time = 1_000_000;
  const clock = { now: () => time, advance: (ms: number) => void (time += ms) };
  const server = new FakeServer(clock.now);
  const events: SyncEvent[] = [];
  const engine = createSyncEngine({
    ...portsOf(storage()),
    fetch: server.fetch,
    now: clock.now,
    random: () => 0.5,
    baseUrl: BASE,
    ...overrides,
  });
  engine.on((e) => events.push(e));
  return {
    clock,
    server,
    engine,
    events,
    of: <T extends SyncEvent['type']>(type: T) => events.filter((e) => e.type === type) as Extract<SyncEvent, { type: T }>[],
  };
}

async function queue(count = 1, at = 1_000_000): Promise<Submission[]> {
  const items: Submission[] = [];
  for (let i = 0; i < count; i++) {
    const submission = makeSubmission({ answers: { hoTen: `Người số ${i}` } });
    await storage().outbox.enqueueSubmission(submission, `Người số ${i}`, at);
    items.push(submission);
  }
  return items;
}

describe('sync engine: push outcomes', () => {
  it('stored: the dossier row holds the server code and the outbox is empty', async () => {
    const { engine, server, of } = setup();
    const [item] = await queue();
    const report = await engine.sync('timer');
    expect(report).toEqual({
      sent: 1,
      rejected: 0,
      conflicts: 0,
      retried: 0,
      offline: false,
      pulled: 0,
      updateRequired: false,
      deviceRevoked: false,
      registrationRefused: false,
    });
    const code = server.held.get(item!.id)?.dossierCode;
    expect(code).toMatch(DOSSIER_CODE);
    expect(of('sent')).toEqual([{ type: 'sent', id: item!.id, dossierCode: code }]);
    expect(await storage().dossiers.getDossier(item!.id)).toMatchObject({
      dossierCode: code,
      status: 'submitted',
      label: 'Người số 0',
      receivedAt: 1_000_000,
    });
    expect(await storage().outbox.listOutbox()).toEqual([]);
  });

  it('sends the protocol header, the device credential and the submissions as PushRequest JSON', async () => {
    const { engine, server } = setup();
    const [item] = await queue();
    await engine.sync('timer');
    const push = server.requests.find((r) => r.method === 'POST');
    expect(push?.url).toBe(`${BASE}/api/v1/sync/push`);
    expect(push?.headers.get('x-mcld-protocol')).toBe('2');
    expect(push?.headers.get('authorization')).toBe(`Device ${DEVICE}.${TEST_CREDENTIAL.secret}`);
    expect(push?.headers.get('content-type')).toBe('application/json');
    expect(server.pushes).toEqual([{ protocol: 2, items: [item] }]);
    expect(server.pushDevices).toEqual([DEVICE]);
  });

  it('duplicate: the phone gets the code the server gave the first time', async () => {
    const { engine, server, of } = setup();
    const [item] = await queue();
    const held = server.seed(item!, DEVICE);
    await engine.sync('timer');
    expect(of('sent')).toEqual([{ type: 'sent', id: item!.id, dossierCode: held.dossierCode }]);
    expect((await storage().dossiers.getDossier(item!.id))?.dossierCode).toBe(held.dossierCode);
    expect(server.held.size).toBe(1);
    expect(await storage().outbox.listOutbox()).toEqual([]);
  });

  it('conflict: the row stays as conflict and is not retried', async () => {
    const { engine, server, of, clock } = setup();
    const [item] = await queue();
    server.seed({ ...item!, answers: { hoTen: 'nội dung khác' } }, DEVICE);
    const report = await engine.sync('timer');
    expect(report.conflicts).toBe(1);
    expect(of('conflict')).toEqual([{ type: 'conflict', id: item!.id }]);
    expect((await storage().outbox.getOutboxItem(item!.id))?.state).toBe('conflict');
    expect(await storage().dossiers.getDossier(item!.id)).toBeUndefined();
    clock.advance(600_000);
    await engine.sync('button');
    expect(server.pushAttempts).toBe(1);
  });

  it('invalid: that row is rejected with the errors, the rest of the batch is stored', async () => {
    const { engine, server, of } = setup();
    const [a, bad, c] = await queue(3);
    const errors = [{ field: 'soDienThoai', code: 'phone-format' as const }];
    server.invalid.set(bad!.id, errors);
    const report = await engine.sync('timer');
    expect(report).toMatchObject({ sent: 2, rejected: 1 });
    expect(await storage().outbox.getOutboxItem(bad!.id)).toMatchObject({
      state: 'rejected',
      lastError: { code: 'invalid', detail: errors },
    });
    expect(of('rejected')).toEqual([{ type: 'rejected', id: bad!.id, code: 'invalid', errors }]);
    expect((await storage().dossiers.listDossiers()).map((d) => d.id).sort()).toEqual([a!.id, c!.id].sort());
  });

  it('a result missing from the answer sends that row back to queued with backoff', async () => {
    const { engine, server, clock } = setup();
    const [a, b] = await queue(2);
    server.omit.add(b!.id);
    const report = await engine.sync('timer');
    expect(report).toMatchObject({ sent: 1, retried: 1 });
    expect(await storage().outbox.getOutboxItem(a!.id)).toBeUndefined();
    const row = await storage().outbox.getOutboxItem(b!.id);
    expect(row).toMatchObject({ state: 'queued', attempts: 1, lastError: { code: 'no-result' } });
    expect(row!.nextAttemptAt).toBeGreaterThan(clock.now());
  });
});

describe('sync engine: failures and retries', () => {
  it('network error: back to queued with backoff, then stored on a later sync', async () => {
    const { engine, server, clock, of } = setup();
    const [item] = await queue();
    server.faults.push('offline');
    const first = await engine.sync('online');
    expect(first).toMatchObject({ offline: true, retried: 1, sent: 0 });
    const row = await storage().outbox.getOutboxItem(item!.id);
    expect(row).toMatchObject({ state: 'queued', attempts: 1, lastError: { code: 'network' } });
    // random 0.5 × 2000 ms for the first retry.
    expect(row!.nextAttemptAt).toBe(clock.now() + 1_000);
    expect(of('retry')).toEqual([{ type: 'retry', ids: [item!.id], nextAttemptAt: clock.now() + 1_000, error: row!.lastError }]);
    // Offline: no pull was attempted after the failed push.
    expect(server.pulls).toHaveLength(0);

    await engine.sync('timer');
    expect(server.pushes).toHaveLength(0);
    clock.advance(1_000);
    const second = await engine.sync('timer');
    expect(second.sent).toBe(1);
    expect((await storage().dossiers.getDossier(item!.id))?.dossierCode).toBe(server.held.get(item!.id)?.dossierCode);
  });

  it('response lost after the server committed: the retry gets duplicate, one copy on the server, code on the phone', async () => {
    const { engine, server, clock } = setup();
    const [item] = await queue();
    server.faults.push('lose-response');
    const first = await engine.sync('timer');
    expect(first).toMatchObject({ offline: true, sent: 0 });
    expect(server.held.size).toBe(1);
    expect((await storage().outbox.getOutboxItem(item!.id))?.state).toBe('queued');
    expect(await storage().dossiers.getDossier(item!.id)).toBeUndefined();

    clock.advance(10_000);
    const second = await engine.sync('timer');
    expect(second.sent).toBe(1);
    expect(server.held.size).toBe(1);
    expect(server.pushes).toHaveLength(2);
    expect((await storage().dossiers.getDossier(item!.id))?.dossierCode).toBe(server.held.get(item!.id)?.dossierCode);
    expect(await storage().outbox.listOutbox()).toEqual([]);
  });

  it('5xx: next attempt in the future, not retried before it by a timer, focus or start, only by the button', async () => {
    const { engine, server, clock } = setup();
    const [item] = await queue();
    server.pushFaults.push({ status: 503 });
    const report = await engine.sync('timer');
    expect(report).toMatchObject({ offline: false, retried: 1 });
    const row = await storage().outbox.getOutboxItem(item!.id);
    expect(row).toMatchObject({ state: 'queued', attempts: 1, lastError: { code: 'server', detail: { status: 503 } } });
    expect(row!.nextAttemptAt).toBeGreaterThan(clock.now());
    expect(await engine.nextAttemptAt()).toBe(row!.nextAttemptAt);

    for (const reason of ['timer', 'focus', 'startup', 'background-sync'] as const) await engine.sync(reason);
    expect(server.pushAttempts).toBe(1);

    const pressed = await engine.sync('button');
    expect(pressed.sent).toBe(1);
    expect(server.pushAttempts).toBe(2);
  });

  it('the network coming back (online) sends at once, whatever the backoff', async () => {
    const { engine, server } = setup();
    const [item] = await queue();
    server.pushFaults.push({ status: 503 });
    await engine.sync('timer');
    expect((await storage().outbox.getOutboxItem(item!.id))?.attempts).toBe(1);
    const back = await engine.sync('online');
    expect(back.sent).toBe(1);
    expect(server.pushAttempts).toBe(2);
  });

  it('backoff grows with attempts (random 0.5: 1 s, 2 s, 4 s)', async () => {
    const { engine, server, clock } = setup();
    const [item] = await queue();
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      server.pushFaults.push({ status: 500 });
      await engine.sync('button');
      waits.push((await storage().outbox.getOutboxItem(item!.id))!.nextAttemptAt - clock.now());
    }
    expect(waits).toEqual([1_000, 2_000, 4_000]);
    expect((await storage().outbox.getOutboxItem(item!.id))?.attempts).toBe(3);
  });

  it('a zero backoff cannot make one sync spin: each row is sent at most once per sync', async () => {
    const { engine, server } = setup({ random: () => 0 });
    const [a, b] = await queue(2);
    // The server keeps leaving b out of its answer; with zero backoff b is due again at once.
    server.omit.add(b!.id);
    const report = await engine.sync('button');
    expect(server.pushes.map((p) => p.items.map((i) => i.id).sort())).toEqual([[a!.id, b!.id].sort()]);
    expect(report).toMatchObject({ sent: 1, retried: 1 });
  });

  it('a failed batch ends the push phase (no hammering a failing server)', async () => {
    const { engine, server } = setup();
    await queue(120);
    server.pushFaults.push({ status: 503 });
    const report = await engine.sync('button');
    expect(server.pushAttempts).toBe(1);
    expect(report).toMatchObject({ retried: 50, sent: 0 });
  });

  it('timeout: an unanswered request is aborted and treated like a network error', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let called!: () => void;
      const fetchCalled = new Promise<void>((resolve) => (called = resolve));
      const hanging: typeof fetch = (_input, init) =>
        new Promise((_resolve, reject) => {
          called();
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        });
      const { engine } = setup({ fetch: hanging, timeoutMs: 30_000 });
      const [item] = await queue();
      const pending = engine.sync('timer');
      await fetchCalled;
      vi.advanceTimersByTime(29_999);
      expect((await storage().outbox.getOutboxItem(item!.id))?.state).toBe('sending');
      vi.advanceTimersByTime(1);
      const report = await pending;
      expect(report).toMatchObject({ offline: true, retried: 1 });
      expect((await storage().outbox.getOutboxItem(item!.id))?.lastError?.code).toBe('timeout');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a non-JSON 200 (captive portal) is retried with backoff', async () => {
    const { engine, server } = setup();
    const [item] = await queue();
    server.pushFaults.push('not-json');
    const report = await engine.sync('timer');
    expect(report).toMatchObject({ retried: 1, offline: false, sent: 0 });
    expect((await storage().outbox.getOutboxItem(item!.id))?.lastError?.code).toBe('bad-response');
  });

  it('a 4xx that is not our server error JSON (a proxy, a portal): back to queued with the error, and the pull still runs', async () => {
    const { engine, server } = setup();
    const [item] = await queue();
    server.pushFaults.push({ status: 409, body: { message: 'busy elsewhere' } });
    await engine.sync('timer');
    expect(await storage().outbox.getOutboxItem(item!.id)).toMatchObject({
      state: 'queued',
      attempts: 1,
      lastError: { code: 'refused', detail: { status: 409, body: { message: 'busy elsewhere' } } },
    });
    expect(server.pulls).toHaveLength(1);
  });

  it('408 and 429 are "later", even with our error JSON: never parked', async () => {
    const { engine, server } = setup();
    const [item] = await queue();
    server.pushFaults.push({ status: 429, body: { error: 'bad-request', message: 'slow down' } });
    await engine.sync('timer');
    expect(await storage().outbox.getOutboxItem(item!.id)).toMatchObject({ state: 'queued', attempts: 1, lastError: { code: 'refused' } });
  });

  it('a request refused as malformed is split until the one bad dossier is found; the others are stored', async () => {
    const { engine, server, of } = setup();
    const items = await queue(7);
    const bad = items[4]!;
    // The server refuses any request that holds the bad dossier, as it would a malformed item.
    server.refuseIf = (body) =>
      body.items.some((i) => i.id === bad.id)
        ? { status: 400, body: { error: 'bad-request', message: 'items[0] must have a string id' } }
        : null;
    const report = await engine.sync('timer');
    expect(report).toMatchObject({ sent: 6, rejected: 1, retried: 0 });
    expect(await storage().outbox.getOutboxItem(bad.id)).toMatchObject({
      state: 'rejected',
      lastError: { code: 'refused', detail: { status: 400 } },
    });
    expect(of('rejected')).toEqual([{ type: 'rejected', id: bad.id, code: 'refused', errors: [] }]);
    expect(server.held.size).toBe(6);
    expect(server.held.has(bad.id)).toBe(false);
    // Halving 7 → 4 + 3 → 2 + 2 … : a handful of requests, not one per dossier.
    expect(server.pushAttempts).toBeLessThanOrEqual(7);
    expect(await storage().outbox.countByState()).toEqual({ queued: 0, sending: 0, rejected: 1, conflict: 0 });
  });

  it('if the network fails while splitting, the halves not yet sent go back to queued, none parked or lost', async () => {
    const { engine, server } = setup();
    const items = await queue(4);
    server.refuseIf = (body) => (body.items.length > 1 ? { status: 413, body: { error: 'body-too-large', message: 'too big' } } : null);
    server.faults.push({ status: 413, body: { error: 'body-too-large', message: 'too big' } }, 'offline');
    const report = await engine.sync('timer');
    expect(report).toMatchObject({ offline: true, rejected: 0, sent: 0 });
    const rows = await Promise.all(items.map((i) => storage().outbox.getOutboxItem(i.id)));
    expect(rows.map((r) => r?.state)).toEqual(['queued', 'queued', 'queued', 'queued']);
    // The half that met the network error counts an attempt; the half never sent does not.
    expect(rows.map((r) => r?.attempts).sort()).toEqual([0, 0, 1, 1]);
  });

  it('beforePush (blobs first) runs before each push; its failure is handled like a failed push, nothing parked', async () => {
    const seen: string[][] = [];
    let fail = true;
    const { engine, server } = setup({
      beforePush: async (rows) => {
        seen.push(rows.map((r) => r.id));
        return fail ? { kind: 'failed', error: { code: 'server' }, permanent: true } : { kind: 'ok', body: null };
      },
    });
    const [item] = await queue();
    await engine.sync('timer');
    expect(seen).toEqual([[item!.id]]);
    expect(server.pushAttempts).toBe(0);
    expect(await storage().outbox.getOutboxItem(item!.id)).toMatchObject({ state: 'queued', attempts: 1, lastError: { code: 'server' } });
    fail = false;
    expect((await engine.sync('button')).sent).toBe(1);
  });

  it('protocol-unsupported: update-required once per sync, rows untouched, no retry loop', async () => {
    const { engine, server, of, clock } = setup();
    const [item] = await queue();
    server.supportedProtocols = [3];
    const report = await engine.sync('timer');
    expect(report).toMatchObject({ updateRequired: true, sent: 0, retried: 0 });
    expect(of('update-required')).toHaveLength(1);
    expect(await storage().outbox.getOutboxItem(item!.id)).toMatchObject({ state: 'queued', attempts: 0 });
    expect(server.pulls).toHaveLength(0);
    expect(await engine.nextAttemptAt()).toBeNull();

    clock.advance(600_000);
    const again = await engine.sync('button');
    expect(again.updateRequired).toBe(true);
    expect(server.requests).toHaveLength(1);
    expect(of('update-required')).toHaveLength(2);
  });

  it('protocol-unsupported in a 400 body is understood the same way', async () => {
    const { engine, server } = setup();
    await queue();
    server.pushFaults.push({ status: 400, body: { error: 'protocol-unsupported', message: 'old', supported: [2] } });
    expect((await engine.sync('timer')).updateRequired).toBe(true);
  });
});

describe('sync engine: concurrency, crash safety, batches', () => {
  it('concurrent sync() calls join the running one', async () => {
    const { engine, server, of } = setup();
    await queue();
    const a = engine.sync('timer');
    const b = engine.sync('focus');
    expect(b).toBe(a);
    await a;
    expect(server.pushes).toHaveLength(1);
    expect(of('start')).toEqual([{ type: 'start', reason: 'timer' }]);
    const c = engine.sync('focus');
    expect(c).not.toBe(a);
    await c;
  });

  it('runs inside the lock it is given', async () => {
    const held: string[] = [];
    const lock = async <T>(fn: () => Promise<T>): Promise<T> => {
      held.push('acquire');
      try {
        return await fn();
      } finally {
        held.push('release');
      }
    };
    const { engine, events } = setup({ lock });
    await engine.sync('timer');
    expect(held).toEqual(['acquire', 'release']);
    expect(events.at(-1)?.type).toBe('done');
  });

  it('rows left in sending by a killed browser are sent by the next engine', async () => {
    const [item] = await queue();
    await storage().outbox.markSending([item!.id], Date.now());
    const { engine, server } = setup();
    const report = await engine.sync('startup');
    expect(report.sent).toBe(1);
    expect(server.pushes[0]?.items.map((s) => s.id)).toEqual([item!.id]);
    expect(await storage().outbox.countByState()).toEqual({ queued: 0, sending: 0, rejected: 0, conflict: 0 });
  });

  it('sends at most 50 per request and keeps going until all due rows are sent', async () => {
    const { engine, server } = setup();
    await queue(120);
    const report = await engine.sync('timer');
    expect(server.pushes.map((p) => p.items.length)).toEqual([50, 50, 20]);
    expect(report.sent).toBe(120);
    expect(server.held.size).toBe(120);
    expect(await storage().outbox.listOutbox()).toEqual([]);
  });

  it('a failing listener does not stop the sync', async () => {
    const { engine } = setup();
    engine.on(() => {
      throw new Error('broken screen');
    });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await queue();
    expect((await engine.sync('timer')).sent).toBe(1);
    spy.mockRestore();
  });
});

describe('sync engine: pull', () => {
  it('applies status changes, advances the cursor and remembers when', async () => {
    const { engine, server, clock, of } = setup();
    const [item] = await queue();
    await engine.sync('timer');
    expect(server.pulls).toEqual([{ since: 0, deviceId: DEVICE, protocol: '2' }]);

    server.setStatus(item!.id, 'received');
    server.setStatus(item!.id, 'supplement-requested', 'Thiếu giấy tờ chứng minh chỗ ở hợp pháp');
    clock.advance(5_000);
    const report = await engine.sync('focus');
    expect(report.pulled).toBe(2);
    expect(await storage().dossiers.getDossier(item!.id)).toMatchObject({
      status: 'supplement-requested',
      note: 'Thiếu giấy tờ chứng minh chỗ ở hợp pháp',
    });
    expect(await storage().settings.getSyncCursor()).toBe(2);
    expect(await storage().settings.getLastSyncAt()).toBe(clock.now());
    expect(of('status')[0]?.changes.map((c) => c.status)).toEqual(['received', 'supplement-requested']);

    await engine.sync('focus');
    expect(server.pulls.at(-1)).toMatchObject({ since: 2 });
    expect(server.requests.at(-1)?.url).toBe(`${BASE}/api/v1/sync/pull?since=2`);
  });

  it('does not move the cursor past a change for a dossier still waiting in the outbox', async () => {
    const { engine, server, clock } = setup();
    const [item] = await queue();
    // The server stores it, the answer is lost, an officer receives it before the phone retries.
    server.faults.push('lose-response');
    await engine.sync('timer');
    server.setStatus(item!.id, 'received');
    await storage().settings.setSyncCursor(0);
    await engine.sync('focus'); // not due yet: no push; the pull sees a change for a queued row
    expect(server.pushes).toHaveLength(1);
    expect(await storage().settings.getSyncCursor()).toBe(0);

    clock.advance(10_000);
    await engine.sync('timer'); // duplicate, then the pull brings the change again
    expect(await storage().dossiers.getDossier(item!.id)).toMatchObject({
      status: 'received',
      dossierCode: server.held.get(item!.id)?.dossierCode,
    });
    expect(await storage().settings.getSyncCursor()).toBe(1);
  });

  it('reads further pages while the server has more', async () => {
    const { engine, server } = setup();
    const items = await queue(5);
    await engine.sync('timer');
    for (const item of items) server.setStatus(item.id, 'processing');
    server.pullLimit = 2;
    const report = await engine.sync('focus');
    expect(report.pulled).toBe(5);
    expect(await storage().settings.getSyncCursor()).toBe(5);
    expect(server.pulls.slice(1).map((p) => p.since)).toEqual([0, 2, 4, 5]);
    expect((await storage().dossiers.listDossiers()).every((d) => d.status === 'processing')).toBe(true);
  });

  it('a failed pull keeps the cursor and the last sync time', async () => {
    const { engine, server } = setup();
    await storage().settings.setSyncCursor(7);
    server.faults.push({ status: 500 });
    const report = await engine.sync('focus');
    expect(report).toMatchObject({ pulled: 0, offline: false });
    expect(await storage().settings.getSyncCursor()).toBe(7);
    expect(await storage().settings.getLastSyncAt()).toBeNull();
  });
});
