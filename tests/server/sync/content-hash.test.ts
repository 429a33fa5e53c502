/** The content hash that decides "same dossier?" for retries (see decidePush). */
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHashOf } from '../../../src/server/sync/content-hash';
import { makeAccepted } from '../fixtures';

/** Fixture submissions are already valid and normalised, so they stand for accepted ones. */
const accepted = makeAccepted;

describe('content hashes', () => {
  it('hash content regardless of key order, and ignore submittedAt', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"y":2,"z":1}]},"b":1}');
    const item = accepted();
    const reordered = { ...item, submittedAt: 1, answers: Object.fromEntries(Object.entries(item.answers).reverse()) };
    expect(contentHashOf(reordered)).toBe(contentHashOf(item));
    expect(contentHashOf({ ...item, answers: { ...item.answers, reason: 'Đi học' } })).not.toBe(contentHashOf(item));
    expect(contentHashOf({ ...item, communeCode: '00001' })).not.toBe(contentHashOf(item));
  });
});
