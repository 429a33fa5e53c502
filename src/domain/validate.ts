/**
 * The one validator: the form screen shows its errors next to fields, and the server refuses a
 * submission with the same errors. Pure, total (never throws on any input), clock passed in.
 */
import { cleanText, toNfc } from './text';
import { type CalendarDate, compareDates, parseIsoDate } from './dates';
import { checkCccd, compactPhone, isMobileNumber, type Sex } from './identifiers';
import type { AnswerValue, Answers, Condition, Field, FormDefinition } from './form-schema';

/** Every reason a field can be refused; the page translates each as `errors.<code>`. */
export const VALIDATION_CODES = [
  'required',
  'wrong-type',
  'unknown-field',
  'too-long',
  'date-format',
  'date-future',
  'date-past',
  'date-too-early',
  'choice-unknown',
  'number-range',
  'phone-format',
  'email-format',
  'cccd-format',
  'cccd-province',
  'cccd-sex',
  'cccd-year',
] as const;

export type ValidationCode = (typeof VALIDATION_CODES)[number];

export interface FieldError {
  field: string;
  code: ValidationCode;
}

export interface ValidateOptions {
  /** Today's date in Vietnam; the caller owns the clock. */
  today: CalendarDate;
}

const DEFAULT_MAX_LENGTH = { text: 200, longtext: 2000 } as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function conditionHolds(condition: Condition, answers: Answers): boolean {
  const value = answers[condition.field];
  if ('equals' in condition) return value === condition.equals;
  return typeof value === 'string' && condition.in.includes(value);
}

/** A field is visible unless its condition says otherwise. */
export function isVisible(field: Field, answers: Answers): boolean {
  return !field.showIf || conditionHolds(field.showIf, answers);
}

function checkValue(field: Field, value: AnswerValue, today: CalendarDate): ValidationCode | null {
  switch (field.kind) {
    case 'text':
    case 'longtext':
      if (typeof value !== 'string') return 'wrong-type';
      return value.length > (field.maxLength ?? DEFAULT_MAX_LENGTH[field.kind]) ? 'too-long' : null;
    case 'date': {
      if (typeof value !== 'string') return 'wrong-type';
      const date = parseIsoDate(value);
      if (!date) return 'date-format';
      if (field.notFuture && compareDates(date, today) > 0) return 'date-future';
      if (field.notPast && compareDates(date, today) < 0) return 'date-past';
      if (field.minYear !== undefined && date.year < field.minYear) return 'date-too-early';
      return null;
    }
    case 'choice':
      if (typeof value !== 'string') return 'wrong-type';
      return field.options.some((o) => o.value === value) ? null : 'choice-unknown';
    case 'yesno':
      return typeof value === 'boolean' ? null : 'wrong-type';
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'wrong-type';
      if (field.min !== undefined && value < field.min) return 'number-range';
      if (field.max !== undefined && value > field.max) return 'number-range';
      return null;
    case 'phone':
      if (typeof value !== 'string') return 'wrong-type';
      return isMobileNumber(value) ? null : 'phone-format';
    case 'email':
      if (typeof value !== 'string') return 'wrong-type';
      return EMAIL.test(value) && value.length <= 254 ? null : 'email-format';
    case 'cccd':
      if (typeof value !== 'string') return 'wrong-type';
      return checkCccd(value);
  }
}

/** Cross-field rule: a CCCD's sex/century digit and year must agree with the form's answers. */
function checkCccdAgainstForm(field: Field, answers: Answers): ValidationCode | null {
  if (field.kind !== 'cccd') return null;
  const value = answers[field.id];
  if (typeof value !== 'string') return null;
  const sexAnswer = field.sexField ? answers[field.sexField] : undefined;
  const sex: Sex | undefined = sexAnswer === 'male' || sexAnswer === 'female' ? sexAnswer : undefined;
  const birth = field.birthDateField ? answers[field.birthDateField] : undefined;
  const birthYear = typeof birth === 'string' ? parseIsoDate(birth)?.year : undefined;
  return checkCccd(value, { sex, birthYear });
}

/**
 * Validates answers against a form. Returns every problem, one per field, in form order;
 * an empty list means the submission can be sent.
 */
export function validate(form: FormDefinition, answers: unknown, options: ValidateOptions): FieldError[] {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return [{ field: '', code: 'wrong-type' }];
  }
  const given = answers as Record<string, unknown>;
  const errors: FieldError[] = [];
  const known = new Set(form.fields.map((f) => f.id));
  for (const key of Object.keys(given)) {
    if (!known.has(key)) errors.push({ field: key, code: 'unknown-field' });
  }
  const typed = given as Answers;
  for (const field of form.fields) {
    if (!isVisible(field, typed)) continue;
    const value = given[field.id];
    if (isEmpty(value)) {
      if (field.required) errors.push({ field: field.id, code: 'required' });
      continue;
    }
    const isAnswer = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    const code = isAnswer ? checkValue(field, value, options.today) ?? checkCccdAgainstForm(field, typed) : 'wrong-type';
    if (code) errors.push({ field: field.id, code });
  }
  return errors;
}

/**
 * What is stored and sent: known, visible, non-empty answers, text in NFC with whitespace
 * tidied, phone numbers compacted. Input of the wrong shape is dropped here; validate() reports it.
 */
export function normalizeAnswers(form: FormDefinition, answers: Record<string, unknown>): Answers {
  const out: Answers = {};
  const typed = answers as Answers;
  for (const field of form.fields) {
    const value = answers[field.id];
    if (!isVisible(field, typed) || isEmpty(value)) continue;
    if (typeof value === 'string') {
      const text = field.kind === 'longtext' ? toNfc(value).trim() : cleanText(value);
      out[field.id] = field.kind === 'phone' ? compactPhone(text) : text;
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      out[field.id] = value;
    }
  }
  return out;
}

export type SubmissionCheck = { ok: true; answers: Answers } | { ok: false; errors: FieldError[] };

/**
 * The whole gate a submission passes, on the phone before queueing and on the server before
 * storing: tidy the text (NFC), validate, then keep only what the form asks for.
 */
export function checkSubmission(form: FormDefinition, raw: unknown, options: ValidateOptions): SubmissionCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: [{ field: '', code: 'wrong-type' }] };
  }
  const tidy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    tidy[key] = typeof value === 'string' ? cleanText(value) : value;
  }
  const errors = validate(form, tidy, options);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers: normalizeAnswers(form, tidy) };
}
