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

/** One segmenter for the whole process; older engines without Intl.Segmenter count code points. */
let graphemes: Intl.Segmenter | null | undefined;

/**
 * Length as a person counts it: user-perceived characters (grapheme clusters), so "Nguyễn" typed
 * in NFD or NFC is 6 either way and an emoji family is 1. Lengths limits are counted this way.
 */
export function graphemeLength(value: string): number {
  if (graphemes === undefined)
    graphemes = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  if (graphemes === null) return [...value].length;
  let n = 0;
  for (const _ of graphemes.segment(value)) n++;
  return n;
}
