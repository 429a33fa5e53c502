/**
 * Records encrypted at rest under the phone's data key (AES-256-GCM, a fresh 96-bit IV per
 * write). The additional data binds each ciphertext to its table and row id, so a ciphertext
 * copied onto another row does not decrypt. Rows keep ids, states and dates in clear (queries
 * work); only the personal part travels through these helpers.
 */
import { type Key, fromUtf8, randomBytes, utf8 } from './bytes';

export interface EncryptedRecord {
  /** Marks the value as ciphertext (a v3 row read before its upgrade has none). */
  enc: 1;
  iv: Uint8Array<ArrayBuffer>;
  ct: ArrayBuffer;
}

export function isEncryptedRecord(value: unknown): value is EncryptedRecord {
  return typeof value === 'object' && value !== null && (value as { enc?: unknown }).enc === 1;
}

function aad(scope: string): Uint8Array<ArrayBuffer> {
  return utf8(`mcld-record/1/${scope}`);
}

export async function encryptBytes(key: Key, bytes: Uint8Array<ArrayBuffer>, scope: string): Promise<EncryptedRecord> {
  const iv = randomBytes(12);
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(scope) }, key, bytes);
  return { enc: 1, iv, ct };
}

/** The bytes, or undefined when the key, the scope or the ciphertext is wrong. */
export async function decryptBytes(key: Key, record: EncryptedRecord, scope: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: record.iv, additionalData: aad(scope) }, key, record.ct));
  } catch {
    return undefined;
  }
}

export async function encryptJson(key: Key, value: unknown, scope: string): Promise<EncryptedRecord> {
  return encryptBytes(key, utf8(JSON.stringify(value)), scope);
}

export async function decryptJson<T>(key: Key, record: EncryptedRecord, scope: string): Promise<T | undefined> {
  const bytes = await decryptBytes(key, record, scope);
  if (!bytes) return undefined;
  try {
    return JSON.parse(fromUtf8(bytes)) as T;
  } catch {
    return undefined;
  }
}
