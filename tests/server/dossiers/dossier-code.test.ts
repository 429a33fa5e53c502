/** Dossier codes are dated by the day the server received the dossier, in Vietnam. */
import { describe, expect, it } from 'vitest';
import { makeDossierCode } from '../../../src/domain/dossier-code';

describe('dossier codes', () => {
  it('date the code by the calendar day in Vietnam', () => {
    expect(makeDossierCode('15865', Date.UTC(2025, 6, 14, 16, 59), 'K7Q2MX')).toBe('15865-250714-K7Q2MX');
    expect(makeDossierCode('15865', Date.UTC(2025, 6, 14, 17, 0), 'K7Q2MX')).toBe('15865-250715-K7Q2MX');
  });
});
