/**
 * Device credentials (sync protocol 2) on every adapter: a resident's phone registers and gets a
 * secret the server keeps only hashed; every phone route needs it; a revoked device is told so.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deviceAuthorization, type DeviceCredential } from '../../../src/domain/protocol';
import { sha256Hex } from '../../../src/server/devices/device-credentials';
import { createApp } from '../../../src/server/http/app';
import { COMMUNE_CODE, NOW, makeSubmission, postJson, pull, push, pushRequest, registerDevice, type TestDevice } from '../fixtures';
import { STORE_BACKENDS, skipWhenUnavailable, useTestServer, type TestDatabase } from '../stores';

describe.each(STORE_BACKENDS)('the $kind device repository', (backend) => {
  let db: TestDatabase;
  skipWhenUnavailable(backend);
  beforeEach(async () => {
    db = await backend.createDatabase();
  });
  afterEach(async () => {
    await db?.cleanup();
  });

  it('stores a device, finds it with its hash, lists it, touches it and revokes it once', async () => {
    const store = await db.open();
    const id = crypto.randomUUID();
    await store.devices.createDevice({ id, communeCode: COMMUNE_CODE, kind: 'resident', secretHash: 'ab'.repeat(32) }, NOW);
    expect(await store.devices.findDevice(id)).toEqual({
      id,
      communeCode: COMMUNE_CODE,
      kind: 'resident',
      secretHash: 'ab'.repeat(32),
      createdAt: NOW,
      lastSeenAt: NOW,
    });
    expect(await store.devices.findDevice(crypto.randomUUID())).toBeNull();
    await store.devices.touchDevice(id, NOW + 1000);
    expect(await store.devices.listDevices(COMMUNE_CODE)).toEqual([
      { id, communeCode: COMMUNE_CODE, kind: 'resident', createdAt: NOW, lastSeenAt: NOW + 1000 },
    ]);
    expect(await store.devices.listDevices('00004')).toEqual([]);
    expect(await store.devices.revokeDevice(id, '00004', NOW + 2000)).toBe(false);
    expect(await store.devices.revokeDevice(id, COMMUNE_CODE, NOW + 2000)).toBe(true);
    expect(await store.devices.revokeDevice(id, COMMUNE_CODE, NOW + 3000)).toBe(false);
    expect((await store.devices.findDevice(id))?.revokedAt).toBe(NOW + 2000);
  });
});

describe.each(STORE_BACKENDS)('device credentials with $kind', (backend) => {
  const server = useTestServer(backend);

  it('registers a resident phone: 201 with an id and a 256-bit secret, stored only as its SHA-256', async () => {
    const res = await postJson(server.app, '/api/v1/devices/register', { protocol: 2 });
    expect(res.status).toBe(201);
    const body = (await res.json()) as DeviceCredential;
    expect(body).toEqual({ deviceId: expect.stringMatching(/^[0-9a-f-]{36}$/), secret: expect.any(String), kind: 'resident' });
    expect(Buffer.from(body.secret, 'base64url')).toHaveLength(32);
    const rows = await server.db.rows('SELECT * FROM devices');
    expect(rows).toEqual([expect.objectContaining({ id: body.deviceId, kind: 'resident', commune_code: COMMUNE_CODE, staff_id: null })]);
    expect(rows[0]!.secret_hash).toBe(sha256Hex(body.secret));
    expect(JSON.stringify(rows)).not.toContain(body.secret);
  });

  it('gives every phone its own credential', async () => {
    const [a, b] = [await registerDevice(server.app), await registerDevice(server.app)];
    expect(a.deviceId).not.toBe(b.deviceId);
    expect(a.secret).not.toBe(b.secret);
  });

  it.each([
    ['protocol 1', { protocol: 1 }],
    ['no protocol', {}],
    ['a future protocol', { protocol: 3 }],
  ])('refuses to register a phone speaking %s with 426, registering nothing', async (_name, body) => {
    const res = await postJson(server.app, '/api/v1/devices/register', body);
    expect(res.status).toBe(426);
    expect(await res.json()).toMatchObject({ error: 'protocol-unsupported', supported: [2] });
    expect(await server.db.rows('SELECT id FROM devices')).toEqual([]);
  });

  it('refuses self-registration with 403 when the commune runs with RESIDENT_SUBMISSIONS=off', async () => {
    const app = createApp({ stores: server.stores, communeCode: COMMUNE_CODE, now: () => NOW, residentSubmissions: false });
    const res = await postJson(app, '/api/v1/devices/register', { protocol: 2 });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'resident-submissions-off' });
    expect(await server.db.rows('SELECT id FROM devices')).toEqual([]);
  });

  it('tells a phone who it is at GET /api/v1/devices/me', async () => {
    const phone = await server.device();
    const res = await server.app.request('/api/v1/devices/me', { headers: phone.headers });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ deviceId: phone.deviceId, kind: 'resident' });
  });

  /** Every phone route, as a request this device would make. */
  function phoneRoutes(device: TestDevice | null): Array<[string, () => Promise<Response>]> {
    const headers = device?.headers ?? {};
    const blob = 'a'.repeat(64);
    return [
      ['push', () => postJson(server.app, '/api/v1/sync/push', pushRequest([makeSubmission()]), headers)],
      ['pull', () => Promise.resolve(server.app.request('/api/v1/sync/pull?since=0', { headers }))],
      ['blob HEAD', () => Promise.resolve(server.app.request(`/api/v1/blobs/${blob}`, { method: 'HEAD', headers }))],
      [
        'blob PUT',
        () =>
          Promise.resolve(
            server.app.request(`/api/v1/blobs/${blob}`, {
              method: 'PUT',
              headers: { 'content-type': 'image/jpeg', ...headers },
              body: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
            }),
          ),
      ],
      ['me', () => Promise.resolve(server.app.request('/api/v1/devices/me', { headers }))],
    ];
  }

  async function expectNothingStored(): Promise<void> {
    expect(await server.db.rows('SELECT id FROM dossiers')).toEqual([]);
    expect(await server.db.rows('SELECT sha256 FROM blobs')).toEqual([]);
  }

  it('answers 401 unauthorized on every phone route without a credential, or with a wrong one, storing nothing', async () => {
    const phone = await server.device();
    const wrongSecret = { ...phone, headers: { authorization: deviceAuthorization(phone.deviceId, 'x'.repeat(43)) } };
    const unknownDevice = { ...phone, headers: { authorization: deviceAuthorization(crypto.randomUUID(), phone.secret) } };
    const malformed = { ...phone, headers: { authorization: `Device ${phone.deviceId}:${phone.secret}` } };
    for (const device of [null, wrongSecret, unknownDevice, malformed]) {
      for (const [name, request] of phoneRoutes(device)) {
        const res = await request();
        expect(res.status, name).toBe(401);
        if (name !== 'blob HEAD') expect(await res.json(), name).toMatchObject({ error: 'unauthorized' });
      }
    }
    await expectNothingStored();
  });

  it('answers 401 device-revoked on every phone route once the device is revoked, storing nothing', async () => {
    const phone = await server.device();
    expect(await server.stores.devices.revokeDevice(phone.deviceId, COMMUNE_CODE, NOW)).toBe(true);
    for (const [name, request] of phoneRoutes(phone)) {
      const res = await request();
      expect(res.status, name).toBe(401);
      if (name !== 'blob HEAD') expect(await res.json(), name).toMatchObject({ error: 'device-revoked' });
    }
    await expectNothingStored();
  });

  it("refuses another commune's device: it is unknown here", async () => {
    const elsewhere = createApp({ stores: server.stores, communeCode: '00004', now: () => NOW });
    const theirs = await registerDevice(elsewhere);
    const res = await push(server.app, theirs, pushRequest([makeSubmission()]));
    expect(res.status).toBe(401);
    expect((await pull(server.app, 0, theirs)).status).toBe(401);
    await expectNothingStored();
  });

  it('records when a device was last seen, at most every few minutes', async () => {
    const phone = await server.device();
    const seen = async () =>
      Number((await server.db.rows('SELECT last_seen_at FROM devices WHERE id = ?', phone.deviceId))[0]!.last_seen_at);
    server.setNow(NOW + 60_000);
    await pull(server.app, 0, phone);
    expect(await seen()).toBe(NOW);
    server.setNow(NOW + 10 * 60_000);
    await pull(server.app, 0, phone);
    expect(await seen()).toBe(NOW + 10 * 60_000);
  });
});
