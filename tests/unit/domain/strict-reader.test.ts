/** StrictReader: each reader gives the clean value or undefined with a "path: reason", and never throws. */
import { describe, expect, it } from 'vitest';
import { StrictReader, field } from '../../../src/domain/strict-reader';

describe('StrictReader', () => {
  it('reads a string exactly as given, unlike text, which trims and composes', () => {
    const r = new StrictReader();
    const nfd = ' Hoà '.normalize('NFD');
    expect(r.string(nfd, 'a')).toBe(nfd);
    expect(r.text(nfd, 'b')).toBe('Hoà'.normalize('NFC'));
    expect(r.string('', 'c')).toBe('');
    expect(r.errors).toEqual([]);
    expect(r.string('abc', 'd', /^\d+$/)).toBeUndefined();
    expect(r.string('abcd', 'e', undefined, 3)).toBeUndefined();
    expect(r.string(7, 'f')).toBeUndefined();
    expect(r.errors).toEqual(['d: does not match ^\\d+$', 'e: longer than 3 characters', 'f: must be a string']);
  });

  it('reads integers with or without bounds, and numbers from a list', () => {
    const r = new StrictReader();
    expect(r.int(2 ** 60, 'a')).toBe(2 ** 60);
    expect(r.int(-5, 'b')).toBe(-5);
    expect(r.int(1.5, 'c')).toBeUndefined();
    expect(r.int(Infinity, 'd')).toBeUndefined();
    expect(r.oneOf(1, [1, 2], 'e')).toBe(1);
    expect(r.oneOf('1', [1, 2], 'f')).toBeUndefined();
    expect(r.errors).toEqual(['c: must be an integer', 'd: must be an integer', 'f: must be one of 1, 2']);
  });

  it('reads arrays: any array, possibly empty items with a bound, and non-empty lists', () => {
    const r = new StrictReader();
    const even = (v: unknown, p: string): number | undefined => (v === 2 || v === 4 ? v : r.fail(p, 'odd'));
    expect(r.array([], 'a')).toEqual([]);
    expect(r.items([], 'b', 3, even)).toEqual([]);
    expect(r.items([2, 4], 'c', 3, even)).toEqual([2, 4]);
    expect(r.errors).toEqual([]);
    expect(r.array({ length: 0 }, 'd')).toBeUndefined();
    expect(r.items([2, 3, 5], 'e', 3, even)).toBeUndefined();
    expect(r.items([2, 2, 2, 2], 'f', 3, even)).toBeUndefined();
    expect(r.list([], 'g', 3, even)).toBeUndefined();
    expect(r.list('x', 'h', 3, even)).toBeUndefined();
    expect(r.errors).toEqual([
      'd: must be an array',
      'e[1]: odd',
      'e[2]: odd',
      'f: more than 3 items',
      'g: must not be empty',
      'h: must be an array',
    ]);
  });

  it('reads own fields only', () => {
    const obj = JSON.parse('{"__proto__": {"id": "x"}, "name": "a"}') as Record<string, unknown>;
    expect(field(obj, 'name')).toBe('a');
    expect(field(obj, 'id')).toBeUndefined();
    expect(field({}, 'constructor')).toBeUndefined();
    expect(field({}, 'toString')).toBeUndefined();
  });
});
