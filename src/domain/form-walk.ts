/**
 * One pass over a form and its answers that both validate() and normalizeAnswers() read, so what
 * is reported and what is kept can never disagree. A Level is the top of the form or one item of
 * a group; lookups go to the item first, then to the level around it.
 *
 * Total and bounded: input is read only where the schema points (through json-view), groups stop
 * at MAX_GROUP_ITEMS and MAX_DEPTH, objects with more than MAX_KEYS keys are refused unread.
 */
import type { CalendarDate } from './dates';
import type { AdminUnits } from './admin-units';
import type { Answers, AnswerValue, Field, FormRule, GroupField } from './form-schema';
import type { FieldError, ValidationCode } from './validation-codes';
import { conditionHolds, type Lookup } from './conditions';
import { checkLeaf, type LeafResult } from './field-checks';
import { checkRule, implicitRules } from './form-rules';
import { runComputation } from './computations';
import { isRecord, jsonKeys, readItem, readOwn } from './json-view';

export const MAX_GROUP_ITEMS = 100;
export const MAX_KEYS = 200;
export const MAX_DEPTH = 4;

export interface WalkContext {
  today?: CalendarDate | undefined;
  units?: AdminUnits | undefined;
}

/** An error with where it sorts: fields keep form order, rule findings join their field. */
interface Ranked {
  rank: number;
  error: FieldError;
}

/** A group's items as read: a Level per object item, null where the item is not an object. */
interface GroupItems {
  entries: Array<Level | null>;
  /** Length of the input array; -1 when it is not an array (or nesting is too deep). */
  length: number;
}

export class Level {
  private readonly byId = new Map<string, Field>();
  private readonly visible = new Map<string, boolean>();
  private readonly leaves = new Map<string, LeafResult>();
  private readonly values = new Map<string, unknown>();
  private readonly busy = new Set<string>();
  private readonly groupItems = new Map<string, GroupItems>();

  constructor(
    readonly fields: readonly Field[],
    private readonly raw: Record<string, unknown>,
    readonly path: string,
    private readonly context: WalkContext,
    private readonly depth = 0,
    private readonly parent?: Level,
    private readonly rules: readonly FormRule[] = [],
  ) {
    fields.forEach((f) => this.byId.set(f.id, f));
  }

  /** Path of a field of this level (or, failing that, of an enclosing one). */
  pathOf(id: string): string {
    if (this.byId.has(id) || !this.parent) return this.path === '' ? id : `${this.path}.${id}`;
    return this.parent.pathOf(id);
  }

  /** Any visible, tidied answer: what conditions and computations see. */
  readonly lookup: Lookup = (id) => (this.byId.has(id) ? this.value(id) : this.parent?.lookup(id));

  /** A visible answer that passed its own check: what cross-field rules see. */
  readonly validValue: Lookup = (id) => {
    const field = this.byId.get(id);
    if (!field) return this.parent?.validValue(id);
    if (field.kind === 'group' || field.kind === 'computed') return this.value(id);
    return this.isVisible(field) && !this.leaf(field).code ? this.leaf(field).value : undefined;
  };

  isVisible(field: Field): boolean {
    const known = this.visible.get(field.id);
    if (known !== undefined) return known;
    // A condition that (through others) depends on itself hides the field instead of looping.
    if (this.busy.has(`v:${field.id}`)) return false;
    this.busy.add(`v:${field.id}`);
    const shown = !field.showIf || conditionHolds(field.showIf, this.lookup);
    this.busy.delete(`v:${field.id}`);
    this.visible.set(field.id, shown);
    return shown;
  }

  private leaf(field: Field): LeafResult {
    let result = this.leaves.get(field.id);
    if (!result) {
      result =
        field.kind === 'group' || field.kind === 'computed' ? { empty: true } : checkLeaf(field, readOwn(this.raw, field.id), this.context);
      this.leaves.set(field.id, result);
    }
    return result;
  }

  private value(id: string): unknown {
    if (this.values.has(id)) return this.values.get(id);
    const field = this.byId.get(id);
    if (!field || this.busy.has(`x:${id}`) || !this.isVisible(field)) return undefined;
    this.busy.add(`x:${id}`);
    let value: unknown;
    if (field.kind === 'computed') {
      const args: Record<string, unknown> = {};
      for (const [name, source] of Object.entries(field.args)) args[name] = this.lookup(source);
      value = runComputation(field.compute, args, field.params ?? {}, { today: this.context.today, fee: field.fee });
    } else if (field.kind === 'group') {
      const items = this.items(field).entries.flatMap((item) => (item ? [item.output()] : []));
      value = items.length > 0 ? items : undefined;
    } else {
      value = this.leaf(field).value;
    }
    this.busy.delete(`x:${id}`);
    this.values.set(id, value);
    return value;
  }

  private items(field: GroupField): GroupItems {
    const known = this.groupItems.get(field.id);
    if (known) return known;
    const raw = readOwn(this.raw, field.id);
    const result: GroupItems = { entries: [], length: -1 };
    if (Array.isArray(raw) && this.depth < MAX_DEPTH) {
      result.length = raw.length;
      const count = Math.min(raw.length, field.maxItems, MAX_GROUP_ITEMS);
      for (let i = 0; i < count; i++) {
        const item = readItem(raw, i);
        const path = `${this.pathOf(field.id)}[${i}]`;
        result.entries.push(isRecord(item) ? new Level(field.fields, item, path, this.context, this.depth + 1, this, field.rules) : null);
      }
    }
    this.groupItems.set(field.id, result);
    return result;
  }

  /** The object items of a group, for visiblePaths(). */
  groupLevels(field: GroupField): Level[] {
    return this.items(field).entries.filter((e): e is Level => e !== null);
  }

  /** What is kept and sent: visible, non-empty, well-shaped answers and recomputed values. */
  output(): Answers {
    const out: Answers = {};
    for (const field of this.fields) {
      const value = this.value(field.id);
      if (value !== undefined) out[field.id] = value as AnswerValue;
    }
    return out;
  }

  /** Every problem at this level and below, in form order, at most one per field. */
  errors(today: CalendarDate): FieldError[] {
    const ranked: Ranked[] = [];
    const push = (rank: number, field: string, code: ValidationCode) => ranked.push({ rank, error: { field, code } });
    const keys = jsonKeys(this.raw, MAX_KEYS);
    if (keys === null) push(-1, this.path, 'too-many');
    else for (const key of keys) if (!this.byId.has(key)) push(-1, this.path === '' ? key : `${this.path}.${key}`, 'unknown-field');
    const failed = new Set<string>();
    this.fields.forEach((field, rank) => {
      if (!this.isVisible(field) || field.kind === 'computed') return;
      const before = ranked.length;
      if (field.kind === 'group') this.groupErrors(field, rank, today, ranked);
      else {
        const leaf = this.leaf(field);
        for (const inner of leaf.inner ?? []) push(rank, `${this.pathOf(field.id)}.${inner.key}`, inner.code);
        if (leaf.empty) {
          if (field.required) push(rank, this.pathOf(field.id), 'required');
        } else if (leaf.code) push(rank, this.pathOf(field.id), leaf.code);
      }
      if (ranked.length > before) failed.add(field.id);
    });
    const scope = { validValue: this.validValue, lookup: this.lookup, today };
    for (const rule of [...implicitRules(this.fields), ...this.rules]) {
      const finding = checkRule(rule, scope);
      if (!finding || failed.has(finding.field)) continue;
      failed.add(finding.field);
      const rank = this.fields.findIndex((f) => f.id === finding.field);
      push(rank === -1 ? this.fields.length : rank, this.pathOf(finding.field), finding.code);
    }
    return ranked.sort((a, b) => a.rank - b.rank).map((r) => r.error);
  }

  private groupErrors(field: GroupField, rank: number, today: CalendarDate, ranked: Ranked[]): void {
    const path = this.pathOf(field.id);
    const raw = readOwn(this.raw, field.id);
    const push = (p: string, code: ValidationCode) => ranked.push({ rank, error: { field: p, code } });
    if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) {
      if (field.required) push(path, 'required');
      else if ((field.minItems ?? 0) > 0 && raw !== undefined && raw !== null) push(path, 'too-few');
      return;
    }
    const { entries, length } = this.items(field);
    if (length < 0) return void push(path, Array.isArray(raw) ? 'too-many' : 'wrong-type');
    if (length > Math.min(field.maxItems, MAX_GROUP_ITEMS)) push(path, 'too-many');
    else if (length < (field.minItems ?? 0)) push(path, 'too-few');
    entries.forEach((item, i) => {
      if (!item) push(`${path}[${i}]`, 'wrong-type');
      else for (const error of item.errors(today)) ranked.push({ rank, error });
    });
  }
}
