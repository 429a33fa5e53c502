import { describe, expect, it } from 'vitest';
import { PIN_PBKDF2_ITERATIONS, createDataKey, decryptJson, encryptJson, rewrapDataKey, unwrapDataKey } from '../../../src/crypto/index';

// Fewer iterations keep the unit suite fast; one test runs the real count.
const FAST = 1_000;

describe('PIN wrap of the data key', () => {
  it('uses OWASP’s PBKDF2-SHA-256 figure by default', async () => {
    expect(PIN_PBKDF2_ITERATIONS).toBe(600_000);
    const { wrapped } = await createDataKey('246810');
    expect(wrapped.iterations).toBe(600_000);
    expect(wrapped.kdf).toBe('PBKDF2-SHA-256');
  });

  it('unwraps with the right PIN only, and the key is not extractable', async () => {
    const { dataKey, wrapped } = await createDataKey('246810', FAST);
    expect(dataKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', dataKey)).rejects.toThrow();
    const record = await encryptJson(dataKey, { fullName: 'Trần Thị Bình' }, 'drafts/1');
    const again = await unwrapDataKey('246810', wrapped);
    expect(again).toBeDefined();
    expect(await decryptJson(again!, record, 'drafts/1')).toEqual({ fullName: 'Trần Thị Bình' });
    expect(await unwrapDataKey('246811', wrapped)).toBeUndefined();
    expect(await unwrapDataKey('', wrapped)).toBeUndefined();
  });

  it('refuses a damaged wrapped key', async () => {
    const { wrapped } = await createDataKey('246810', FAST);
    const w = wrapped.wrapped;
    expect(await unwrapDataKey('246810', { ...wrapped, wrapped: (w[0] === 'A' ? 'B' : 'A') + w.slice(1) })).toBeUndefined();
    expect(await unwrapDataKey('246810', { ...wrapped, salt: '!!' })).toBeUndefined();
  });

  it('rewraps the same key under a new PIN', async () => {
    const { dataKey, wrapped } = await createDataKey('246810', FAST);
    const record = await encryptJson(dataKey, 42, 'x');
    expect(await rewrapDataKey('000000', '135792', wrapped)).toBeUndefined();
    const next = await rewrapDataKey('246810', '135792', wrapped);
    const key = await unwrapDataKey('135792', next!);
    expect(await decryptJson(key!, record, 'x')).toBe(42);
    expect(await unwrapDataKey('246810', next!)).toBeUndefined();
  });
});

describe('records at rest', () => {
  it('refuses a wrong scope, a wrong key and a tampered ciphertext', async () => {
    const a = await createDataKey('246810', FAST);
    const b = await createDataKey('246810', FAST);
    const record = await encryptJson(a.dataKey, { cccd: '001099012345' }, 'drafts/1');
    expect(new TextDecoder().decode(record.ct)).not.toContain('001099012345');
    expect(await decryptJson(a.dataKey, record, 'drafts/2')).toBeUndefined();
    expect(await decryptJson(b.dataKey, record, 'drafts/1')).toBeUndefined();
    const ct = new Uint8Array(record.ct.slice(0));
    ct[0] = ct[0]! ^ 1;
    expect(await decryptJson(a.dataKey, { ...record, ct: ct.buffer }, 'drafts/1')).toBeUndefined();
  });
});
