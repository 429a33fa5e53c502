/** Shared bits of the form-engine tests: a fixed "today", a tiny form builder, error shorthand. */
import type { Field, FormDefinition, FormRule } from '../../../src/domain/form-schema';
import { checkSubmission, validate, type ValidateOptions } from '../../../src/domain/validate';
import { ADMIN_UNITS } from '../../../src/content/admin-units/bundled';

export const TODAY = { year: 2026, month: 11, day: 28 };
export const OPTIONS: ValidateOptions = { today: TODAY, units: ADMIN_UNITS };

export const L = (text: string) => ({ vi: text, en: `${text} (en)` });

export function makeForm(fields: Field[], rules?: FormRule[]): FormDefinition {
  return { id: 'test', version: 1, procedureCode: '0.000000', title: L('Thử'), fields, ...(rules ? { rules } : {}) };
}

/** Errors as `path:code` strings, easy to compare. */
export function codes(form: FormDefinition, answers: unknown, options: ValidateOptions = OPTIONS): string[] {
  return validate(form, answers, options).map((e) => `${e.field}:${e.code}`);
}

/** The normalised answers, failing the test when the submission is refused. */
export function accepted(form: FormDefinition, answers: unknown, options: ValidateOptions = OPTIONS) {
  const result = checkSubmission(form, answers, options);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  return result.answers;
}

export const sha = (c: string) => c.repeat(64);
export const photo = (c = 'a', name = 'giay.jpg') => ({ sha256: sha(c), name, type: 'image/jpeg', size: 120_000 });

/** Hà Nội / Phường Ba Đình as picked from the units list. */
export const BA_DINH = { provinceCode: '01', communeCode: '00004', detail: 'Số 5 ngõ 12' };
