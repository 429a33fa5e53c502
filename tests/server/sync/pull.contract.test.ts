/** GET /api/v1/sync/pull on every adapter: a device gets the changes of its own dossiers after its cursor. */
import { describe, expect, it } from 'vitest';
import type { StatusChange } from '../../../src/domain/protocol';
import { NOW, act, pull, pullPage, pushOneStored, type TestDevice } from '../fixtures';
import { STORE_BACKENDS, useTestServer } from '../stores';

describe.each(STORE_BACKENDS)('pull with $kind', (backend) => {
  const server = useTestServer(backend);
  const phone = (name?: string): Promise<TestDevice> => server.device(name);
  const pushOne = async (name?: string) => pushOneStored(server.app, await phone(name));
  const pullOk = async (since: number | string, name?: string) => pullPage(server.app, since, await phone(name));

  describe('GET /api/v1/sync/pull', () => {
    it('returns the "submitted" change of a stored dossier and a cursor, then nothing new after it', async () => {
      const { id, dossierCode } = await pushOne();
      const first = await pullOk(0);
      expect(first.protocol).toBe(2);
      expect(first.changes).toEqual([{ id, dossierCode, status: 'submitted', changedAt: NOW, seq: expect.any(Number) }]);
      expect(first.cursor).toBe(first.changes[0]?.seq);

      const again = await pullOk(first.cursor);
      expect(again).toEqual({ protocol: 2, changes: [], cursor: first.cursor });
    });

    it('shows an officer status change, with its note in NFC, in the next pull', async () => {
      const { id, dossierCode } = await pushOne();
      const { cursor } = await pullOk(0);
      server.setNow(NOW + 60_000);
      const note = 'Bổ sung bản sao giấy tờ chứng minh chỗ ở hợp pháp'.normalize('NFD');
      const res = await act(server.app, await server.officer(), dossierCode, 'request-supplement', note);
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
      const theirs = await pushOne('other');
      await act(server.app, await server.officer(), theirs.id, 'receive');
      const page = await pullOk(0);
      expect(page.changes.map((c: StatusChange) => c.id)).toEqual([mine.id]);
      const other = await pullOk(0, 'other');
      expect(other.changes.map((c) => [c.id, c.status])).toEqual([
        [theirs.id, 'submitted'],
        [theirs.id, 'received'],
      ]);
    });

    it("ignores ?device= and x-mcld-device: another phone's id in them brings nothing of that phone's", async () => {
      await pushOne('other');
      const other = await phone('other');
      const mine = await phone();
      const res = await server.app.request(`/api/v1/sync/pull?since=0&device=${other.deviceId}`, {
        headers: { ...mine.headers, 'x-mcld-device': other.deviceId },
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ protocol: 2, changes: [], cursor: 0 });
    });

    it('treats a missing since as the beginning', async () => {
      await pushOne();
      const res = await server.app.request('/api/v1/sync/pull', { headers: (await phone()).headers });
      expect((await res.json()) as unknown).toMatchObject({ changes: [expect.any(Object)] });
    });

    it.each(['abc', '-1', '1.5', '', '99999999999999999999'])('refuses since=%j as bad-request', async (since) => {
      const res = await pull(server.app, since, await phone());
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toBe('bad-request');
    });

    it('refuses a pull without a device credential, even naming a device the old way', async () => {
      await pushOne();
      const { deviceId } = await phone();
      for (const url of ['/api/v1/sync/pull?since=0', `/api/v1/sync/pull?since=0&device=${deviceId}`]) {
        const res = await server.app.request(url, { headers: { 'x-mcld-device': deviceId } });
        expect(res.status).toBe(401);
        expect(await res.json()).toMatchObject({ error: 'unauthorized' });
      }
    });

    it('refuses a client that announces an unknown protocol, or protocol 1, in the header', async () => {
      for (const version of ['7', '1']) {
        const res = await server.app.request('/api/v1/sync/pull?since=0', {
          headers: { ...(await phone()).headers, 'x-mcld-protocol': version },
        });
        expect(res.status).toBe(426);
        expect(await res.json()).toMatchObject({ error: 'protocol-unsupported', supported: [2] });
      }
    });
  });
});
