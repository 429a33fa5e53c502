/** When a field is shown: conditions read other answers through a lookup (item first, then form). */
import type { Condition } from './form-schema';

/** The tidied value of a visible field, or undefined when hidden, empty or unknown. */
export type Lookup = (fieldId: string) => unknown;

/** Content is trusted, but a pathological nesting still must not blow the stack. */
const MAX_CONDITION_DEPTH = 8;

/** Nothing typed: undefined, null, blank text or an empty list. */
export function isEmptyValue(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

export function conditionHolds(condition: Condition, lookup: Lookup, depth = 0): boolean {
  if (depth > MAX_CONDITION_DEPTH) return false;
  if ('all' in condition) return condition.all.every((c) => conditionHolds(c, lookup, depth + 1));
  if ('any' in condition) return condition.any.some((c) => conditionHolds(c, lookup, depth + 1));
  if ('not' in condition) return !conditionHolds(condition.not, lookup, depth + 1);
  const value = lookup(condition.field);
  if ('equals' in condition) return value === condition.equals;
  if ('in' in condition) return typeof value === 'string' && condition.in.includes(value);
  if ('includes' in condition) return Array.isArray(value) && value.includes(condition.includes);
  return !isEmptyValue(value);
}
