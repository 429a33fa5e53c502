/**
 * The QR code on the chip CCCD: `CCCD|old CMND|full name|ddMMyyyy|Nam/Nữ|address|ddMMyyyy`.
 * Read it (camera or pasted text) to fill a form, checking it the way a clerk would: a code whose
 * digits disagree with the printed sex or birth year is refused rather than half-used.
 */
import { cleanText, foldDiacritics } from './text';
import { toIsoDate, type CalendarDate } from './dates';
import { decodeCccd, type Sex } from './identifiers';
import { addressFromText, type AdminUnits } from './admin-units';
import type { Answers, AnswerValue, FormDefinition, QrMap } from './form-schema';

export interface CccdQrData {
  cccd: string;
  oldId?: string;
  fullName: string;
  /** ISO yyyy-mm-dd. */
  birthDate: string;
  sex: Sex;
  address: string;
  /** ISO yyyy-mm-dd. */
  issueDate: string;
}

/** qr-format: not a CCCD QR code at all; qr-cccd: the number is wrong or disagrees; qr-date: a bad date. */
export const CCCD_QR_ERRORS = ['qr-format', 'qr-cccd', 'qr-date'] as const;

export type CccdQrError = (typeof CCCD_QR_ERRORS)[number];

export type CccdQrResult = { ok: true; data: CccdQrData } | { ok: false; error: CccdQrError };

const MAX_QR_LENGTH = 1000;
const OLD_ID = /^(\d{9}|\d{12})$/;

function qrDate(text: string): CalendarDate | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? { year, month, day } : null;
}

function qrSex(text: string): Sex | null {
  const folded = foldDiacritics(text);
  return folded === 'nam' ? 'male' : folded === 'nu' ? 'female' : null;
}

export function parseCccdQr(text: unknown): CccdQrResult {
  const fail = (error: CccdQrError): CccdQrResult => ({ ok: false, error });
  if (typeof text !== 'string' || text.length > MAX_QR_LENGTH) return fail('qr-format');
  const parts = text
    .normalize('NFC')
    .replace(/[|\s]+$/, '')
    .trim()
    .split('|')
    .map((p) => cleanText(p));
  if (parts.length !== 7) return fail('qr-format');
  const [cccd, oldId, fullName, birth, sexText, address, issue] = parts as [string, string, string, string, string, string, string];
  if (!fullName || fullName.length > 100 || /\d/.test(fullName) || !address || address.length > 300) return fail('qr-format');
  if (oldId !== '' && !OLD_ID.test(oldId)) return fail('qr-format');
  const sex = qrSex(sexText);
  if (!sex) return fail('qr-format');
  const facts = decodeCccd(cccd);
  if (typeof facts === 'string') return fail('qr-cccd');
  const birthDate = qrDate(birth);
  const issueDate = qrDate(issue);
  if (!birthDate || !issueDate || toIsoDate(issueDate) < toIsoDate(birthDate)) return fail('qr-date');
  if (facts.sex !== sex || facts.birthYear !== birthDate.year) return fail('qr-cccd');
  return {
    ok: true,
    data: {
      cccd,
      ...(oldId ? { oldId } : {}),
      fullName,
      birthDate: toIsoDate(birthDate),
      sex,
      address,
      issueDate: toIsoDate(issueDate),
    },
  };
}

/**
 * The answers a scanned code fills in, by the form's `qrMap`: only top-level fields of a fitting
 * kind; an address field gets picked units when the text names them, else free text.
 */
export function qrToAnswers(form: FormDefinition, data: CccdQrData, units?: AdminUnits): Answers {
  const out: Answers = {};
  const map: QrMap = form.qrMap ?? {};
  for (const key of Object.keys(map) as Array<keyof QrMap>) {
    const fieldId = map[key];
    const field = fieldId === undefined ? undefined : form.fields.find((f) => f.id === fieldId);
    const value = data[key];
    if (!field || value === undefined) continue;
    let answer: AnswerValue | undefined;
    switch (field.kind) {
      case 'address':
        answer = key === 'address' ? addressFromText(value, units) : undefined;
        break;
      case 'choice':
        answer = field.options.some((o) => o.value === value) ? value : undefined;
        break;
      case 'date':
        answer = key === 'birthDate' || key === 'issueDate' ? value : undefined;
        break;
      case 'text':
      case 'longtext':
      case 'cccd':
        answer = value;
        break;
      default:
        answer = undefined;
    }
    if (answer !== undefined) out[field.id] = answer;
  }
  return out;
}
