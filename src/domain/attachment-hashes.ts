/**
 * The blob hashes a stored draft or submission needs, found without its form: any object shaped
 * like an AttachmentRef, at any depth of the answers (groups included). The phone uses it to
 * upload blobs before a push and to know which stored blobs are still needed.
 */
const SHA256_HEX = /^[0-9a-f]{64}$/;

function refHash(value: Record<string, unknown>): string | null {
  const { sha256, name, type, size } = value;
  if (typeof sha256 !== 'string' || !SHA256_HEX.test(sha256)) return null;
  if (typeof name !== 'string' || typeof type !== 'string' || typeof size !== 'number') return null;
  return sha256;
}

/** Every distinct AttachmentRef hash in `value` (answers, or a list of them), in order of first appearance. */
export function attachmentHashesIn(value: unknown): string[] {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    const hash = refHash(record);
    if (hash) {
      found.add(hash);
      return;
    }
    for (const child of Object.values(record)) walk(child);
  };
  walk(value);
  return [...found];
}

/** Each distinct AttachmentRef hash in `value` with the size its ref declares (bytes), in order of first appearance. */
export function attachmentSizesIn(value: unknown): Map<string, number> {
  const found = new Map<string, number>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    const hash = refHash(record);
    if (hash) {
      if (!found.has(hash)) found.set(hash, Math.max(0, record['size'] as number));
      return;
    }
    for (const child of Object.values(record)) walk(child);
  };
  walk(value);
  return found;
}
