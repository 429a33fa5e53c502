/**
 * Answer paths as the validator writes them (`members[2].fullName`, `currentAddress.detail`):
 * read and written immutably, and turned into DOM ids, so errors, focus and autosave all speak
 * the same language at any depth.
 */
import type { AnswerValue, Answers } from '../../domain/form-schema';

export type PathPart = string | number;

/** `members[2].fullName` → ['members', 2, 'fullName']. */
export function parsePath(path: string): PathPart[] {
  const parts: PathPart[] = [];
  for (const segment of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(segment);
    if (!m) {
      parts.push(segment);
      continue;
    }
    if (m[1]) parts.push(m[1]);
    for (const index of (m[2] ?? '').matchAll(/\[(\d+)\]/g)) parts.push(Number(index[1]));
  }
  return parts;
}

/** The path of field `id` inside `prefix` ('' for the top of the form). */
export function joinPath(prefix: string, id: string): string {
  return prefix === '' ? id : `${prefix}.${id}`;
}

export function itemPath(groupPath: string, index: number): string {
  return `${groupPath}[${index}]`;
}

/** The path one level up (`members[2].cccd` → `members[2]` → `members`), or null at the top. */
export function parentPath(path: string): string | null {
  const m = /^(.*)(\[\d+\]|\.[^.[\]]+)$/.exec(path);
  return m ? (m[1] ?? null) : null;
}

/** Whether `path` is `prefix` itself or lies inside it. */
export function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

export function getAt(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const part of parsePath(path)) {
    if (typeof part === 'number') node = Array.isArray(node) ? node[part] : undefined;
    else
      node =
        typeof node === 'object' && node !== null && !Array.isArray(node) && Object.prototype.hasOwnProperty.call(node, part)
          ? (node as Record<string, unknown>)[part]
          : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

function setIn(node: unknown, parts: readonly PathPart[], value: unknown): unknown {
  const [head, ...rest] = parts;
  if (head === undefined) return value;
  if (typeof head === 'number') {
    // Items typed into before they were stored (a group shows its minimum at once) become `{}`.
    const list = Array.isArray(node) ? [...(node as unknown[])] : [];
    while (list.length <= head) list.push({});
    list[head] = setIn(list[head], rest, value);
    return list;
  }
  const record: Record<string, unknown> =
    typeof node === 'object' && node !== null && !Array.isArray(node) ? { ...(node as Record<string, unknown>) } : {};
  const next = setIn(record[head], rest, value);
  if (next === undefined) delete record[head];
  else record[head] = next;
  return record;
}

/** A copy of `root` with the answer at `path` replaced (removed when `value` is undefined). */
export function setAt(root: Answers, path: string, value: AnswerValue | undefined): Answers {
  return setIn(root, parsePath(path), value) as Answers;
}

/** `members[2].fullName` → `f-members-2-fullName`: a valid id and URL fragment; field ids never hold '-'. */
export function domId(path: string): string {
  return `f-${path.replace(/\[(\d+)\]/g, '-$1').replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
