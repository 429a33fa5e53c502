/**
 * The one validator: the form screen shows its errors next to fields, and the server refuses a
 * submission with the same errors. Pure, total (never throws on any input, bounded work), clock
 * and administrative units passed in. The walk itself is in form-walk.ts.
 */
import type { CalendarDate } from './dates';
import type { AdminUnits } from './admin-units';
import type { Answers, Field, FormDefinition } from './form-schema';
import { conditionHolds } from './conditions';
import { isRecord, jsonValue } from './json-view';
import { Level } from './form-walk';
import type { FieldError } from './validation-codes';

export { VALIDATION_CODES, type FieldError, type ValidationCode } from './validation-codes';

export interface ValidateOptions {
  /** Today's date in Vietnam; the caller owns the clock. */
  today: CalendarDate;
  /**
   * The administrative units list. With it, address codes must exist and agree and the stored
   * names come from it; without it only their format is checked. The server always passes it;
   * the page loads it (loadAdminUnits) before validating a form that has an address field.
   */
  units?: AdminUnits | undefined;
}

/** At most this many errors are returned; past that, the answers are junk anyway. */
export const MAX_ERRORS = 200;

const WHOLE: FieldError[] = [{ field: '', code: 'wrong-type' }];

/** The answers as JSON carries them, or null when they are not an object at all. */
function topLevel(
  form: FormDefinition,
  raw: unknown,
  context: { today?: CalendarDate | undefined; units?: AdminUnits | undefined },
): Level | null {
  const answers = jsonValue(raw);
  return isRecord(answers) ? new Level(form.fields, answers, '', context, 0, undefined, form.rules) : null;
}

/**
 * Validates answers against a form. Returns every problem, one per field path (`members[2].cccd`),
 * in form order; an empty list means the submission can be sent.
 */
export function validate(form: FormDefinition, answers: unknown, options: ValidateOptions): FieldError[] {
  try {
    const level = topLevel(form, answers, options);
    return level ? level.errors(options.today).slice(0, MAX_ERRORS) : WHOLE;
  } catch {
    // A throwing getter or a hostile proxy: the answers as a whole are unusable.
    return WHOLE;
  }
}

/**
 * What is stored and sent: known, visible, non-empty answers of the right shape, text in NFC with
 * whitespace tidied, phone numbers compacted, computed values recomputed (never taken from input).
 */
export function normalizeAnswers(form: FormDefinition, answers: unknown, options?: ValidateOptions): Answers {
  try {
    return topLevel(form, answers, options ?? {})?.output() ?? {};
  } catch {
    return {};
  }
}

export type SubmissionCheck = { ok: true; answers: Answers } | { ok: false; errors: FieldError[] };

/**
 * The whole gate a submission passes, on the phone before queueing and on the server before
 * storing: tidy the text (NFC), validate, then keep only what the form asks for.
 */
export function checkSubmission(form: FormDefinition, raw: unknown, options: ValidateOptions): SubmissionCheck {
  try {
    const level = topLevel(form, raw, options);
    if (!level) return { ok: false, errors: WHOLE };
    const errors = level.errors(options.today);
    return errors.length > 0 ? { ok: false, errors: errors.slice(0, MAX_ERRORS) } : { ok: true, answers: level.output() };
  } catch {
    return { ok: false, errors: WHOLE };
  }
}

/**
 * A field is visible unless its condition says otherwise; `outer` is the enclosing form when the
 * field belongs to a group item. Reads raw answers: for the exact rule (a condition on a hidden
 * field counts as unanswered) use visiblePaths().
 */
export function isVisible(field: Field, answers: Answers, outer?: Answers): boolean {
  if (!field.showIf) return true;
  const own = (id: string): unknown => (Object.prototype.hasOwnProperty.call(answers, id) ? answers[id] : undefined);
  const lookup = (id: string): unknown => own(id) ?? (outer && Object.prototype.hasOwnProperty.call(outer, id) ? outer[id] : undefined);
  try {
    return conditionHolds(field.showIf, lookup);
  } catch {
    return false;
  }
}

/** Paths of every field the validator considers shown (`members[0].fullName`), for the page. */
export function visiblePaths(form: FormDefinition, answers: unknown): Set<string> {
  const paths = new Set<string>();
  try {
    const level = topLevel(form, answers, {});
    if (level) collectVisible(level, paths);
  } catch {
    // Unreadable answers: nothing is shown as answered.
  }
  return paths;
}

function collectVisible(level: Level, paths: Set<string>): void {
  for (const field of level.fields) {
    if (!level.isVisible(field)) continue;
    paths.add(level.pathOf(field.id));
    if (field.kind === 'group') for (const item of level.groupLevels(field)) collectVisible(item, paths);
  }
}

/** Whether the form (or one of its groups) has an address field: load the units list before validating it. */
export function needsAdminUnits(form: FormDefinition | { fields: readonly Field[] }): boolean {
  return form.fields.some((f) => f.kind === 'address' || (f.kind === 'group' && needsAdminUnits(f)));
}
