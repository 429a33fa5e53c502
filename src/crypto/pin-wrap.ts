/**
 * The phone's data key, wrapped under a key derived from the PIN. The data key (AES-256-GCM)
 * encrypts drafts, the personal part of the dossier list and photos at rest; it exists unwrapped
 * only in memory while the app is unlocked, as a non-extractable CryptoKey. The wrapping key comes
 * from PBKDF2-HMAC-SHA-256 at OWASP's current figure (600 000 iterations, Password Storage Cheat
 * Sheet) over the PIN and a random salt. A wrong PIN fails the AES-GCM tag: no PIN check value is
 * stored, so the wrapped key is the only thing to guess against, at 600 000 iterations a try.
 */
import { type Key, fromBase64Url, randomBytes, toBase64Url, utf8 } from './bytes';

export const PIN_PBKDF2_ITERATIONS = 600_000;
const WRAP_VERSION = 1;

export interface WrappedKey {
  v: typeof WRAP_VERSION;
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  salt: string;
  iv: string;
  /** The data key's raw bytes encrypted under the PIN key (AES-GCM, tag included). */
  wrapped: string;
}

const AES = { name: 'AES-GCM', length: 256 } as const;
const AAD = utf8('mcld-vault/1/data-key');

async function pinKey(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Key> {
  const material = await crypto.subtle.importKey('raw', utf8(pin.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, AES, false, ['wrapKey', 'unwrapKey']);
}

async function wrapWith(pin: string, dataKey: Key, iterations: number): Promise<WrappedKey> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await pinKey(pin, salt, iterations);
  const wrapped = await crypto.subtle.wrapKey('raw', dataKey, key, { name: 'AES-GCM', iv, additionalData: AAD });
  return {
    v: WRAP_VERSION,
    kdf: 'PBKDF2-SHA-256',
    iterations,
    salt: toBase64Url(salt),
    iv: toBase64Url(iv),
    wrapped: toBase64Url(new Uint8Array(wrapped)),
  };
}

/**
 * A new random data key and its wrapping under `pin`. The key handed back is non-extractable;
 * the extractable copy made to wrap it is dropped here.
 */
export async function createDataKey(
  pin: string,
  iterations: number = PIN_PBKDF2_ITERATIONS,
): Promise<{ dataKey: Key; wrapped: WrappedKey }> {
  const extractable = await crypto.subtle.generateKey(AES, true, ['encrypt', 'decrypt']);
  const wrapped = await wrapWith(pin, extractable as Key, iterations);
  const dataKey = await unwrapDataKey(pin, wrapped);
  if (!dataKey) throw new Error('data key did not unwrap');
  return { dataKey, wrapped };
}

/** The data key, non-extractable, or undefined when the PIN is wrong (or the record damaged). */
export async function unwrapDataKey(pin: string, wrapped: WrappedKey, extractable = false): Promise<Key | undefined> {
  const salt = fromBase64Url(wrapped.salt);
  const iv = fromBase64Url(wrapped.iv);
  const bytes = fromBase64Url(wrapped.wrapped);
  if (!salt || !iv || !bytes) return undefined;
  try {
    const key = await pinKey(pin, salt, wrapped.iterations);
    return await crypto.subtle.unwrapKey('raw', bytes, key, { name: 'AES-GCM', iv, additionalData: AAD }, AES, extractable, [
      'encrypt',
      'decrypt',
    ]);
  } catch {
    return undefined;
  }
}

/** The same data key wrapped under a new PIN (so nothing has to be re-encrypted); undefined on a wrong old PIN. */
export async function rewrapDataKey(oldPin: string, newPin: string, wrapped: WrappedKey): Promise<WrappedKey | undefined> {
  const key = await unwrapDataKey(oldPin, wrapped, true);
  if (!key) return undefined;
  return wrapWith(newPin, key, wrapped.iterations);
}
