/** Vietnamese text helpers shared by page, service worker and server. */

/** Keyboards send NFC or NFD: every stored or compared string goes through this first. */
export function toNfc(value: string): string {
  return value.normalize('NFC');
}

/**
 * Folds Vietnamese to plain lowercase ASCII so "dang ky" finds "Đăng ký" and the tone mark's
 * position ("Hoá" / "Hóa") never matters.
 */
export function foldDiacritics(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** Trims and collapses inner whitespace, in NFC. */
export function cleanText(value: string): string {
  return toNfc(value).replace(/\s+/g, ' ').trim();
}
