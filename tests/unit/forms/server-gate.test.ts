/** The server's per-item gate uses the same validator, with the units list, and accepts older registered versions. */
import { describe, expect, it } from 'vitest';
import { SYNC_PROTOCOL_VERSION } from '../../../src/domain/protocol';
import { checkPushEnvelope, checkPushItem } from '../../../src/server/sync/push-request';
import { VALID } from './fixtures';
import { BA_DINH, TODAY } from './helpers';

/** Noon in Vietnam on TODAY: the server's clock the phone's timestamps are judged against. */
const NOW = Date.UTC(TODAY.year, TODAY.month - 1, TODAY.day, 5);
const context = { communeCode: '00004', today: TODAY, now: NOW };
const item = (formVersion: number, answers: Record<string, unknown>) => ({
  id: '0b7e1c2a-3d4e-4f5a-8b6c-7d8e9f0a1b2c',
  formId: 'tam-tru-ct01',
  formVersion,
  communeCode: '00004',
  answers,
  submittedAt: NOW - 60_000,
  consent: { version: 'consent-dossier-2026-11-28', lang: 'vi', agreedAt: NOW - 120_000 },
});

describe('checkPushItem', () => {
  it('accepts the latest CT01 and the older, still registered, version', () => {
    expect(checkPushItem(item(2, VALID['tam-tru-ct01@2']!), context).ok).toBe(true);
    expect(checkPushItem(item(1, VALID['tam-tru-ct01@1']!), context).ok).toBe(true);
  });

  it('checks address codes against the bundled units list', () => {
    const bad = { ...VALID['tam-tru-ct01@2'], temporaryAddress: { ...BA_DINH, communeCode: '15865' } };
    expect(checkPushItem(item(2, bad), context)).toEqual({
      ok: false,
      result: { id: expect.any(String), outcome: 'invalid', errors: [{ field: 'temporaryAddress', code: 'address-unit' }] },
    });
  });

  it('stores names from the list, whatever names the phone sent', () => {
    const sent = { ...VALID['tam-tru-ct01@2'], temporaryAddress: { ...BA_DINH, communeName: 'Phường Giả' } };
    const check = checkPushItem(item(2, sent), context);
    expect(check.ok && check.submission.answers.temporaryAddress).toMatchObject({
      communeName: 'Phường Ba Đình',
      unitsVersion: '2026-07-25',
    });
  });
});

describe('checkPushEnvelope', () => {
  const envelope = { protocol: SYNC_PROTOCOL_VERSION, items: [item(2, VALID['tam-tru-ct01@2']!)] };

  it('passes a good envelope with its items, and answers each kind of bad one with its status and code', () => {
    expect(checkPushEnvelope(envelope)).toEqual({ ok: true, items: envelope.items });
    // Protocol 2: the device is the credential's; a deviceId in the body, even a malformed one, is ignored.
    expect(checkPushEnvelope({ ...envelope, deviceId: 'a b' })).toEqual({ ok: true, items: envelope.items });
    const refused = (body: unknown) => {
      const check = checkPushEnvelope(body);
      return check.ok ? 'ok' : [check.status, check.error];
    };
    expect(refused(null)).toEqual([400, 'bad-request']);
    expect(refused({ ...envelope, protocol: 1 })).toEqual([426, 'protocol-unsupported']);
    expect(refused({ ...envelope, protocol: 3 })).toEqual([426, 'protocol-unsupported']);
    expect(refused({ ...envelope, items: 'none' })).toEqual([400, 'bad-request']);
    expect(refused({ ...envelope, items: Array.from({ length: 51 }, () => envelope.items[0]) })).toEqual([413, 'too-many-items']);
    expect(refused({ ...envelope, items: [{ formId: 'tam-tru-ct01' }] })).toEqual([400, 'bad-request']);
  });

  it('reads no field from a prototype, whether a __proto__ key in JSON or a real prototype', () => {
    const json = JSON.parse('{"__proto__": {"protocol": 2, "items": []}}') as unknown;
    expect(checkPushEnvelope(json)).toMatchObject({ ok: false, status: 426 });
    const inherited = Object.assign(Object.create({ id: '0b7e1c2a-3d4e-4f5a-8b6c-7d8e9f0a1b2c' }), { formId: 'tam-tru-ct01' });
    expect(checkPushEnvelope({ ...envelope, items: [inherited] })).toMatchObject({ ok: false, status: 400 });
    const consent = Object.assign(Object.create({ lang: 'vi' }), { version: 'consent-dossier-2026-11-28', agreedAt: NOW - 120_000 });
    expect(checkPushItem({ ...item(2, VALID['tam-tru-ct01@2']!), consent }, context)).toEqual({
      ok: false,
      result: { id: expect.any(String), outcome: 'invalid', errors: [{ field: 'consent', code: 'wrong-type' }] },
    });
  });
});
