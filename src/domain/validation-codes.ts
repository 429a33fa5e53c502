/** Every reason a field can be refused; the page translates each as `errors.<code>`. */
export const VALIDATION_CODES = [
  'required',
  'wrong-type',
  'unknown-field',
  'too-long',
  'date-format',
  'date-future',
  'date-past',
  'date-too-early',
  'choice-unknown',
  'number-range',
  'phone-format',
  'email-format',
  'cccd-format',
  'cccd-province',
  'cccd-sex',
  'cccd-year',
  // Form schema 2.
  'date-too-late',
  'date-order',
  'number-whole',
  'too-many',
  'too-few',
  'attachment-type',
  'attachment-size',
  'attachment-hash',
  'address-unit',
  'min-age',
  'marriage-age-man',
  'marriage-age-woman',
  'unknown-form',
  'wrong-commune',
  // Form schema 3.
  'minor-needs-guardian',
  // Hostile text (text-safety.ts), any text field.
  'control-character',
  'bidi-control',
  'lone-surrogate',
  'invisible-text',
  'name-no-letter',
  // Timestamps the phone sent (the push gate).
  'time-future',
  'time-past',
  'time-order',
  // A dossier sealed to the server's key that did not open (crypto/seal.ts SEAL_FAILURES).
  'seal-malformed',
  'seal-unknown-key',
  'seal-tampered',
  // Visit log (visit.ts): a one-time code or passcode typed into a note.
  'looks-like-otp',
  'unknown-village',
] as const;

export type ValidationCode = (typeof VALIDATION_CODES)[number];

export interface FieldError {
  /** Field path: `fullName`, `members[2].fullName`; '' for the answers as a whole. */
  field: string;
  code: ValidationCode;
}
