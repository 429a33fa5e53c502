/** The shared push rule: store when nothing is held, duplicate for the same content, conflict for other content. */
import { describe, expect, it } from 'vitest';
import { decidePush, type HeldDossier } from '../../../src/domain/push-decision';

const ITEM = { id: '0b7e1c2a-3d4e-4f5a-8b6c-7d8e9f0a1b2c', contentHash: 'a'.repeat(64) };
const HELD: HeldDossier = { contentHash: ITEM.contentHash, dossierCode: '15865-250714-K7Q2MX', receivedAt: 1000 };

describe('decidePush', () => {
  it('stores an id nothing is held under', () => {
    expect(decidePush(ITEM, undefined)).toBe('store');
  });

  it('answers the same content as a duplicate with the first code and time, and the current status when known', () => {
    expect(decidePush(ITEM, HELD)).toEqual({ id: ITEM.id, outcome: 'duplicate', dossierCode: HELD.dossierCode, receivedAt: 1000 });
    const withStatus = { ...HELD, status: 'supplement-requested', statusSeq: 12, statusNote: 'Bổ sung' } as const;
    expect(decidePush(ITEM, withStatus)).toEqual({
      id: ITEM.id,
      outcome: 'duplicate',
      dossierCode: HELD.dossierCode,
      receivedAt: 1000,
      status: 'supplement-requested',
      statusSeq: 12,
      statusNote: 'Bổ sung',
    });
    expect(decidePush(ITEM, { ...HELD, status: 'received', statusSeq: 3 })).not.toHaveProperty('statusNote');
  });

  it('answers other content as a conflict naming the held code to a device that follows it, without status or time', () => {
    const followed = { ...HELD, status: 'processing', statusSeq: 4, followedBySender: true } as const;
    expect(decidePush({ ...ITEM, contentHash: 'b'.repeat(64) }, followed)).toEqual({
      id: ITEM.id,
      outcome: 'conflict',
      dossierCode: HELD.dossierCode,
    });
  });

  it('never names the held code to a device that does not follow the dossier', () => {
    for (const held of [HELD, { ...HELD, followedBySender: false }]) {
      const answer = decidePush({ ...ITEM, contentHash: 'b'.repeat(64) }, held);
      expect(answer).toEqual({ id: ITEM.id, outcome: 'conflict' });
      expect(answer).not.toHaveProperty('dossierCode');
    }
  });

  it('answers a duplicate with the code whether or not the device followed it before (a hand-off links it now)', () => {
    expect(decidePush(ITEM, { ...HELD, followedBySender: false })).toMatchObject({ outcome: 'duplicate', dossierCode: HELD.dossierCode });
  });
});
