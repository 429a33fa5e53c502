/**
 * Visits on the phone: saved as drafts, queued as numbered versions (an edit after sending is a
 * new version), sent by the visit lane and removed only by a stored or duplicate answer; an
 * answer lost on the way is retried and answered duplicate, so the server keeps one copy; invalid
 * parks the visit with its reasons; offline waits with backoff; a resident phone sends none.
 */
import { describe, expect, it } from 'vitest';
import type { DeviceCredential } from '../../../src/domain/device-credential';
import type { Visit } from '../../../src/domain/visit';
import type { VisitPushRequest, VisitPushResult } from '../../../src/domain/visit-protocol';
import { createVisitLane, type LaneContext } from '../../../src/sync/visit-lane';
import { makeVisit } from '../../fixtures/visits';
import { useFreshStorage } from '../storage/fresh-storage';

const storage = useFreshStorage();
const STAFF: DeviceCredential = { deviceId: 'dev-1', secret: 's'.repeat(43), kind: 'staff' };

/** A server keeping (id, version) → content, that can drop its answer after storing. */
function fakeServer() {
  const kept = new Map<string, string>();
  const state = { requests: 0, dropAnswer: false, offline: false, invalid: new Set<string>() };
  const fetch = (async (_url: string, init?: RequestInit) => {
    state.requests += 1;
    if (state.offline) throw new TypeError('Failed to fetch');
    const body = JSON.parse(String(init?.body)) as VisitPushRequest;
    const results: VisitPushResult[] = body.items.map((visit: Visit) => {
      if (state.invalid.has(visit.id))
        return { id: visit.id, version: visit.version, outcome: 'invalid', errors: [{ field: 'note', code: 'looks-like-otp' }] };
      const key = `${visit.id}:${visit.version}`;
      const content = JSON.stringify({ ...visit, recordedAt: 0 });
      if (!kept.has(key)) {
        kept.set(key, content);
        return { id: visit.id, version: visit.version, outcome: 'stored' };
      }
      return { id: visit.id, version: visit.version, outcome: kept.get(key) === content ? 'duplicate' : 'conflict' };
    });
    if (state.dropAnswer) {
      state.dropAnswer = false;
      throw new TypeError('connection reset');
    }
    return new Response(JSON.stringify({ results }), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { kept, state, fetch };
}

function context(fetch: typeof globalThis.fetch, credential = STAFF, now = 1000): LaneContext {
  return { transport: { fetch, baseUrl: '', timeoutMs: 5000 }, credential, now: () => now, random: () => 0.5, ignoreBackoff: false };
}

describe('the visit lane', () => {
  it('tells when its earliest waiting visit is due, so the scheduler wakes for a visit alone', async () => {
    const server = fakeServer();
    const visits = storage().visits;
    const lane = createVisitLane(visits);
    expect(await lane.nextAttemptAt?.()).toBeNull();
    const visit = makeVisit();
    await visits.saveVisit(visit, 100);
    await visits.queueVisit(visit.id, 200);
    expect(await lane.nextAttemptAt?.()).toBe(0);
    server.state.offline = true;
    expect((await lane(context(server.fetch))).end).toBe('offline');
    const retryAt = await lane.nextAttemptAt?.();
    expect(retryAt).toBeGreaterThan(1000);
    server.state.offline = false;
    expect((await lane(context(server.fetch, STAFF, retryAt!))).sent).toBe(1);
    expect(await lane.nextAttemptAt?.()).toBeNull();
  });

  it('sends a queued visit once, even when the first answer is lost', async () => {
    const server = fakeServer();
    const visits = storage().visits;
    const visit = makeVisit();
    await visits.saveVisit(visit, 100);
    expect((await visits.getVisit(visit.id))?.state).toBe('draft');
    expect(await visits.queueVisit(visit.id, 200)).toBe(1);
    const lane = createVisitLane(visits);

    server.state.dropAnswer = true;
    expect((await lane(context(server.fetch))).end).toBe('offline');
    expect(server.kept.size).toBe(1);
    expect(await visits.pendingVisitCount()).toBe(1);
    // Backoff: not due yet at the same instant; due later.
    expect((await lane(context(server.fetch))).sent).toBe(0);
    expect((await lane(context(server.fetch, STAFF, 10_000_000))).sent).toBe(1);
    expect(server.kept.size).toBe(1);
    expect(await visits.pendingVisitCount()).toBe(0);
    expect(await visits.getVisit(visit.id)).toMatchObject({ state: 'sent', sentVersion: 1 });
  });

  it('queues an edit after sending as version 2 and keeps both on the server', async () => {
    const server = fakeServer();
    const visits = storage().visits;
    const visit = makeVisit();
    await visits.saveVisit(visit, 100);
    await visits.queueVisit(visit.id, 200);
    const lane = createVisitLane(visits);
    await lane(context(server.fetch));
    await visits.saveVisit({ ...visit, vneid: 'helped-level2' }, 300);
    expect((await visits.getVisit(visit.id))?.state).toBe('draft');
    expect(await visits.queueVisit(visit.id, 400)).toBe(2);
    await lane(context(server.fetch));
    expect([...server.kept.keys()].sort()).toEqual([`${visit.id}:1`, `${visit.id}:2`]);
    expect(await visits.getVisit(visit.id)).toMatchObject({ state: 'sent', sentVersion: 2 });
    expect(await visits.discardVisit(visit.id)).toBe(false);
  });

  it('parks a refused visit with its reasons, and sends nothing from a resident phone', async () => {
    const server = fakeServer();
    const visits = storage().visits;
    const visit = makeVisit();
    await visits.saveVisit(visit, 100);
    await visits.queueVisit(visit.id, 200);
    const lane = createVisitLane(visits);
    expect((await lane(context(server.fetch, { ...STAFF, kind: 'resident' }))).sent).toBe(0);
    expect(server.state.requests).toBe(0);
    server.state.invalid.add(visit.id);
    await lane(context(server.fetch));
    expect(await visits.getVisit(visit.id)).toMatchObject({ state: 'rejected', errors: [{ field: 'note', code: 'looks-like-otp' }] });
    expect(await visits.pendingVisitCount()).toBe(0);
  });
});
