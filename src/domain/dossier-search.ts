/**
 * What an officer's inbox search matches: the dossier code and every text answer (names, CCCD,
 * phone, address), folded the way people type without diacritics ("nguyen van an" finds
 * "Nguyễn Văn An", đ as d). The server stores this beside the dossier when the push stores it, so
 * a search is one LIKE over one column; a query is folded the same way before it is matched.
 */
import type { Answers } from './form-schema';
import { foldDiacritics } from './text';

/** Long enough for every answer of the longest form; a search only needs the words. */
const MAX_SEARCH_TEXT = 4000;

function collect(value: unknown, into: string[]): void {
  if (typeof value === 'string') into.push(value);
  else if (typeof value === 'number') into.push(String(value));
  else if (Array.isArray(value)) for (const v of value) collect(v, into);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) collect(v, into);
}

/** The folded words of a dossier, single-spaced. */
export function dossierSearchText(dossierCode: string, answers: Answers): string {
  const parts: string[] = [dossierCode];
  collect(answers, parts);
  return foldSearch(parts.join(' ')).slice(0, MAX_SEARCH_TEXT);
}

/** A query or a text as the inbox compares them: folded, lowercase, one space between words. */
export function foldSearch(text: string): string {
  return foldDiacritics(text).replace(/\s+/g, ' ').trim();
}
