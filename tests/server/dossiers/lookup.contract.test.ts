/**
 * POST /api/v1/lookup on every adapter: a second phone follows a dossier by its code and the last
 * 4 digits of the applicant's CCCD or phone number, gets the status and its date (nothing
 * personal), and from then on pulls its changes; every kind of miss answers the same 404
 * lookup-failed and links nothing; misses are throttled per address, device and code.
 */
import { describe, expect, it } from 'vitest';
import { LOOKUP_FIRST_WAIT_MS, LOOKUP_FREE_TRIES, type LookupAnswer } from '../../../src/domain/dossier-lookup';
import { NOW, act, postJson, pullPage, pushOneStored, type TestDevice } from '../fixtures';
import { STORE_BACKENDS, useTestServer } from '../stores';

// The fixture applicant: CCCD 038190012345, phone 0912345678.
const CCCD_TAIL = '2345';
const PHONE_TAIL = '5678';

describe.each(STORE_BACKENDS)('dossier lookup with $kind', (backend) => {
  const server = useTestServer(backend);

  function lookup(device: TestDevice, dossierCode: string, digits: string): Promise<Response> {
    return postJson(server.app, '/api/v1/lookup', { dossierCode, digits }, device.headers);
  }

  it('answers the status and its date only, and the follower pulls the next change', async () => {
    const sender = await server.device('sender');
    const follower = await server.device('follower');
    const { id, dossierCode } = await pushOneStored(server.app, sender);
    const before = await pullPage(server.app, 0, follower);
    expect(before.changes).toEqual([]);

    const res = await lookup(follower, dossierCode.toLowerCase(), ` ${CCCD_TAIL} `);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/038190012345|0912345678|Nguyễn/);
    const answer = JSON.parse(text) as LookupAnswer;
    expect(answer.formId).toBeTruthy();
    expect(answer.change).toMatchObject({ id, dossierCode, changedAt: NOW });
    expect(['submitted', 'received']).toContain(answer.change.status);
    expect(Object.keys(answer).sort()).toEqual(['change', 'formId', 'protocol']);

    const officer = await server.officer();
    expect((await act(server.app, officer, dossierCode, 'refuse', 'Thiếu giấy tờ')).status).toBe(200);
    const after = await pullPage(server.app, answer.change.seq, follower);
    expect(after.changes.map((c) => [c.id, c.status])).toEqual([[id, 'refused']]);
    // The phone number's tail works as well, and a second lookup changes nothing.
    expect((await lookup(follower, dossierCode, PHONE_TAIL)).status).toBe(200);
    const links = await server.db.rows('SELECT device_id FROM dossier_devices WHERE dossier_id = ? ORDER BY device_id', id);
    expect(links.map((row) => row.device_id).sort()).toEqual([follower.deviceId, sender.deviceId].sort());
    const audit = await server.db.rows("SELECT actor_id, target_id FROM audit_log WHERE action = 'dossier.followed'");
    expect(audit[0]).toMatchObject({ actor_id: follower.deviceId, target_id: id });
  });

  it('gives every miss the same answer and links nothing', async () => {
    const sender = await server.device('sender');
    const guesser = await server.device('guesser');
    const { id, dossierCode } = await pushOneStored(server.app, sender);
    const unknownCode = dossierCode.replace(/.{6}$/, 'ZZZZZZ');
    const otherCommune = dossierCode.replace(/^\d{5}/, '99999');
    const bodies = new Set<string>();
    for (const [code, digits] of [
      [dossierCode, '9999'],
      [unknownCode, CCCD_TAIL],
      [otherCommune, CCCD_TAIL],
    ] as const) {
      const res = await lookup(guesser, code, digits);
      expect(res.status).toBe(404);
      bodies.add(await res.text());
    }
    expect(bodies.size).toBe(1);
    expect(JSON.parse([...bodies][0]!)).toMatchObject({ error: 'lookup-failed' });
    expect(
      await server.db.rows('SELECT device_id FROM dossier_devices WHERE dossier_id = ? AND device_id = ?', id, guesser.deviceId),
    ).toEqual([]);
  });

  it('refuses malformed input with 400 and a phone without a credential with 401', async () => {
    const device = await server.device();
    const { dossierCode } = await pushOneStored(server.app, device);
    expect((await lookup(device, dossierCode, '12')).status).toBe(400);
    expect((await lookup(device, 'not-a-code', CCCD_TAIL)).status).toBe(400);
    const anonymous = await postJson(server.app, '/api/v1/lookup', { dossierCode, digits: CCCD_TAIL });
    expect(anonymous.status).toBe(401);
  });

  it('makes a guesser wait after the free tries, longer each time, even for the right digits', async () => {
    const sender = await server.device('sender');
    const guesser = await server.device('guesser');
    const { dossierCode } = await pushOneStored(server.app, sender);
    for (let i = 0; i < LOOKUP_FREE_TRIES; i++) expect((await lookup(guesser, dossierCode, `000${i}`)).status).toBe(404);
    const blocked = await lookup(guesser, dossierCode, CCCD_TAIL);
    expect(blocked.status).toBe(429);
    expect(await blocked.json()).toMatchObject({ error: 'rate-limited' });
    expect(Number(blocked.headers.get('Retry-After'))).toBe(LOOKUP_FIRST_WAIT_MS / 1000);
    // Another phone behind the same address, asking for the same code, waits too.
    const other = await server.device('other');
    expect((await lookup(other, dossierCode, CCCD_TAIL)).status).toBe(429);

    server.setNow(NOW + LOOKUP_FIRST_WAIT_MS + 1);
    expect((await lookup(guesser, dossierCode, '0009')).status).toBe(404);
    const longer = await lookup(guesser, dossierCode, CCCD_TAIL);
    expect(longer.status).toBe(429);
    expect(Number(longer.headers.get('Retry-After'))).toBe((2 * LOOKUP_FIRST_WAIT_MS) / 1000);

    server.setNow(NOW + 4 * LOOKUP_FIRST_WAIT_MS);
    expect((await lookup(other, dossierCode, CCCD_TAIL)).status).toBe(200);
  });
});
