/** The server's per-item gate uses the same validator, with the units list, and accepts older registered versions. */
import { describe, expect, it } from 'vitest';
import { checkPushItem } from '../../../src/server/sync/push-request';
import { VALID } from './fixtures';
import { BA_DINH, TODAY } from './helpers';

const context = { communeCode: '00004', today: TODAY };
const item = (formVersion: number, answers: Record<string, unknown>) => ({
  id: '0b7e1c2a-3d4e-4f5a-8b6c-7d8e9f0a1b2c',
  formId: 'tam-tru-ct01',
  formVersion,
  communeCode: '00004',
  answers,
  submittedAt: 1,
  consent: { version: 'consent-dossier-2026-11-28', lang: 'vi', agreedAt: 1 },
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
    expect(check.ok && check.submission.answers.temporaryAddress).toMatchObject({ communeName: 'Phường Ba Đình', unitsVersion: '2026-07-25' });
  });
});
