/** Keyboards send NFC or NFD: every string typed is stored in NFC (spaces kept: the user is still typing). */
export function toNfcDeep<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((item: unknown) => toNfcDeep(item)) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = toNfcDeep(item);
    return out as T;
  }
  return value;
}
