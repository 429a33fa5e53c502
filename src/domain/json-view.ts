/**
 * Reads input exactly as JSON would carry it, one value at a time. The server sees answers after
 * a JSON round trip and the phone sees the object in memory; reading both through this view makes
 * them validate identically (NaN → null, undefined dropped, Date → its ISO text) without ever
 * copying a whole, possibly huge, input.
 */

const hasOwn = (obj: object, key: string): boolean => Object.prototype.hasOwnProperty.call(obj, key);

/** What JSON.stringify would write for this value (undefined: the property would be left out). */
export function jsonValue(value: unknown, key = ''): unknown {
  let v = value;
  if (typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    v = (v as { toJSON: (key: string) => unknown }).toJSON(key);
  }
  if (v instanceof Number || v instanceof String || v instanceof Boolean) v = v.valueOf();
  if (typeof v === 'number') return Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : null;
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return undefined;
  return v;
}

/** A JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property as JSON would carry it; inherited properties never count. */
export function readOwn(obj: object, key: string): unknown {
  return hasOwn(obj, key) ? jsonValue((obj as Record<string, unknown>)[key], key) : undefined;
}

/** An array element as JSON would carry it (holes and undefined become null). */
export function readItem(list: readonly unknown[], index: number): unknown {
  const v = jsonValue(list[index], String(index));
  return v === undefined ? null : v;
}

/** The keys JSON would write, or null when there are more than `max` (too many to look at). */
export function jsonKeys(obj: object, max: number): string[] | null {
  const keys = Object.keys(obj).filter((key) => jsonValue((obj as Record<string, unknown>)[key], key) !== undefined);
  return keys.length > max ? null : keys;
}
