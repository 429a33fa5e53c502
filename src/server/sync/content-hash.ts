/**
 * Decides "same dossier?" for retries: sha256 of canonical JSON of what the resident declared
 * (form, version, commune, normalised answers). submittedAt is left out on purpose: it is read
 * from the phone's clock, which may be corrected between retries, and a retry must never turn
 * into a conflict that needs a human for a difference nobody declared. The consent record is left
 * out for the same reason: it says when and in which language the resident agreed, not what they
 * declared, and a phone that asks again (a new consent version) must still get `duplicate`. The
 * server keeps the consent of the first write. Attachments are in: their refs (hash, size) are answers.
 */
import { createHash } from 'node:crypto';
import type { AcceptedSubmission } from './sync-repository';

/** JSON with object keys sorted at every level, so equal content always gives equal bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function contentHashOf(item: Pick<AcceptedSubmission, 'formId' | 'formVersion' | 'communeCode' | 'answers'>): string {
  const declared = {
    formId: item.formId,
    formVersion: item.formVersion,
    communeCode: item.communeCode,
    answers: item.answers,
  };
  return createHash('sha256').update(canonicalJson(declared), 'utf8').digest('hex');
}
