import { describe, expect, it } from 'vitest';
import type { PullResponse, PushResponse, StatusChange } from '../../src/domain/protocol';
import { createApp } from '../../src/server/http/app';
import {
  COMMUNE_CODE,
  NOW,
  OTHER_DEVICE_ID,
  makeSubmission,
  postJson,
  pull,
  pushRequest,
  setStatus,
} from './fixtures';
import { STORE_BACKENDS, useTestServer } from './stores';

describe.each(STORE_BACKENDS)('pull and officer status with $kind', (backend) => {
  const server = useTestServer(backend);

  async function pushOne(deviceId?: string): Promise<{ id: string; dossierCode: string }> {
    const item = makeSubmission();
    const res = await postJson(server.app, '/api/v1/sync/push', pushRequest([item], deviceId));
    const [result] = ((await res.json()) as PushResponse).results;
    if (result?.outcome !== 'stored') throw new Error(`push failed: ${JSON.stringify(result)}`);
    return { id: item.id, dossierCode: result.dossierCode };
  }

  async function pullOk(since: number | string, deviceId?: string): Promise<PullResponse> {
    const res = await pull(server.app, since, deviceId);
    expect(res.status).toBe(200);
    return (await res.json()) as PullResponse;
  }

  describe('GET /api/v1/sync/pull', () => {
    it('returns the "received" change of a stored dossier and a cursor, then nothing new after it', async () => {
      const { id, dossierCode } = await pushOne();
      const first = await pullOk(0);
      expect(first.protocol).toBe(1);
      expect(first.changes).toEqual([{ id, dossierCode, status: 'received', changedAt: NOW, seq: expect.any(Number) }]);
      expect(first.cursor).toBe(first.changes[0]?.seq);

      const again = await pullOk(first.cursor);
      expect(again).toEqual({ protocol: 1, changes: [], cursor: first.cursor });
    });

    it('shows an officer status change, with its note in NFC, in the next pull', async () => {
      const { id, dossierCode } = await pushOne();
      const { cursor } = await pullOk(0);
      server.setNow(NOW + 60_000);
      const note = 'Bổ sung bản sao giấy tờ chứng minh chỗ ở hợp pháp'.normalize('NFD');
      const res = await setStatus(server.app, { id: dossierCode, status: 'supplement-requested', note });
      expect(res.status).toBe(200);

      const next = await pullOk(cursor);
      expect(next.changes).toEqual([
        { id, dossierCode, status: 'supplement-requested', note: note.normalize('NFC'), changedAt: NOW + 60_000, seq: expect.any(Number) },
      ]);
      expect(next.cursor).toBeGreaterThan(cursor);
      expect((await server.stores.dossiers.getDossier(id))?.status).toBe('supplement-requested');
    });

    it("never returns other devices' dossiers", async () => {
      const mine = await pushOne();
      const theirs = await pushOne(OTHER_DEVICE_ID);
      await setStatus(server.app, { id: theirs.id, status: 'processing' });
      const page = await pullOk(0);
      expect(page.changes.map((c: StatusChange) => c.id)).toEqual([mine.id]);
      const other = await pullOk(0, OTHER_DEVICE_ID);
      expect(other.changes.map((c) => [c.id, c.status])).toEqual([
        [theirs.id, 'received'],
        [theirs.id, 'processing'],
      ]);
    });

    it('accepts the device id as a query parameter too', async () => {
      const { id } = await pushOne();
      const res = await server.app.request('/api/v1/sync/pull?since=0&device=device-aaaa-1111');
      expect(((await res.json()) as PullResponse).changes.map((c) => c.id)).toEqual([id]);
    });

    it('treats a missing since as the beginning', async () => {
      await pushOne();
      const res = await server.app.request('/api/v1/sync/pull', { headers: { 'x-mcld-device': 'device-aaaa-1111' } });
      expect(((await res.json()) as PullResponse).changes).toHaveLength(1);
    });

    it.each(['abc', '-1', '1.5', '', '99999999999999999999'])('refuses since=%j as bad-request', async (since) => {
      const res = await pull(server.app, since);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toBe('bad-request');
    });

    it('refuses a pull without a device id', async () => {
      const res = await server.app.request('/api/v1/sync/pull?since=0');
      expect(res.status).toBe(400);
    });

    it('refuses a client that announces an unknown protocol in the header', async () => {
      const res = await server.app.request('/api/v1/sync/pull?since=0', { headers: { 'x-mcld-device': 'd1', 'x-mcld-protocol': '7' } });
      expect(res.status).toBe(426);
      expect(await res.json()).toMatchObject({ error: 'protocol-unsupported', supported: [1] });
    });
  });

  describe('POST /api/v1/officer/status', () => {
    it('does not exist when no officer token is configured', async () => {
      const app = createApp({ stores: server.stores, communeCode: COMMUNE_CODE });
      const { id } = await pushOne();
      const res = await setStatus(app, { id, status: 'processing' });
      expect(res.status).toBe(404);
      expect((await server.stores.dossiers.getDossier(id))?.status).toBe('received');
    });

    it('refuses a missing or wrong token and changes nothing', async () => {
      const { id } = await pushOne();
      const wrong = await setStatus(server.app, { id, status: 'refused' }, 'not-the-token');
      expect(wrong.status).toBe(401);
      const missing = await postJson(server.app, '/api/v1/officer/status', { id, status: 'refused' });
      expect(missing.status).toBe(401);
      expect((await pullOk(0)).changes).toHaveLength(1);
    });

    it('refuses a status outside the lifecycle, and an unknown dossier', async () => {
      const { id } = await pushOne();
      const bad = await setStatus(server.app, { id, status: 'lost' });
      expect(bad.status).toBe(400);
      const unknown = await setStatus(server.app, { id: '15865-250714-ZZZZZZ', status: 'processing' });
      expect(unknown.status).toBe(404);
      expect((await pullOk(0)).changes).toHaveLength(1);
    });

    it('refuses a note with control characters, or an id that cannot name a dossier, changing nothing', async () => {
      const { id } = await pushOne();
      for (const body of [
        { id, status: 'processing', note: 'Thiếu giấy tờ\u0000' },
        { id, status: 'processing', note: 'bell\u0007' },
        { id: `${id}\u0000`, status: 'processing' },
        { id: 'x'.repeat(65), status: 'processing' },
      ]) {
        const res = await setStatus(server.app, body);
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({ error: 'bad-request' });
      }
      expect((await pullOk(0)).changes).toHaveLength(1);
      const multiline = await setStatus(server.app, { id, status: 'supplement-requested', note: '1. Bản sao CCCD\r\n2.\tGiấy xác nhận' });
      expect(multiline.status).toBe(200);
    });

    it('answers the recorded change, found by id', async () => {
      const { id, dossierCode } = await pushOne();
      const res = await setStatus(server.app, { id, status: 'result-ready' });
      expect(await res.json()).toEqual({ id, dossierCode, status: 'result-ready', changedAt: NOW, seq: expect.any(Number) });
    });
  });
});
