/**
 * Model-based test of the outbox and the sync engine: fast-check generates random interleavings
 * of draft edits, submits (and double submits), syncs through network faults, browser kills
 * (mid-request, before or after the server committed), clock jumps, late delivery of delayed
 * requests, re-imports and officer decisions. The real storage (fake-indexeddb), the real engine
 * and the in-memory server run them; a plain model says what the phone finalised.
 *
 * After every command: the server holds only dossiers the phone finalised, each stored exactly
 * once and with the finalised content; every finalised dossier is either still in the outbox or
 * answered (dossier row with the server's code), never both, never neither; drafts hold their
 * last edit. At the end, after a fault-free drain: the server's set equals the finalised set,
 * the outbox is empty, and every code and status on the phone matches the server.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DossierStatus, Submission } from '../../../src/domain/protocol';
import { createNamedPhoneStorage } from '../../../src/storage/phone-storage';
import { createSyncEngine, type SyncEngine } from '../../../src/sync/engine';
import { FakeServer, TEST_CREDENTIAL, type Fault } from './fake-server';
import { portsOf } from '../storage/fresh-storage';

const RUNS = Number(process.env.MODEL_RUNS ?? 1000);

type Cmd =
  | { kind: 'create' }
  | { kind: 'edit'; pick: number; value: string }
  | { kind: 'submit'; pick: number }
  | { kind: 'resubmit'; pick: number }
  | { kind: 'sync'; faults: Fault[]; reason: 'button' | 'timer' }
  | { kind: 'kill'; during: 'idle' | 'hang' | 'hang-after-commit' }
  | { kind: 'advance'; ms: number }
  | { kind: 'deliver-delayed'; pick: number }
  | { kind: 'reimport' }
  | { kind: 'officer'; pick: number; status: DossierStatus };

const FAULTS: Fault[] = [
  'offline',
  'lose-response',
  'not-json',
  'duplicate',
  'delay',
  { status: 503 },
  { status: 500, afterCommit: true },
  { status: 409, body: { message: 'whole batch refused by a proxy' } },
  { status: 429, body: { error: 'bad-request', message: 'slow down' } },
];

const cmdArb: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Cmd>({ kind: 'create' }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), value: fc.string({ maxLength: 6 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('submit' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resubmit' as const), pick: fc.nat() }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      faults: fc.array(fc.constantFrom(...FAULTS), { maxLength: 3 }),
      reason: fc.constantFrom('button' as const, 'timer' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('kill' as const),
      during: fc.constantFrom('idle' as const, 'hang' as const, 'hang-after-commit' as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 1, max: 400_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deliver-delayed' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant<Cmd>({ kind: 'reimport' }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('officer' as const),
      pick: fc.nat(),
      status: fc.constantFrom<DossierStatus>('received', 'processing', 'supplement-requested', 'result-ready'),
    }),
  },
);

/** A small seeded PRNG for the engine's jitter, so a failing run replays exactly. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pickFrom = <T>(items: readonly T[], pick: number): T | undefined => (items.length === 0 ? undefined : items[pick % items.length]);

class World {
  time = 1_700_000_000_000;
  readonly server = new FakeServer(() => this.time);
  readonly random: () => number;
  engine: SyncEngine;
  /** Drafts the model believes exist, with their answers. */
  readonly drafts = new Map<string, Record<string, string>>();
  /** What the phone finalised (submitted), by id. */
  readonly finalised = new Map<string, Submission>();
  private requested: () => void = () => undefined;
  readonly phone = createNamedPhoneStorage(`model-${crypto.randomUUID()}`);
  readonly db = this.phone.db;

  constructor(seed: number) {
    this.random = mulberry32(seed);
    this.engine = this.newEngine();
  }

  /** A fresh engine, as a relaunched browser makes one; the old one may be stuck forever. */
  newEngine(): SyncEngine {
    return createSyncEngine({
      ...portsOf(this.phone),
      fetch: (input, init) => {
        this.requested();
        return this.server.fetch(input, init);
      },
      now: () => this.time,
      random: this.random,
      baseUrl: 'https://xa.example',
    });
  }

  async run(cmd: Cmd): Promise<void> {
    switch (cmd.kind) {
      case 'create': {
        const draft = await this.phone.drafts.createDraft('tam-tru-ct01', 1, this.time);
        this.drafts.set(draft.id, {});
        return;
      }
      case 'edit': {
        // Edits also hit submitted ids (a late debounced save): they must change nothing.
        const id = pickFrom([...this.drafts.keys(), ...this.finalised.keys()], cmd.pick);
        if (!id) return;
        const answers = { ...(this.drafts.get(id) ?? {}), fullName: cmd.value };
        await this.phone.drafts.saveDraft(id, { answers }, this.time);
        if (this.drafts.has(id)) this.drafts.set(id, answers);
        return;
      }
      case 'submit': {
        const id = pickFrom([...this.drafts.keys()], cmd.pick);
        if (!id) return;
        const draft = await this.phone.drafts.getDraft(id);
        const submission: Submission = {
          id,
          formId: 'tam-tru-ct01',
          formVersion: 1,
          communeCode: '00001',
          answers: draft!.answers,
          submittedAt: this.time,
        };
        await this.phone.outbox.enqueueSubmission(submission, 'x', this.time);
        this.drafts.delete(id);
        this.finalised.set(id, submission);
        return;
      }
      case 'resubmit': {
        // A double tap: the same id again, later, with a different time; the first one stands.
        const first = pickFrom([...this.finalised.values()], cmd.pick);
        if (first) await this.phone.outbox.enqueueSubmission({ ...first, submittedAt: first.submittedAt + 1 }, 'again', this.time);
        return;
      }
      case 'sync': {
        this.server.faults.push(...cmd.faults);
        await this.engine.sync(cmd.reason);
        this.server.faults.length = 0;
        return;
      }
      case 'kill': {
        if (cmd.during !== 'idle') {
          // The browser dies while a request is in flight: it never hears back, writes nothing more.
          const inFlight = new Promise<void>((resolve) => (this.requested = resolve));
          this.server.faults.push(cmd.during);
          void this.engine.sync('button');
          await inFlight;
          this.requested = () => undefined;
          this.server.faults.length = 0;
        }
        this.engine = this.newEngine();
        return;
      }
      case 'advance':
        this.time += cmd.ms;
        return;
      case 'deliver-delayed':
        if (this.server.delayed.length > 0) await this.server.deliverDelayed(cmd.pick % this.server.delayed.length);
        return;
      case 'reimport': {
        // The phone's own unsent dossiers come back in a hand-off file: nothing may change.
        const items = [...this.finalised.values()].map((submission) => ({ submission, label: 'file', queuedAt: 0 }));
        const summary = await this.phone.outbox.importSubmissions(items, this.time);
        expect(summary.added).toEqual([]);
        return;
      }
      case 'officer': {
        const id = pickFrom([...this.server.held.keys()], cmd.pick);
        if (id) this.server.setStatus(id, cmd.status);
        return;
      }
    }
  }

  /** The invariants that hold after every command. */
  async check(afterCompletedSync: boolean): Promise<void> {
    const outbox = await this.phone.outbox.listOutbox();
    const dossiers = await this.phone.dossiers.listDossiers();
    const drafts = await this.phone.drafts.listDrafts();
    const inOutbox = new Map(outbox.map((row) => [row.id, row]));
    const answered = new Map(dossiers.map((row) => [row.id, row]));

    for (const [id, held] of this.server.held) {
      expect(this.finalised.has(id), `server holds ${id} the phone never finalised`).toBe(true);
      expect(held.submission).toEqual(this.finalised.get(id));
    }
    for (const [id, count] of this.server.storeCounts) expect(count, `${id} stored ${count} times`).toBe(1);

    for (const [id, submission] of this.finalised) {
      const row = inOutbox.get(id);
      const dossier = answered.get(id);
      expect(Boolean(row) !== Boolean(dossier), `${id}: in outbox ${Boolean(row)}, answered ${Boolean(dossier)}`).toBe(true);
      if (row) {
        expect(row.submission).toEqual(submission);
        expect(['queued', 'sending']).toContain(row.state);
        if (afterCompletedSync) expect(row.state).toBe('queued');
      }
      // The outbox only empties for ids the server answered, and the phone keeps the server's code.
      if (dossier) expect(dossier.dossierCode).toBe(this.server.held.get(id)?.dossierCode);
    }
    expect(outbox.length).toBe(outbox.filter((row) => this.finalised.has(row.id)).length);
    expect(dossiers.every((row) => this.finalised.has(row.id))).toBe(true);
    expect(new Map(drafts.map((d) => [d.id, d.answers]))).toEqual(this.drafts);
  }

  /** The network comes back for good: late packets arrive, the phone syncs until nothing is left. */
  async drain(): Promise<void> {
    while (this.server.delayed.length > 0) await this.server.deliverDelayed();
    for (let round = 0; round < 5 && (await this.phone.outbox.listOutbox()).length > 0; round++) {
      this.time += 600_000;
      await this.engine.sync('timer');
    }
    // One more, for the pull that brings changes held back while answers were missing.
    await this.engine.sync('timer');
  }
}

describe('model: outbox + engine under random faults and restarts', () => {
  beforeAll(() => {
    // Hung requests must never time out later and write into the next run's database.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  it(`the server holds exactly what the phone finalised, once each (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cmdArb, { maxLength: 50 }), fc.integer(), async (cmds, seed) => {
        const world = new World(seed);
        // A phone that registered earlier: every sync, even with nothing to send, pulls.
        await world.phone.settings.setCredential(TEST_CREDENTIAL);
        try {
          for (const cmd of cmds) {
            await world.run(cmd);
            await world.check(cmd.kind === 'sync');
          }
          await world.drain();
          await world.check(true);
          expect(await world.phone.outbox.listOutbox()).toEqual([]);
          expect(new Set(world.server.held.keys())).toEqual(new Set(world.finalised.keys()));
          const dossiers = await world.phone.dossiers.listDossiers();
          expect(dossiers).toHaveLength(world.finalised.size);
          for (const dossier of dossiers) {
            const held = world.server.held.get(dossier.id)!;
            expect(dossier.dossierCode).toBe(held.dossierCode);
            const last = world.server.changes.filter((c) => c.id === dossier.id).at(-1);
            expect(dossier.status).toBe(last?.status ?? 'submitted');
          }
        } finally {
          world.db.close();
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
