/**
 * Random suffixes for dossier codes (the code's shape is in src/domain/dossier-code.ts). Random,
 * so server processes sharing one database need no coordination; the UNIQUE constraint catches
 * the rare collision and the push draws again. 32^6 ≈ 1.07 billion suffixes per commune per day.
 */
import { randomBytes } from 'node:crypto';
import { DOSSIER_CODE_ALPHABET, DOSSIER_SUFFIX_LENGTH } from '../../domain/dossier-code';

/** A code collision is ~1 in a billion; this many in a row means something else is wrong. */
export const MAX_CODE_ATTEMPTS = 5;

export function randomDossierSuffix(): string {
  const bytes = randomBytes(DOSSIER_SUFFIX_LENGTH);
  let out = '';
  for (const byte of bytes) out += DOSSIER_CODE_ALPHABET[byte % DOSSIER_CODE_ALPHABET.length];
  return out;
}

/** Thrown after MAX_CODE_ATTEMPTS collisions; the push's transaction rolls back and the phone retries. */
export function codeAllocationError(dossierId: string): Error {
  return new Error(`Could not allocate a unique dossier code for ${dossierId}`);
}
