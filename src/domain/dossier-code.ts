/**
 * Dossier codes people read aloud and write on receipts: `{communeCode}-{yymmdd}-{6 chars}`,
 * e.g. `15865-250714-K7Q2MX`, dated by the day the server received the dossier in Vietnam. The
 * server draws the suffix at random; the phone only checks the shape of a code it is given.
 */
import { vietnamDateOf } from './dates';

/** No 0/O or 1/I: codes are copied by hand and read over the phone. 32 symbols, so no modulo bias. */
export const DOSSIER_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const DOSSIER_SUFFIX_LENGTH = 6;

/** The shape of every code makeDossierCode writes (5-digit commune code, date, suffix). */
export const DOSSIER_CODE = new RegExp(`^\\d{5}-\\d{6}-[${DOSSIER_CODE_ALPHABET}]{${DOSSIER_SUFFIX_LENGTH}}$`);

/** The code for a dossier received at `receivedAt` (dated in Vietnam time). */
export function makeDossierCode(communeCode: string, receivedAt: number, suffix: string): string {
  const d = vietnamDateOf(receivedAt);
  const yymmdd = [d.year % 100, d.month, d.day].map((n) => String(n).padStart(2, '0')).join('');
  return `${communeCode}-${yymmdd}-${suffix}`;
}
