/** GET /api/v1/sync/pull on every adapter: a device gets the changes of its own dossiers after its cursor. */
import { describe, expect, it } from 'vitest';
import type { PullResponse, StatusChange } from '../../../src/domain/protocol';
import { NOW, OTHER_DEVICE_ID, pull, pullPage, pushOneStored, setStatus } from '../fixtures';
import { STORE_BACKENDS, useTestServer } from '../stores';

describe.each(STORE_BACKENDS)('pull with $kind', (backend) => {
  const server = useTestServer(backend);
  const pushOne = (deviceId?: string) => pushOneStored(server.app, deviceId);
  const pullOk = (since: number | string, deviceId?: string) => pullPage(server.app, since, deviceId);

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
});
