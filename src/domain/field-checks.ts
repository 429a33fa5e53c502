/**
 * One answer of one field: is it empty, what is it once tidied (NFC, spaces, phone compacted),
 * and what is wrong with it. Cross-field rules and groups live in validate.ts / form-rules.ts.
 * Input arrives through json-view, so it is already what JSON would carry.
 */
import { cleanText, graphemeLength, toNfc } from './text';
import { hasLetter, isInvisible, unsafeText } from './text-safety';
import { type CalendarDate, compareDates, parseIsoDate } from './dates';
import { checkCccd, compactPhone, isMobileNumber } from './identifiers';
import { COMMUNE_CODE, PROVINCE_CODE, findUnit, type AdminUnits } from './admin-units';
import { isRecord, jsonKeys, readItem, readOwn } from './json-view';
import type { ValidationCode } from './validation-codes';
import {
  ATTACHMENT_TYPES,
  type AddressAnswer,
  type AddressField,
  type AnswerValue,
  type AttachmentField,
  type AttachmentRef,
  type AttachmentType,
  type ComputedField,
  type DateField,
  type Field,
  type GroupField,
  type MultiChoiceField,
} from './form-schema';

export type LeafField = Exclude<Field, GroupField | ComputedField>;

export interface LeafContext {
  /** Absent when only normalising (no clock): date range checks are then skipped. */
  today?: CalendarDate | undefined;
  units?: AdminUnits | undefined;
}

export interface LeafResult {
  empty: boolean;
  /** The tidied answer, when it has the right shape (even if a rule refuses its content). */
  value?: AnswerValue | undefined;
  code?: ValidationCode | undefined;
  /** Problems inside a structured answer, by sub-key (`currentAddress.town`). */
  inner?: Array<{ key: string; code: ValidationCode }>;
}

const DEFAULT_MAX_LENGTH = { text: 200, longtext: 2000 } as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SHA256 = /^[0-9a-f]{64}$/i;
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const DAY_MS = 86_400_000;
const ADDRESS_LIMITS = { detail: 200, freeText: 300, provinceName: 100, communeName: 100, unitsVersion: 20 } as const;
const ADDRESS_KEYS = new Set(['provinceCode', 'provinceName', 'communeCode', 'communeName', 'detail', 'unitsVersion', 'freeText']);

const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * A grapheme is at least one UTF-16 unit, so a text no longer than `max` units is short enough
 * without segmenting it; past `max × 16` units it is too long whatever it holds (an emoji
 * family is 11 units, a Vietnamese letter at most 3; a "character" carrying dozens of stacked
 * marks is not text), which also bounds the segmenter's work.
 */
function tooLong(text: string, max: number): boolean {
  if (text.length <= max) return false;
  return text.length > max * 16 || graphemeLength(text) > max;
}

/** Hostile text (text-safety.ts) as a validation code; `multiline` allows tab and line breaks. */
function hostile(value: string, multiline: boolean): ValidationCode | undefined {
  return unsafeText(value, { multiline }) ?? undefined;
}

function tidyText(field: LeafField, value: string): string {
  if (field.kind === 'longtext') return toNfc(value).replace(/\r\n?/g, '\n').trim();
  const text = cleanText(value);
  if (field.kind === 'phone') return compactPhone(text);
  if (field.kind === 'cccd') return text.replace(/[\s.]/g, '');
  return text;
}

const dayNumber = (d: CalendarDate): number => Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;

function checkDate(field: DateField, value: string, today: CalendarDate | undefined): ValidationCode | undefined {
  const date = parseIsoDate(value);
  if (!date) return 'date-format';
  if (field.minYear !== undefined && date.year < field.minYear) return 'date-too-early';
  if (!today) return undefined;
  if (field.notFuture && compareDates(date, today) > 0) return 'date-future';
  if (field.notPast && compareDates(date, today) < 0) return 'date-past';
  if (field.maxDaysAhead !== undefined && dayNumber(date) - dayNumber(today) > field.maxDaysAhead) return 'date-too-late';
  return undefined;
}

function checkString(field: LeafField, text: string, context: LeafContext): ValidationCode | undefined {
  switch (field.kind) {
    case 'text':
    case 'longtext':
      if (isInvisible(text)) return 'invisible-text';
      if (field.isName && !hasLetter(text)) return 'name-no-letter';
      return tooLong(text, field.maxLength ?? DEFAULT_MAX_LENGTH[field.kind]) ? 'too-long' : undefined;
    case 'date':
      return checkDate(field, text, context.today);
    case 'choice':
      return field.options.some((o) => o.value === text) ? undefined : 'choice-unknown';
    case 'phone':
      return isMobileNumber(text) ? undefined : 'phone-format';
    case 'email':
      return EMAIL.test(text) && text.length <= 254 ? undefined : 'email-format';
    case 'cccd':
      return checkCccd(text) ?? undefined;
    default:
      return 'wrong-type';
  }
}

function checkNumber(field: LeafField, value: number): LeafResult {
  if (field.kind !== 'number') return { empty: false, code: 'wrong-type' };
  if (field.integer && !Number.isInteger(value)) return { empty: false, value, code: 'number-whole' };
  const outside = (field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max);
  return { empty: false, value, code: outside ? 'number-range' : undefined };
}

function checkMultiChoice(field: MultiChoiceField, list: readonly unknown[]): LeafResult {
  if (list.length === 0) return { empty: true };
  // More entries than options can only be repeats or junk: refuse before looking at them.
  if (list.length > field.options.length) return { empty: false, code: 'too-many' };
  const picked = new Set<string>();
  let code: ValidationCode | undefined;
  for (let i = 0; i < list.length; i++) {
    const item = readItem(list, i);
    if (typeof item !== 'string') return { empty: false, code: 'wrong-type' };
    const unsafe = hostile(item, false);
    if (unsafe) return { empty: false, code: unsafe };
    const value = cleanText(item);
    if (field.options.some((o) => o.value === value)) picked.add(value);
    else code ??= 'choice-unknown';
  }
  const value = field.options.map((o) => o.value).filter((v) => picked.has(v));
  if (!code && field.maxSelected !== undefined && value.length > field.maxSelected) code = 'too-many';
  return { empty: false, value, code };
}

function checkAttachments(field: AttachmentField, list: readonly unknown[]): LeafResult {
  if (list.length === 0) return { empty: true };
  if (list.length > (field.maxFiles ?? 1)) return { empty: false, code: 'too-many' };
  const accept: readonly AttachmentType[] = field.accept ?? ATTACHMENT_TYPES;
  const value: AttachmentRef[] = [];
  let code: ValidationCode | undefined;
  for (let i = 0; i < list.length; i++) {
    const item = readItem(list, i);
    if (!isRecord(item)) return { empty: false, code: 'wrong-type' };
    const [sha256, name, type, size] = ['sha256', 'name', 'type', 'size'].map((k) => readOwn(item, k));
    if (typeof sha256 !== 'string' || typeof name !== 'string' || typeof type !== 'string' || typeof size !== 'number') {
      return { empty: false, code: 'wrong-type' };
    }
    const cleanName = cleanText(name);
    const unsafe = hostile(name, false);
    if (unsafe) code ??= unsafe;
    else if (!SHA256.test(sha256)) code ??= 'attachment-hash';
    else if (!(accept as readonly string[]).includes(type)) code ??= 'attachment-type';
    else if (!Number.isInteger(size) || size <= 0 || size > (field.maxBytes ?? DEFAULT_MAX_BYTES)) code ??= 'attachment-size';
    else if (cleanName === '' || tooLong(cleanName, 200)) code ??= 'wrong-type';
    else value.push({ sha256: sha256.toLowerCase(), name: cleanName, type: type as AttachmentType, size });
  }
  if (!code && field.required && value.length < (field.minFiles ?? 1)) code = 'too-few';
  return { empty: false, value: code ? undefined : value, code };
}

function checkAddress(field: AddressField, raw: Record<string, unknown>, context: LeafContext): LeafResult {
  const parts: Partial<Record<keyof AddressAnswer, string>> = {};
  const inner: Array<{ key: string; code: ValidationCode }> = [];
  const keys = jsonKeys(raw, 20);
  if (keys === null) return { empty: false, code: 'too-many' };
  for (const key of keys) {
    if (!ADDRESS_KEYS.has(key)) inner.push({ key, code: 'unknown-field' });
  }
  for (const key of ADDRESS_KEYS) {
    const v = readOwn(raw, key);
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') return { empty: false, code: 'wrong-type' };
    const unsafe = hostile(v, false);
    if (unsafe) return { empty: false, code: unsafe, inner };
    const text = cleanText(v);
    if (text !== '') parts[key as keyof AddressAnswer] = text;
  }
  const { provinceCode, communeCode, freeText, detail = '' } = parts;
  if (!provinceCode && !communeCode && !freeText && !detail) return { empty: true, inner };
  for (const [key, max] of Object.entries(ADDRESS_LIMITS)) {
    if (tooLong(parts[key as keyof AddressAnswer] ?? '', max)) return { empty: false, code: 'too-long', inner };
  }
  for (const key of ['detail', 'freeText'] as const) {
    if (parts[key] !== undefined && isInvisible(parts[key])) return { empty: false, code: 'invisible-text', inner };
  }
  const value: AddressAnswer = { ...parts, detail };
  if (!provinceCode && !communeCode) {
    // Free text is the fallback when the unit cannot be picked (or the list is not loaded yet).
    delete value.provinceName;
    delete value.communeName;
    delete value.unitsVersion;
    const code = field.requireUnit || !freeText ? 'address-unit' : undefined;
    return { empty: false, value, code, inner };
  }
  if (!provinceCode || !communeCode || !PROVINCE_CODE.test(provinceCode) || !COMMUNE_CODE.test(communeCode)) {
    return { empty: false, value, code: 'address-unit', inner };
  }
  if (context.units) {
    const unit = findUnit(context.units, provinceCode, communeCode);
    if (!unit) return { empty: false, value, code: 'address-unit', inner };
    // Names and version come from the list, not from the input, so they always agree with the codes.
    Object.assign(value, { provinceName: unit.provinceName, communeName: unit.communeName, unitsVersion: context.units.version });
  }
  return { empty: false, value, inner };
}

/** Checks and tidies one answer; `raw` is already a JSON view (jsonValue). */
export function checkLeaf(field: LeafField, raw: unknown, context: LeafContext): LeafResult {
  if (isBlank(raw)) return { empty: true };
  if (field.kind === 'multichoice' || field.kind === 'attachment') {
    if (!Array.isArray(raw)) return { empty: false, code: 'wrong-type' };
    return field.kind === 'multichoice' ? checkMultiChoice(field, raw) : checkAttachments(field, raw);
  }
  if (field.kind === 'address') {
    return isRecord(raw) ? checkAddress(field, raw, context) : { empty: false, code: 'wrong-type' };
  }
  if (field.kind === 'yesno') return typeof raw === 'boolean' ? { empty: false, value: raw } : { empty: false, code: 'wrong-type' };
  if (typeof raw === 'number') return checkNumber(field, raw);
  if (typeof raw !== 'string' || field.kind === 'number') return { empty: false, code: 'wrong-type' };
  // Before tidying: cleanText would fold a tab or a line break into a space and hide it.
  const unsafe = hostile(raw, field.kind === 'longtext');
  if (unsafe) return { empty: false, code: unsafe };
  const text = tidyText(field, raw);
  if (text === '') return { empty: true };
  return { empty: false, value: text, code: checkString(field, text, context) };
}
