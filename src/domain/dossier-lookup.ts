/**
 * "Theo dõi hồ sơ": any phone may follow a dossier it did not send, given the dossier code (from
 * the receipt) and the last 4 digits of the applicant's CCCD or phone number. The server answers
 * with the status and its date only, never a name or an answer, and from then on that phone
 * follows the dossier by pull like the phone that sent it.
 *
 * Guessing is made slow: every miss (unknown code, wrong digits, another commune's code) gets the
 * same answer, and after LOOKUP_FREE_TRIES misses for an address, a device or a code each further
 * try waits longer (lookupWaitMs), up to LOOKUP_MAX_WAIT_MS. With 10^4 possible digit tails and
 * a 30-character code alphabet, a wrong guess costs far more than it can win.
 */
import { DOSSIER_CODE } from './dossier-code';
import type { Answers, AnswerValue } from './form-schema';
import { DOSSIER_STATUSES, type StatusChange } from './protocol';
import { StrictReader, field } from './strict-reader';

/** How many digits of the CCCD or phone number the resident types. */
export const LOOKUP_DIGITS = 4;
/** Misses allowed before any wait. */
export const LOOKUP_FREE_TRIES = 5;
export const LOOKUP_FIRST_WAIT_MS = 30_000;
export const LOOKUP_MAX_WAIT_MS = 15 * 60_000;

/** POST /api/v1/lookup. */
export interface LookupRequest {
  dossierCode: string;
  /** The last LOOKUP_DIGITS digits of the applicant's CCCD or phone number. */
  digits: string;
}

/** The answer (200): enough to show the status and follow it, nothing personal. */
export interface LookupAnswer {
  protocol: number;
  /** The procedure's form, to name the procedure on the phone. */
  formId: string;
  /** The dossier's latest status change (the note left out: it may name the applicant). */
  change: Omit<StatusChange, 'note'>;
}

export type LookupInputProblem = 'code-format' | 'digits-format';

/** A code as typed: upper case, spaces removed, look-alike O/I read as 0/1 are kept out by the pattern. */
export function normaliseDossierCode(text: string): string {
  return text.normalize('NFC').toUpperCase().replace(/\s+/g, '');
}

/** Digits as typed: spaces and dots removed. */
export function normaliseDigits(text: string): string {
  return text.normalize('NFC').replace(/[\s.]/g, '');
}

const DIGITS = new RegExp(`^\\d{${LOOKUP_DIGITS}}$`);

/** What the phone checks before sending, so a resident sees the problem next to the field. */
export function lookupInputProblems(code: string, digits: string): LookupInputProblem[] {
  const problems: LookupInputProblem[] = [];
  if (!DOSSIER_CODE.test(normaliseDossierCode(code))) problems.push('code-format');
  if (!DIGITS.test(normaliseDigits(digits))) problems.push('digits-format');
  return problems;
}

/** The request body as the server reads it; undefined when it is not one (400). */
export function readLookupRequest(value: unknown): LookupRequest | undefined {
  const r = new StrictReader();
  const body = r.record(value, 'request');
  if (!body) return undefined;
  const code = r.string(field(body, 'dossierCode'), 'dossierCode', undefined, 64);
  const digits = r.string(field(body, 'digits'), 'digits', undefined, 32);
  if (code === undefined || digits === undefined) return undefined;
  const request = { dossierCode: normaliseDossierCode(code), digits: normaliseDigits(digits) };
  return lookupInputProblems(request.dossierCode, request.digits).length === 0 ? request : undefined;
}

const CCCD = /^\d{12}$/;
const OLD_ID = /^\d{9}$/;
const PHONE = /^(?:\+?84|0)\d{9}$/;

function tailsOf(value: AnswerValue | undefined, out: Set<string>): void {
  if (typeof value === 'string') {
    const compact = value.replace(/[\s.-]/g, '');
    if (CCCD.test(compact) || OLD_ID.test(compact) || PHONE.test(compact)) out.add(compact.slice(-LOOKUP_DIGITS));
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) tailsOf(item as AnswerValue, out);
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) tailsOf(item as AnswerValue, out);
  }
}

/**
 * The last digits of every identity number (12-digit CCCD, 9-digit old ID) and phone number in a
 * dossier's answers, wherever the form puts them (applicant, declarant, members of a household).
 */
export function identifierTails(answers: Answers): Set<string> {
  const out = new Set<string>();
  for (const value of Object.values(answers)) tailsOf(value, out);
  return out;
}

/** True when `digits` are the last digits of an identity or phone number in the answers. */
export function lookupMatches(answers: Answers, digits: string): boolean {
  return identifierTails(answers).has(normaliseDigits(digits));
}

/** How long the next try waits after `misses` misses: nothing for the first few, then doubling. */
export function lookupWaitMs(misses: number): number {
  if (misses < LOOKUP_FREE_TRIES) return 0;
  return Math.min(LOOKUP_MAX_WAIT_MS, LOOKUP_FIRST_WAIT_MS * 2 ** (misses - LOOKUP_FREE_TRIES));
}

const ID = /^[A-Za-z0-9_-]{8,128}$/;
const FORM_ID = /^[a-z0-9-]{1,64}$/;

function count(r: StrictReader, value: unknown, path: string, min = 0): number | undefined {
  return r.int(value, path, min, Number.MAX_SAFE_INTEGER);
}

/** The server's answer as the phone reads it; undefined when any part is wrong. */
export function readLookupAnswer(value: unknown): LookupAnswer | undefined {
  const r = new StrictReader();
  const body = r.record(value, 'response');
  if (!body) return undefined;
  const protocol = count(r, field(body, 'protocol'), 'protocol', 1);
  const formId = r.string(field(body, 'formId'), 'formId', FORM_ID);
  const change = r.record(field(body, 'change'), 'change');
  if (!change || protocol === undefined || formId === undefined) return undefined;
  const id = r.string(field(change, 'id'), 'change.id', ID);
  const dossierCode = r.string(field(change, 'dossierCode'), 'change.dossierCode', DOSSIER_CODE);
  const status = r.oneOf(field(change, 'status'), DOSSIER_STATUSES, 'change.status');
  const changedAt = count(r, field(change, 'changedAt'), 'change.changedAt');
  const seq = count(r, field(change, 'seq'), 'change.seq', 1);
  if (id === undefined || dossierCode === undefined || status === undefined || changedAt === undefined || seq === undefined)
    return undefined;
  return { protocol, formId, change: { id, dossierCode, status, changedAt, seq } };
}
