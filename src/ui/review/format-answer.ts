/** Answers as a person reads them on the review step: dates dd/mm/yyyy, choices by label, money in đồng. */
import type { AddressAnswer, Field } from '../../domain/form-schema';
import { type Lang, pick } from '../../domain/localized';
import { isoToVn } from '../../domain/dates';
import { formatVnd } from '../../domain/money';

/** Words the caller translates (the helper stays pure and testable). */
export interface AnswerWords {
  yes: string;
  no: string;
  years: (n: number) => string;
  files: (n: number) => string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** "Thôn 3, Xã Hoằng Hoá, Tỉnh Thanh Hoá": picked parts first; free text when nothing was picked. */
export function addressText(value: unknown): string {
  if (!isRecord(value)) return typeof value === 'string' ? value.trim() : '';
  const a = value as Partial<AddressAnswer>;
  const picked = [str(a.detail), str(a.communeName), str(a.provinceName)].filter(Boolean);
  const free = str(a.freeText);
  if (str(a.communeCode) || str(a.provinceCode)) return picked.join(', ') || free;
  return free ? [str(a.detail), free].filter(Boolean).join(', ') : picked.join(', ');
}

/** One answer as text; undefined when there is nothing to show (groups are laid out by the caller). */
export function formatAnswer(field: Field, value: unknown, lang: Lang, words: AnswerWords): string | undefined {
  if (value === undefined || value === null || value === '') {
    // A box never ticked is a "no" on review, the same as one ticked and cleared.
    if (field.kind === 'yesno') return words.no;
    return field.kind === 'attachment' ? words.files(0) : undefined;
  }
  switch (field.kind) {
    case 'date':
      return typeof value === 'string' ? isoToVn(value) : undefined;
    case 'choice': {
      const option = field.options.find((o) => o.value === value);
      return option ? pick(option.label, lang) : String(value);
    }
    case 'multichoice': {
      if (!Array.isArray(value) || value.length === 0) return undefined;
      return (
        field.options
          .filter((o) => value.includes(o.value))
          .map((o) => pick(o.label, lang))
          .join(', ') || undefined
      );
    }
    case 'yesno':
      return value === true ? words.yes : value === false ? words.no : undefined;
    case 'address':
      return addressText(value) || undefined;
    case 'attachment':
      return words.files(Array.isArray(value) ? value.length : 0);
    case 'computed':
      if (typeof value !== 'number') return undefined;
      return field.unit === 'vnd' ? formatVnd(value) : field.unit === 'years' ? words.years(value) : String(value);
    case 'group':
      return undefined;
    case 'number':
      return typeof value === 'number' ? String(value).replace('.', lang === 'vi' ? ',' : '.') : String(value);
    default:
      return typeof value === 'string' ? value.trim() || undefined : String(value);
  }
}
