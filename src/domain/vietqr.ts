/**
 * VietQR (NAPAS 247) payloads: the EMVCo merchant-presented QR a bank app scans to pay a fee into
 * the commune's collection account, with the dossier code as the purpose of the transfer. Pure
 * text building; the QR image is drawn elsewhere from this text.
 *
 * Layout (each field is id, two-digit length, value): 00=01 · 01=11 static / 12 with an amount ·
 * 38 = { 00: A000000727, 01: { 00: bank BIN, 01: account }, 02: QRIBFTTA } · 53=704 (VND) ·
 * 54 amount · 58=VN · 62 = { 08: purpose } · 63 CRC-16/CCITT-FALSE over everything before it,
 * "6304" included, as four upper-case hex digits.
 */

export const NAPAS_GUID = 'A000000727';
/** Transfer to an account (QRIBFTTC would be to a card). */
export const NAPAS_SERVICE_ACCOUNT = 'QRIBFTTA';

export interface VietQrInput {
  /** The bank's 6-digit NAPAS BIN. */
  bin: string;
  /** The collection account number. */
  account: string;
  /** Whole đồng; absent for a static code the payer fills in. */
  amountVnd?: number;
  /** What the transfer is for (the dossier code); bank apps show it to the commune. */
  purpose?: string;
}

export const VIETQR_ERRORS = ['bin', 'account', 'amount', 'purpose'] as const;
export type VietQrError = (typeof VIETQR_ERRORS)[number];

export class VietQrInputError extends Error {
  override name = 'VietQrInputError';
  constructor(readonly field: VietQrError) {
    super(`VietQR: bad ${field}`);
  }
}

const BIN = /^\d{6}$/;
const ACCOUNT = /^[0-9A-Za-z]{1,19}$/;
/** Purposes pass through banks that drop or garble diacritics: plain letters, digits, space and dash. */
const PURPOSE = /^[0-9A-Za-z -]{1,25}$/;

function field(id: string, value: string): string {
  if (value.length > 99) throw new Error(`VietQR field ${id} longer than 99`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor) of the ASCII text. */
export function crc16CcittFalse(text: string): string {
  let crc = 0xffff;
  for (let i = 0; i < text.length; i++) {
    crc ^= (text.charCodeAt(i) & 0xff) << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** The payload text for `input`; throws VietQrInputError naming the field that cannot be encoded. */
export function buildVietQr(input: VietQrInput): string {
  if (!BIN.test(input.bin)) throw new VietQrInputError('bin');
  if (!ACCOUNT.test(input.account)) throw new VietQrInputError('account');
  const { amountVnd, purpose } = input;
  if (amountVnd !== undefined && (!Number.isSafeInteger(amountVnd) || amountVnd <= 0 || String(amountVnd).length > 13)) {
    throw new VietQrInputError('amount');
  }
  if (purpose !== undefined && !PURPOSE.test(purpose)) throw new VietQrInputError('purpose');
  const beneficiary = field('00', input.bin) + field('01', input.account);
  const merchant = field('00', NAPAS_GUID) + field('01', beneficiary) + field('02', NAPAS_SERVICE_ACCOUNT);
  const body =
    field('00', '01') +
    field('01', amountVnd === undefined ? '11' : '12') +
    field('38', merchant) +
    field('53', '704') +
    (amountVnd === undefined ? '' : field('54', String(amountVnd))) +
    field('58', 'VN') +
    (purpose === undefined ? '' : field('62', field('08', purpose))) +
    '6304';
  return body + crc16CcittFalse(body);
}

/** Whether the last four characters of `payload` are the CRC of everything before them. */
export function hasValidCrc(payload: string): boolean {
  return payload.length > 8 && payload.slice(-8, -4) === '6304' && crc16CcittFalse(payload.slice(0, -4)) === payload.slice(-4);
}
