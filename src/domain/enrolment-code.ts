/**
 * Enrolment codes: what an officer reads out or shows as a QR code so a staff member's phone can
 * get its own credential. 8 symbols from an alphabet without look-alikes (no 0/O, 1/I), so a
 * code read aloud or typed from paper arrives intact; typed in any case, with spaces or dashes
 * (`abcd-2345`), it is the same code. 32^8 ≈ 1.1 × 10^12 codes, valid 24 hours, single use.
 */
export const ENROLMENT_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const ENROLMENT_CODE_LENGTH = 8;
/** The phone's screen that takes a code: `/dang-ky-may#<code>` (the code never reaches a server log). */
export const ENROLMENT_PATH = '/dang-ky-may';

const WELL_FORMED = new RegExp(`^[${ENROLMENT_CODE_ALPHABET}]{${ENROLMENT_CODE_LENGTH}}$`);

/** The code as stored and compared: upper case, spaces and dashes dropped; null when it cannot be one. */
export function normalizeEnrolmentCode(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  const code = value.replace(/[\s-]/g, '').toUpperCase();
  return WELL_FORMED.test(code) ? code : null;
}

/** Shown to people as ABCD-2345. */
export function formatEnrolmentCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
