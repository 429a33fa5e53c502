/**
 * Reads untrusted JSON (a catalogue from the server or a cache, a push on the server, the
 * server's answers on the phone) without ever throwing: each reader returns the clean value or
 * undefined, and records "path: reason" in `errors`. `text` comes out trimmed and in NFC;
 * `string` comes out as given, for values that name something (ids, codes, hashes).
 */
import type { Localized } from './localized';
import { parseIsoDate } from './dates';
import { toNfc } from './text';

const MAX_TEXT = 2000;

export type Rec = Record<string, unknown>;

export function isRecord(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own properties only, so "constructor" or "__proto__" never leak in from the prototype. */
export function field(obj: Rec, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

/** Collects errors while reading; a caller checks `errors.length` to know if anything failed. */
export class StrictReader {
  readonly errors: string[] = [];

  fail(path: string, message: string): undefined {
    this.errors.push(`${path}: ${message}`);
    return undefined;
  }

  record(value: unknown, path: string): Rec | undefined {
    return isRecord(value) ? value : this.fail(path, 'must be an object');
  }

  text(value: unknown, path: string, pattern?: RegExp, max = MAX_TEXT): string | undefined {
    if (typeof value !== 'string') return this.fail(path, 'must be a string');
    const text = toNfc(value).trim();
    if (text === '') return this.fail(path, 'must not be empty');
    if (text.length > max) return this.fail(path, `longer than ${max} characters`);
    if (pattern && !pattern.test(text)) return this.fail(path, `does not match ${pattern.source}`);
    return text;
  }

  /**
   * A string exactly as given, empty allowed unless the pattern refuses it: normalising an id,
   * a code or a hash would make it name something else.
   */
  string(value: unknown, path: string, pattern?: RegExp, max = Infinity): string | undefined {
    if (typeof value !== 'string') return this.fail(path, 'must be a string');
    if (value.length > max) return this.fail(path, `longer than ${max} characters`);
    if (pattern && !pattern.test(value)) return this.fail(path, `does not match ${pattern.source}`);
    return value;
  }

  optionalText(value: unknown, path: string): string | undefined {
    return value === undefined ? undefined : this.text(value, path);
  }

  date(value: unknown, path: string): string | undefined {
    const text = this.text(value, path);
    if (text !== undefined && !parseIsoDate(text)) return this.fail(path, 'must be a real date yyyy-mm-dd');
    return text;
  }

  /** An integer in [min, max]; without bounds any integer, however large. */
  int(value: unknown, path: string, min = -Infinity, max = Infinity): number | undefined {
    if (typeof value !== 'number' || !Number.isInteger(value)) return this.fail(path, 'must be an integer');
    if (value < min || value > max) return this.fail(path, `must be between ${min} and ${max}`);
    return value;
  }

  bool(value: unknown, path: string): boolean | undefined {
    return typeof value === 'boolean' ? value : this.fail(path, 'must be true or false');
  }

  oneOf<T extends string | number>(value: unknown, allowed: readonly T[], path: string): T | undefined {
    return allowed.includes(value as T) ? (value as T) : this.fail(path, `must be one of ${allowed.join(', ')}`);
  }

  localized(value: unknown, path: string): Localized | undefined {
    const obj = this.record(value, path);
    if (!obj) return undefined;
    const vi = this.text(field(obj, 'vi'), `${path}.vi`);
    const en = this.text(field(obj, 'en'), `${path}.en`);
    return vi !== undefined && en !== undefined ? { vi, en } : undefined;
  }

  optionalLocalized(value: unknown, path: string): Localized | undefined {
    return value === undefined ? undefined : this.localized(value, path);
  }

  /** An array of any length, for a caller that reads its items itself. */
  array(value: unknown, path: string): unknown[] | undefined {
    return Array.isArray(value) ? value : this.fail(path, 'must be an array');
  }

  /** A non-empty array, each item read by `item`; undefined if anything in it is wrong. */
  list<T>(value: unknown, path: string, max: number, item: (v: unknown, p: string) => T | undefined): T[] | undefined {
    if (Array.isArray(value) && value.length === 0) return this.fail(path, 'must not be empty');
    return this.items(value, path, max, item);
  }

  /** An array of at most `max` items, empty allowed, each read by `item`; undefined if anything in it is wrong. */
  items<T>(value: unknown, path: string, max: number, item: (v: unknown, p: string) => T | undefined): T[] | undefined {
    const array = this.array(value, path);
    if (!array) return undefined;
    if (array.length > max) return this.fail(path, `more than ${max} items`);
    const out: T[] = [];
    let bad = false;
    array.forEach((v, i) => {
      const read = item(v, `${path}[${i}]`);
      if (read === undefined) bad = true;
      else out.push(read);
    });
    return bad ? undefined : out;
  }

  unique(values: readonly string[], path: string, what: string): void {
    const seen = new Set<string>();
    for (const v of values) {
      if (seen.has(v)) this.fail(path, `duplicate ${what} "${v}"`);
      seen.add(v);
    }
  }
}
