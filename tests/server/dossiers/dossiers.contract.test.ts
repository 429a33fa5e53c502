/**
 * The DossierRepository contract on every adapter: dossiers found by id or code, and the
 * officer's status route that records the office's decisions.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/http/app';
import { COMMUNE_CODE, NOW, SENDER, makeAccepted, postJson, pullPage, pushOneStored, setStatus } from '../fixtures';
import { STORE_BACKENDS, skipWhenUnavailable, useTestServer, type TestDatabase } from '../stores';

/** Fixture submissions are already valid and normalised, so they stand for accepted ones. */
const accepted = makeAccepted;

describe.each(STORE_BACKENDS)('the $kind dossier repository', (backend) => {
  let db: TestDatabase;
  skipWhenUnavailable(backend);
  beforeEach(async () => {
    db = await backend.createDatabase();
  });
  afterEach(async () => {
    await db?.cleanup();
  });

  it('finds a dossier by its code as well as by its id', async () => {
    const store = await db.open();
    const item = accepted();
    const [stored] = await store.sync.pushBatch(SENDER, [item], NOW);
    const code = (stored as { dossierCode: string }).dossierCode;
    expect((await store.dossiers.getDossier(code))?.id).toBe(item.id);
    expect(await store.dossiers.getDossier('15865-250714-ZZZZZZ')).toBeNull();
    expect(await store.dossiers.setStatus('15865-250714-ZZZZZZ', 'processing', undefined, NOW)).toBeNull();
  });
});

describe.each(STORE_BACKENDS)('officer status with $kind', (backend) => {
  const server = useTestServer(backend);
  const pushOne = async () => pushOneStored(server.app, await server.device());
  const pullOk = async (since: number | string) => pullPage(server.app, since, await server.device());

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
