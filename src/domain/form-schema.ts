/**
 * Forms are data: a form lists typed fields, and one validator (validate.ts) reads them on the
 * phone and on the server. Bump FORM_SCHEMA_VERSION when this shape changes.
 *
 * Version 2 (additive, every version-1 form is still a valid version-2 form): kinds `multichoice`,
 * `address`, `attachment`, `group` (repeatable) and `computed`; conditions `notEmpty`, `includes`,
 * `all` and `any`; cross-field `rules` declared on the form (and on groups); `qrMap` to fill a
 * form from the chip CCCD's QR code. Answers widened to lists, addresses, attachments and group
 * items, all still plain JSON.
 *
 * Version 3 (additive again): condition `not`; min-age code `minor-needs-guardian`; rule
 * `year-before` and `cccd-matches.birthYear` for forms that ask a year of birth; a computed
 * field may carry the catalogue's `fee` data, so a computed fee follows the same rules and
 * validity periods as the procedure page.
 */
import type { Localized } from './localized';
import type { ComputationName } from './computations';
import type { FeeLine } from './catalog';

export const FORM_SCHEMA_VERSION = 3;

/**
 * Shows a field only when another answer makes it relevant; hidden fields are not validated or
 * sent. Inside a group, `field` names a field of the same item first, then of the whole form.
 */
export type Condition =
  | { field: string; equals: string | boolean }
  | { field: string; in: readonly string[] }
  | { field: string; notEmpty: true }
  /** For multichoice answers: the list contains this value. */
  | { field: string; includes: string }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  /** Holds when the inner condition does not (an unanswered field counts as not matching). */
  | { not: Condition };

interface FieldBase {
  id: string;
  label: Localized;
  hint?: Localized;
  required?: boolean;
  showIf?: Condition;
}

export interface TextField extends FieldBase {
  kind: 'text' | 'longtext';
  /** Longest answer, in user-perceived characters (graphemes), not UTF-16 units. */
  maxLength?: number;
  /**
   * The answer is a name (of a person, a bank, a paper): it must contain at least one letter,
   * so "123", "..." or a run of zero-width characters is refused (`name-no-letter`).
   */
  isName?: boolean;
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
  /** A date more than this many days after today is refused (a stay starting in 2099). */
  maxDaysAhead?: number;
}

export interface ChoiceOption {
  value: string;
  label: Localized;
}

export interface ChoiceField extends FieldBase {
  kind: 'choice';
  options: readonly ChoiceOption[];
}

/** Several options may be ticked; the answer is the list of their values. `required`: at least one. */
export interface MultiChoiceField extends FieldBase {
  kind: 'multichoice';
  options: readonly ChoiceOption[];
  maxSelected?: number;
}

export interface CccdField extends FieldBase {
  kind: 'cccd';
  /** Fields whose answers digits 4–6 of the CCCD must agree with (a shorthand for a `cccd-matches` rule). */
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
  /** Whole numbers only (pages, copies, people). */
  integer?: boolean;
}

/** thôn/tổ — xã/phường — tỉnh/thành, picked from the administrative units, or typed as free text. */
export interface AddressField extends FieldBase {
  kind: 'address';
  /** Free text alone is not enough: the commune and province must be picked from the list. */
  requireUnit?: boolean;
}

export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** Photos and scans; the bytes travel separately as blobs keyed by their sha256. */
export interface AttachmentField extends FieldBase {
  kind: 'attachment';
  /** Accepted types; all of ATTACHMENT_TYPES when absent. */
  accept?: readonly AttachmentType[];
  /** At most this many files (default 1). */
  maxFiles?: number;
  /** When required: at least this many files (default 1). */
  minFiles?: number;
  /** Largest accepted file in bytes (default 10 MB). */
  maxBytes?: number;
}

/** A repeatable block, e.g. the family members moving together; the answer is one object per item. */
export interface GroupField extends FieldBase {
  kind: 'group';
  fields: readonly Field[];
  minItems?: number;
  maxItems: number;
  /** Heading of one item, e.g. "Người thứ {n}". */
  itemLabel?: Localized;
  /** Cross-field rules checked inside every item. */
  rules?: readonly FormRule[];
}

/**
 * A value the app works out (age, total fee), never typed by the user: the validator recomputes
 * it from the other answers with a named pure function from computations.ts.
 */
export interface ComputedField extends FieldBase {
  kind: 'computed';
  compute: ComputationName;
  /** Argument name → field id it is read from (item first, then the form). */
  args: Readonly<Record<string, string>>;
  /** Fixed values the computation needs (fee rates, a field name), kept here so the form stays data. */
  params?: Readonly<Record<string, number | string>>;
  /** The catalogue's fee data for a fee computation: its rule on the day replaces rate params. */
  fee?: FeeLine;
  /** How the page shows it. */
  unit?: 'vnd' | 'years' | 'count';
}

export type Field =
  | TextField
  | DateField
  | ChoiceField
  | MultiChoiceField
  | CccdField
  | SimpleField
  | NumberField
  | AddressField
  | AttachmentField
  | GroupField
  | ComputedField;

export type FieldKind = Field['kind'];

/** Error codes a form may choose for a min-age rule (each has a translated message). */
export type MinAgeCode = 'min-age' | 'marriage-age-man' | 'marriage-age-woman' | 'minor-needs-guardian';

/** Cross-field checks, declared as data; field ids resolve in the item first, then the form. */
export type FormRule =
  /** The CCCD's sex/century digit and birth year agree with the sex and birth date answers. */
  | {
      kind: 'cccd-matches';
      cccd: string;
      sex?: string | undefined;
      birthDate?: string | undefined;
      /** A number field holding only the year of birth (forms that ask the year, not the date). */
      birthYear?: string | undefined;
      sexIs?: 'male' | 'female';
    }
  /** The person is at least `years` old on `atDate` (a date field, or today). Reported on birthDate. */
  | { kind: 'min-age'; birthDate: string; atDate?: string; years: number; when?: Condition; code?: MinAgeCode }
  /** `after` is not earlier than `before` (birth before death, start before end). Reported on `after`. */
  | { kind: 'date-order'; before: string; after: string; strict?: boolean }
  /** The year in number field `year` is before the year of date field `date` (a parent born before the child). Reported on `year`. */
  | { kind: 'year-before'; year: string; date: string };

/** Where each piece of the chip CCCD's QR code goes in this form. */
export interface QrMap {
  cccd?: string;
  oldId?: string;
  fullName?: string;
  birthDate?: string;
  sex?: string;
  address?: string;
  issueDate?: string;
}

export interface FormDefinition {
  /** Stable id, e.g. "tam-tru-ct01". */
  id: string;
  /** Bumped whenever fields change; drafts remember the version they were started on. */
  version: number;
  /**
   * National procedure code this form belongs to, e.g. "1.004194"; for a procedure whose national
   * code is not confirmed yet (catalogue `code: null`), the procedure's slug.
   */
  procedureCode: string;
  title: Localized;
  fields: readonly Field[];
  rules?: readonly FormRule[];
  qrMap?: QrMap;
}

/** A picked or typed address. Names are kept as entered so it stays readable after units change. */
export interface AddressAnswer {
  provinceCode?: string;
  provinceName?: string;
  communeCode?: string;
  communeName?: string;
  /** thôn/tổ, số nhà, đường. */
  detail: string;
  /** Version (date) of the administrative-units list the codes were picked from. */
  unitsVersion?: string;
  /** The whole address as typed, when the unit could not be picked (or came from an old paper). */
  freeText?: string;
}

export interface AttachmentRef {
  /** Lowercase hex sha256 of the bytes; the blob is sent separately under this key. */
  sha256: string;
  name: string;
  type: AttachmentType;
  size: number;
}

export type AnswerScalar = string | number | boolean;

/** Every answer is plain JSON, so it survives IndexedDB, the wire and the database unchanged. */
export type AnswerValue = AnswerScalar | string[] | AddressAnswer | AttachmentRef[] | Answers[];

/** What the phone stores and sends: field id → answer (dates as ISO yyyy-mm-dd). */
export interface Answers {
  [id: string]: AnswerValue;
}
