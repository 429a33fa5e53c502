/** The app as a whole on every adapter: the health route names the store it runs on. */
import { describe, expect, it } from 'vitest';
import { STORE_BACKENDS, useTestServer } from '../stores';

describe.each(STORE_BACKENDS)('the app with $kind', (backend) => {
  const server = useTestServer(backend);

  describe('GET /api/v1/health', () => {
    it('answers ok with the protocol version and the store kind', async () => {
      const res = await server.app.request('/api/v1/health');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true, protocol: 2, store: backend.kind });
    });
  });
});
