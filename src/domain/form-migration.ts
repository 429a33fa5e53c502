/**
 * Carries a draft's answers from the form version it was started on to a newer one, by steps
 * each form declares as data. Nothing is dropped silently: whatever cannot be carried is named
 * in `dropped`, and the caller then keeps the draft on its old version (servers keep accepting
 * registered older versions) instead of losing what the resident typed. A field the official
 * form no longer asks for is `retire`d by a declared step: its answer is set aside on purpose
 * and named in `retired`, so the page can say what the new form stopped asking.
 */
import { cleanText } from './text';
import { isEmptyValue } from './conditions';
import { isRecord } from './json-view';
import type { Answers, AnswerValue, Field, FormDefinition } from './form-schema';

export type MigrationStep =
  /** The field got a new id. */
  | { kind: 'rename'; from: string; to: string }
  /** A typed address becomes an address answer, keeping the text as `freeText`. */
  | { kind: 'text-to-address'; field: string; to?: string }
  /** Top-level answers move into the first item of a group: old id → id inside the item. */
  | { kind: 'into-group'; group: string; fields: Readonly<Record<string, string>> }
  /** The new version no longer asks this (it left the official form): set aside on purpose, named in `retired`. */
  | { kind: 'retire'; field: string }
  /** A date answer becomes its year (the official form asks the year only); a typed year is kept. */
  | { kind: 'date-to-year'; field: string; to: string };

export interface FormMigration {
  formId: string;
  from: number;
  to: number;
  steps: readonly MigrationStep[];
}

export interface MigrationResult {
  answers: Answers;
  /** Paths of answers that could not be carried (`salary`, `members[0].job`); empty when all were. */
  dropped: string[];
  /** Answers of fields the newer form no longer asks for, set aside by a declared `retire` step. */
  retired: string[];
}

type Work = Record<string, unknown>;

const YEAR = /\b(1[89]\d{2}|2\d{3})\b/;

function applyStep(work: Work, step: MigrationStep, retired: string[]): void {
  switch (step.kind) {
    case 'retire':
      if (step.field in work) {
        if (!isEmptyValue(work[step.field])) retired.push(step.field);
        delete work[step.field];
      }
      return;
    case 'date-to-year': {
      const value = work[step.field];
      const year = typeof value === 'string' ? YEAR.exec(value)?.[1] : undefined;
      if (year === undefined || step.to in work) return;
      work[step.to] = Number(year);
      // A full date said more than the year the new form asks: name what was set aside.
      if (typeof value === 'string' && value.trim() !== year) retired.push(step.field);
      delete work[step.field];
      return;
    }
    case 'rename':
      if (step.from in work && !(step.to in work)) {
        work[step.to] = work[step.from];
        delete work[step.from];
      }
      return;
    case 'text-to-address': {
      const value = work[step.field];
      if (typeof value !== 'string') return;
      delete work[step.field];
      if (value.trim() !== '') work[step.to ?? step.field] = { detail: '', freeText: cleanText(value) };
      return;
    }
    case 'into-group': {
      const item: Work = {};
      for (const [from, to] of Object.entries(step.fields)) {
        if (!(from in work)) continue;
        item[to] = work[from];
        delete work[from];
      }
      if (Object.keys(item).length === 0) return;
      const existing = Array.isArray(work[step.group]) ? (work[step.group] as unknown[]) : [];
      work[step.group] = [item, ...existing];
      return;
    }
  }
}

/** Whether a value of another kind can stand as an answer of this field. */
function fitsKind(field: Field, value: unknown): boolean {
  switch (field.kind) {
    case 'number':
      return typeof value === 'number';
    case 'yesno':
      return typeof value === 'boolean';
    case 'multichoice':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'attachment':
    case 'group':
      return Array.isArray(value);
    case 'address':
      return isRecord(value);
    case 'computed':
      return false;
    default:
      return typeof value === 'string';
  }
}

/** Whether every option picked is still one of the field's options. */
function offered(field: Field & { options: readonly { value: string }[] }, value: unknown): boolean {
  const picked = Array.isArray(value) ? value : [value];
  return picked.every((v) => field.options.some((o) => o.value === v));
}

/** Keeps what fits `to`; names the rest. Same id and same kind in both versions always fits (drafts hold half-typed input). */
function carry(work: Work, from: readonly Field[], to: readonly Field[], prefix: string, dropped: string[]): Answers {
  const out: Answers = {};
  for (const [key, value] of Object.entries(work)) {
    const old = from.find((f) => f.id === key);
    const target = to.find((f) => f.id === key);
    // Computed values are worked out again; empty answers carry nothing.
    if (old?.kind === 'computed' || target?.kind === 'computed' || isEmptyValue(value)) continue;
    if (!target) {
      dropped.push(prefix + key);
    } else if (target.kind === 'group' && Array.isArray(value)) {
      const inner = old?.kind === 'group' ? old.fields : [];
      out[key] = value.map((item, i) =>
        isRecord(item) ? carry(item, inner, target.fields, `${prefix}${key}[${i}].`, dropped) : (dropped.push(`${prefix}${key}[${i}]`), {}),
      );
    } else if ((target.kind === 'choice' || target.kind === 'multichoice') && !offered(target, value)) {
      // An option the newer form no longer offers (a beneficiary group that was abolished).
      dropped.push(prefix + key);
    } else if (old?.kind === target.kind || fitsKind(target, value)) {
      out[key] = value as AnswerValue;
    } else {
      dropped.push(prefix + key);
    }
  }
  return out;
}

/**
 * Migrates answers from `fromForm` to `toForm` (same form id) through the declared steps, in
 * version order; versions without a declared migration carry answers by field id.
 */
export function migrateAnswers(
  fromForm: FormDefinition,
  toForm: FormDefinition,
  answers: Answers,
  migrations: readonly FormMigration[],
): MigrationResult {
  const work: Work = { ...answers };
  const retired: string[] = [];
  if (fromForm.id !== toForm.id) {
    return { answers: {}, dropped: Object.keys(work).filter((k) => !isEmptyValue(work[k])), retired };
  }
  let version = fromForm.version;
  while (version < toForm.version) {
    const step = migrations.find((m) => m.formId === fromForm.id && m.from === version && m.to > version && m.to <= toForm.version);
    if (!step) break;
    for (const s of step.steps) applyStep(work, s, retired);
    version = step.to;
  }
  const dropped: string[] = [];
  const carried = carry(work, fromForm.fields, toForm.fields, '', dropped);
  return { answers: carried, dropped, retired };
}
