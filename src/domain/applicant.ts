/**
 * Who a dossier is for, as the inbox, the register and the printed forms name them: the first
 * answer of the fields the forms use for the person filing (requester, filer, then the person
 * themself), so one rule serves every form. Pure; absent answers give empty strings.
 */
import type { AddressAnswer, Answers } from './form-schema';

const NAME_FIELDS = ['requesterName', 'filerName', 'fullName', 'headName', 'ownerName'] as const;
const CCCD_FIELDS = ['requesterCccd', 'cccd', 'headCccd', 'ownerCccd'] as const;
const PHONE_FIELDS = ['requesterPhone', 'contactPhone', 'phone'] as const;
const ADDRESS_FIELDS = ['currentAddress', 'permanentAddress', 'temporaryAddress'] as const;

export interface Applicant {
  name: string;
  cccd: string;
  phone: string;
  address: string;
}

function firstText(answers: Answers, fields: readonly string[]): string {
  for (const id of fields) {
    const value = answers[id];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return '';
}

function addressText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return '';
  const a = value as Partial<AddressAnswer>;
  if (typeof a.freeText === 'string' && a.freeText.trim() !== '') return a.freeText.trim();
  return [a.detail, a.communeName, a.provinceName].filter((v): v is string => typeof v === 'string' && v.trim() !== '').join(', ');
}

export function applicantOf(answers: Answers): Applicant {
  let address = '';
  for (const id of ADDRESS_FIELDS) {
    address = addressText(answers[id]);
    if (address) break;
  }
  return {
    name: firstText(answers, NAME_FIELDS),
    cccd: firstText(answers, CCCD_FIELDS),
    phone: firstText(answers, PHONE_FIELDS),
    address,
  };
}
