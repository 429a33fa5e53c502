import { describe, expect, it } from 'vitest';
import { checkCccd, decodeCccd, isMobileNumber } from '../../../src/domain/identifiers';

describe('CCCD', () => {
  it('decodes province, sex and century from digits 1–6', () => {
    expect(decodeCccd('038190012345')).toEqual({ provinceCode: '038', sex: 'female', birthYear: 1990 });
    expect(decodeCccd('001085000001')).toEqual({ provinceCode: '001', sex: 'male', birthYear: 1985 });
    expect(decodeCccd('079205123456')).toEqual({ provinceCode: '079', sex: 'male', birthYear: 2005 });
    expect(decodeCccd('079310123456')).toEqual({ provinceCode: '079', sex: 'female', birthYear: 2010 });
  });

  it('refuses a wrong length, letters and an unknown province', () => {
    expect(checkCccd('03819001234')).toBe('cccd-format');
    expect(checkCccd('0381900123456')).toBe('cccd-format');
    expect(checkCccd('03819001234a')).toBe('cccd-format');
    expect(checkCccd('038 190 012 345')).toBe('cccd-format');
    // Neither a province nor a country code (ISO 3166-1 numeric stops at 899).
    expect(checkCccd('000190012345')).toBe('cccd-province');
    expect(checkCccd('999190012345')).toBe('cccd-province');
    expect(checkCccd('038990012345')).toBe('cccd-format');
  });

  it('checks digits 4–6 against the sex and the year of birth on the form', () => {
    expect(checkCccd('038190012345', { sex: 'female', birthYear: 1990 })).toBeNull();
    expect(checkCccd('038190012345', { sex: 'male', birthYear: 1990 })).toBe('cccd-sex');
    expect(checkCccd('038190012345', { sex: 'female', birthYear: 1991 })).toBe('cccd-year');
    expect(checkCccd('038290012345', { sex: 'male', birthYear: 1990 })).toBe('cccd-year');
  });
});

describe('CCCD of a birth registered abroad', () => {
  it('reads a country code in the first three digits instead of refusing it', () => {
    // 003 was refused before: it is not a province, but it may be a country's code.
    expect(checkCccd('003190012345')).toBeNull();
    expect(decodeCccd('840190012345')).toEqual({ provinceCode: '840', sex: 'female', birthYear: 1990, registeredAbroad: true });
    expect(checkCccd('392205012345', { sex: 'male', birthYear: 2005 })).toBeNull();
    expect(checkCccd('410205012345', { sex: 'female', birthYear: 2005 })).toBe('cccd-sex');
    expect(decodeCccd('038190012345')).not.toHaveProperty('registeredAbroad');
  });
});

describe('mobile numbers', () => {
  it('accepts the current prefixes, with +84/84/0 and typed separators', () => {
    for (const n of ['0912345678', '+84912345678', '84912345678', '0321234567', '0868 123 456', '090.123.4567', '0599123456']) {
      expect(isMobileNumber(n), n).toBe(true);
    }
  });

  it('refuses landlines, old 11-digit numbers and unknown prefixes', () => {
    for (const n of ['02437654321', '01212345678', '0912345', '09123456789', '0112345678', '0512345678', 'abcdefghij', '']) {
      expect(isMobileNumber(n), n).toBe(false);
    }
  });
});
