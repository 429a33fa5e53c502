import { describe, expect, it } from 'vitest';
import { formatBytes, givenName, splitDuration } from '../../../src/domain/send-format';

describe('send progress wording', () => {
  it('formats sizes with each language’s decimal mark', () => {
    expect(formatBytes(1.25 * 1024 * 1024, 'vi')).toBe('1,3 MB');
    expect(formatBytes(1.25 * 1024 * 1024, 'en')).toBe('1.3 MB');
    expect(formatBytes(340 * 1024, 'vi')).toBe('340 KB');
    expect(formatBytes(0, 'en')).toBe('0 KB');
  });

  it('rounds a duration up and splits it', () => {
    expect(splitDuration(59_001)).toEqual({ minutes: 1, seconds: 0 });
    expect(splitDuration(130_000)).toEqual({ minutes: 2, seconds: 10 });
    expect(splitDuration(10)).toEqual({ minutes: 0, seconds: 1 });
  });

  it('takes the given name (the last word) of a Vietnamese name', () => {
    expect(givenName('Nguyễn Thị Hoa')).toBe('Hoa');
    expect(givenName('  Trần   Văn Nam ')).toBe('Nam');
    expect(givenName('')).toBe('');
  });
});
