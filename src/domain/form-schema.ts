/**
 * Forms are data: a form lists typed fields, and one validator (validate.ts) reads them on the
 * phone and on the server. Bump FORM_SCHEMA_VERSION when this shape changes.
 */
import type { Localized } from './localized';

export const FORM_SCHEMA_VERSION = 1;

/** Shows a field only when another answer makes it relevant; hidden fields are not validated or sent. */
export type Condition =
  | { field: string; equals: string | boolean }
  | { field: string; in: readonly string[] };

interface FieldBase {
  id: string;
  label: Localized;
  hint?: Localized;
  required?: boolean;
  showIf?: Condition;
}

export interface TextField extends FieldBase {
  kind: 'text' | 'longtext';
  maxLength?: number;
  /** Browser autocomplete token, e.g. "name". */
  autocomplete?: string;
}

export interface DateField extends FieldBase {
  kind: 'date';
  /** A date after today is refused (birth dates, past events). */
  notFuture?: boolean;
  /** A date before today is refused (start of a stay). */
  notPast?: boolean;
  /** Earliest acceptable year. */
  minYear?: number;
}

export interface ChoiceOption {
  value: string;
  label: Localized;
}

export interface ChoiceField extends FieldBase {
  kind: 'choice';
  options: readonly ChoiceOption[];
}

export interface CccdField extends FieldBase {
  kind: 'cccd';
  /** Fields whose answers digits 4–6 of the CCCD must agree with. */
  sexField?: string;
  birthDateField?: string;
}

export interface SimpleField extends FieldBase {
  kind: 'phone' | 'email' | 'yesno';
}

export interface NumberField extends FieldBase {
  kind: 'number';
  min?: number;
  max?: number;
}

export type Field = TextField | DateField | ChoiceField | CccdField | SimpleField | NumberField;

export type FieldKind = Field['kind'];

export interface FormDefinition {
  /** Stable id, e.g. "tam-tru-ct01". */
  id: string;
  /** Bumped whenever fields change; drafts remember the version they were started on. */
  version: number;
  /** National procedure code this form belongs to, e.g. "1.004194". */
  procedureCode: string;
  title: Localized;
  fields: readonly Field[];
}

export type AnswerValue = string | number | boolean;

/** What the phone stores and sends: field id → answer (dates as ISO yyyy-mm-dd). */
export type Answers = Record<string, AnswerValue>;
