/**
 * Text that looks harmless but is not: control characters (a NUL that PostgreSQL refuses, an
 * escape sequence for the officer's terminal, a line break that forges a log line), bidi
 * overrides and isolates that make "nhà số 12" display as something else, and lone UTF-16
 * surrogates that are not text at all. Refused wherever people type (form answers, names,
 * notes), on the phone and the server alike. Tab and line breaks are allowed in long text only.
 *
 * Text that is merely not in NFC is normalised, never refused: Vietnamese keyboards (Telex and
 * VNI on phones, Unikey on Windows) send decomposed tone marks, and a person who typed "Nguyễn"
 * honestly must not see an error. The stored form is always NFC (text.ts toNfc).
 */

/** What is wrong with a piece of text; each is also a validation code (validation-codes.ts). */
export type UnsafeText = 'control-character' | 'bidi-control' | 'lone-surrogate';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- the same, with tab, line feed and carriage return allowed
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** LRE, RLE, PDF, LRO, RLO (U+202A–202E) and LRI, RLI, FSI, PDI (U+2066–2069). */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LETTER = /\p{L}/u;
/** What renders as nothing: whitespace, format characters (zero-width space, joiners), combining marks. */
const INVISIBLE = /[\s\p{Cf}\p{M}]/gu;

export function unsafeText(value: string, options: { multiline: boolean }): UnsafeText | null {
  if ((options.multiline ? CONTROL_EXCEPT_LINES : CONTROL).test(value)) return 'control-character';
  if (BIDI.test(value)) return 'bidi-control';
  if (LONE_SURROGATE.test(value)) return 'lone-surrogate';
  return null;
}

/** A person's or a place's name needs at least one letter (not only digits, marks or zero-width characters). */
export function hasLetter(value: string): boolean {
  return LETTER.test(value);
}

/** True when nothing would be seen: only whitespace, zero-width characters and marks. */
export function isInvisible(value: string): boolean {
  return value.replace(INVISIBLE, '') === '';
}
