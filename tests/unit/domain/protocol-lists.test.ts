/** The protocol's named lists: complete, without repeats, and the dossier code shape matches what makeDossierCode writes. */
import { describe, expect, it } from 'vitest';
import { DOSSIER_CODE, DOSSIER_CODE_ALPHABET, makeDossierCode } from '../../../src/domain/dossier-code';
import { DOSSIER_STATUSES, PROTOCOL_ERRORS, PUSH_OUTCOMES } from '../../../src/domain/protocol';
import { VALIDATION_CODES } from '../../../src/domain/validation-codes';

describe('protocol lists', () => {
  it.each([
    ['DOSSIER_STATUSES', DOSSIER_STATUSES],
    ['PUSH_OUTCOMES', PUSH_OUTCOMES],
    ['PROTOCOL_ERRORS', PROTOCOL_ERRORS],
    ['VALIDATION_CODES', VALIDATION_CODES],
  ])('%s has no repeats and only kebab-case codes', (_name, list) => {
    expect(new Set(list).size).toBe(list.length);
    for (const code of list) expect(code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
  });

  it('keeps the lifecycle in order and names the server-only error codes', () => {
    expect(DOSSIER_STATUSES).toEqual([
      'submitted',
      'received',
      'supplement-requested',
      'refused',
      'processing',
      'result-ready',
      'returned',
    ]);
    expect(PUSH_OUTCOMES).toEqual(['stored', 'duplicate', 'conflict', 'invalid', 'missing-blobs']);
    expect(PROTOCOL_ERRORS).toEqual(expect.arrayContaining(['bad-request', 'protocol-unsupported', 'unauthorized', 'internal']));
  });
});

describe('dossier codes', () => {
  it('match their own pattern for every suffix symbol, and nothing with 0, O, 1 or I', () => {
    const at = Date.UTC(2025, 6, 14, 3, 0);
    for (const symbol of DOSSIER_CODE_ALPHABET) expect(makeDossierCode('15865', at, symbol.repeat(6))).toMatch(DOSSIER_CODE);
    for (const symbol of ['0', 'O', '1', 'I', 'a']) expect(`15865-250714-K7Q2M${symbol}`).not.toMatch(DOSSIER_CODE);
    expect('15865-250714-K7Q2MXX').not.toMatch(DOSSIER_CODE);
    expect('1586-250714-K7Q2MX').not.toMatch(DOSSIER_CODE);
  });
});
