/**
 * Dossier codes people read aloud and write on receipts: `{communeCode}-{yymmdd}-{6 chars}`,
 * e.g. `15865-250714-K7Q2MX`. The suffix is random, so server processes sharing one database
 * need no coordination; the UNIQUE constraint catches the rare collision and the store retries.
 * 32^6 ≈ 1.07 billion suffixes per commune per day.
 */
import { randomBytes } from 'node:crypto';
import { vietnamDateOf } from '../domain/dates';

/** No 0/O or 1/I: codes are copied by hand and read over the phone. 32 symbols, so no modulo bias. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const DOSSIER_SUFFIX_LENGTH = 6;

export function randomDossierSuffix(): string {
  const bytes = randomBytes(DOSSIER_SUFFIX_LENGTH);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return out;
}

/** The code for a dossier received at `receivedAt` (dated in Vietnam time). */
export function makeDossierCode(communeCode: string, receivedAt: number, suffix: string): string {
  const d = vietnamDateOf(receivedAt);
  const yymmdd = [d.year % 100, d.month, d.day].map((n) => String(n).padStart(2, '0')).join('');
  return `${communeCode}-${yymmdd}-${suffix}`;
}
