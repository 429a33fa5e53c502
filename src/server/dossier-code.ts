/**
 * Random suffixes for dossier codes (the code's shape is in src/domain/dossier-code.ts). Random,
 * so server processes sharing one database need no coordination; the UNIQUE constraint catches
 * the rare collision and the store draws again. 32^6 ≈ 1.07 billion suffixes per commune per day.
 */
import { randomBytes } from 'node:crypto';
import { DOSSIER_CODE_ALPHABET, DOSSIER_SUFFIX_LENGTH } from '../domain/dossier-code';

export function randomDossierSuffix(): string {
  const bytes = randomBytes(DOSSIER_SUFFIX_LENGTH);
  let out = '';
  for (const byte of bytes) out += DOSSIER_CODE_ALPHABET[byte % DOSSIER_CODE_ALPHABET.length];
  return out;
}
