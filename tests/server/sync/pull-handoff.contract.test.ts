/** After a hand-off every phone that sent a dossier (stored or duplicate) follows its status; a conflicting one does not. */
import { describe, expect, it } from 'vitest';
import type { PullResponse, PushResponse, Submission } from '../../../src/domain/protocol';
import type { ActionResponse } from '../../../src/server/dossiers/dossier-routes';
import { COMMUNE_CODE, NOW, act, makeSubmission, pull, push as pushAs, pushRequest } from '../fixtures';
import { STORE_BACKENDS, useTestServer } from '../stores';

/** The phones of these tests, by name: each is registered with the server on first use. */
const DEVICE_ID = 'a';
const OTHER_DEVICE_ID = 'b';
const THIRD_DEVICE_ID = 'c';
const FOURTH_DEVICE_ID = 'd';

describe.each(STORE_BACKENDS)('pull after a hand-off with $kind', (backend) => {
  const server = useTestServer(backend);

  async function push(items: Submission[], deviceId: string): Promise<PushResponse['results']> {
    const res = await pushAs(server.app, await server.device(deviceId), pushRequest(items));
    expect(res.status).toBe(200);
    return ((await res.json()) as PushResponse).results;
  }

  async function pulled(deviceId: string, since = 0): Promise<PullResponse> {
    const res = await pull(server.app, since, await server.device(deviceId));
    expect(res.status).toBe(200);
    return (await res.json()) as PullResponse;
  }

  const statuses = (page: PullResponse): [string, string][] => page.changes.map((c) => [c.id, c.status]);

  it('lets the phone whose later push was a duplicate follow the dossier, and keeps the first sender following it', async () => {
    const item = makeSubmission();
    // Phone B imported A's outbox and sent it first; A sends the same dossier afterwards.
    expect((await push([item], OTHER_DEVICE_ID))[0]).toMatchObject({ outcome: 'stored' });
    const [again] = await push([item], DEVICE_ID);
    if (again?.outcome !== 'duplicate') throw new Error(`expected duplicate: ${JSON.stringify(again)}`);

    const first = await pulled(DEVICE_ID);
    expect(first.changes).toEqual([
      { id: item.id, dossierCode: again.dossierCode, status: 'submitted', changedAt: NOW, seq: expect.any(Number) },
    ]);

    server.setNow(NOW + 60_000);
    expect((await act(server.app, await server.officer(), item.id, 'receive')).status).toBe(200);
    const next = await pulled(DEVICE_ID, first.cursor);
    expect(statuses(next)).toEqual([[item.id, 'received']]);
    expect(next.cursor).toBeGreaterThan(first.cursor);
    expect(statuses(await pulled(OTHER_DEVICE_ID))).toEqual([
      [item.id, 'submitted'],
      [item.id, 'received'],
    ]);
    // The first sender stays the dossier's device; the link is recorded once however often A retries.
    expect((await server.stores.dossiers.getDossier(item.id))?.deviceId).toBe((await server.device(OTHER_DEVICE_ID)).deviceId);
    await push([item], DEVICE_ID);
    expect(statuses(await pulled(DEVICE_ID))).toEqual([
      [item.id, 'submitted'],
      [item.id, 'received'],
    ]);
    const links = await server.db.rows(
      'SELECT device_id, commune_code FROM dossier_devices WHERE dossier_id = ? ORDER BY device_id',
      item.id,
    );
    const ids = [(await server.device(DEVICE_ID)).deviceId, (await server.device(OTHER_DEVICE_ID)).deviceId].sort();
    expect(links).toEqual(ids.map((device_id) => ({ device_id, commune_code: COMMUNE_CODE })));
  });

  it('gives nothing to a phone whose push was a conflict, nor to a phone that never sent the dossier', async () => {
    const item = makeSubmission();
    expect((await push([item], OTHER_DEVICE_ID))[0]).toMatchObject({ outcome: 'stored' });
    const changed = { ...item, answers: { ...item.answers, reason: 'Đi học' } };
    const [conflict] = await push([changed], THIRD_DEVICE_ID);
    // The third phone never sent this dossier: it learns that the id is taken, not whose code it has.
    expect(conflict).toEqual({ id: item.id, outcome: 'conflict' });
    expect((await act(server.app, await server.officer(), item.id, 'receive')).status).toBe(200);

    expect(await pulled(THIRD_DEVICE_ID)).toEqual({ protocol: 2, changes: [], cursor: 0 });
    expect(await pulled(FOURTH_DEVICE_ID)).toEqual({ protocol: 2, changes: [], cursor: 0 });
    expect(statuses(await pulled(OTHER_DEVICE_ID))).toEqual([
      [item.id, 'submitted'],
      [item.id, 'received'],
    ]);
  });

  it('links a duplicate within a batch that also stores new dossiers, in seq order across both', async () => {
    const handed = makeSubmission();
    const own = makeSubmission();
    await push([handed], OTHER_DEVICE_ID);
    const results = await push([own, handed], DEVICE_ID);
    expect(results.map((r) => r.outcome)).toEqual(['stored', 'duplicate']);
    await act(server.app, await server.officer(), handed.id, 'receive');
    await act(server.app, await server.officer(), handed.id, 'start-processing');
    await act(server.app, await server.officer(), handed.id, 'record-result');
    const page = await pulled(DEVICE_ID);
    expect(statuses(page)).toEqual([
      [handed.id, 'submitted'],
      [own.id, 'submitted'],
      [handed.id, 'received'],
      [handed.id, 'processing'],
      [handed.id, 'result-ready'],
    ]);
    expect(page.changes.map((c) => c.seq)).toEqual([...page.changes.map((c) => c.seq)].sort((a, b) => a - b));
    expect(statuses(await pulled(OTHER_DEVICE_ID))).toEqual([
      [handed.id, 'submitted'],
      [handed.id, 'received'],
      [handed.id, 'processing'],
      [handed.id, 'result-ready'],
    ]);
  });

  it('answers a first store with the status it just recorded', async () => {
    const item = makeSubmission();
    const [stored] = await push([item], DEVICE_ID);
    const page = await pulled(DEVICE_ID);
    expect(page.changes).toHaveLength(1);
    expect(stored).toMatchObject({ outcome: 'stored', status: 'submitted', statusSeq: page.changes[0]!.seq });
    expect(stored).not.toHaveProperty('statusNote');
  });

  it('answers a duplicate with the current status, so the phone sees changes below its pull cursor', async () => {
    const item = makeSubmission();
    const own = makeSubmission();
    await push([own], DEVICE_ID);
    expect((await push([item], OTHER_DEVICE_ID))[0]).toMatchObject({ outcome: 'stored' });
    server.setNow(NOW + 60_000);
    const note = 'Bổ sung bản sao giấy khai sinh';
    const res = await act(server.app, await server.officer(), item.id, 'request-supplement', note);
    expect(res.status).toBe(200);
    const { change } = (await res.json()) as ActionResponse;
    // Phone A's cursor moves past the officer's change before A is linked to the dossier.
    await act(server.app, await server.officer(), own.id, 'receive');
    const before = await pulled(DEVICE_ID);
    expect(before.cursor).toBeGreaterThan(change.seq);

    const [again] = await push([item], DEVICE_ID);
    expect(again).toEqual({
      id: item.id,
      outcome: 'duplicate',
      dossierCode: change.dossierCode,
      receivedAt: NOW,
      status: 'supplement-requested',
      statusNote: note,
      statusSeq: change.seq,
    });
    expect((await pulled(DEVICE_ID, before.cursor)).changes).toEqual([]);
  });
});
