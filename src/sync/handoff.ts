/**
 * The hand-off file: a phone's unsent dossiers, encrypted with a passphrase, so they can travel
 * (USB, Zalo, a memory card) to another phone or the commune office when there is no coverage.
 * Pure WebCrypto + JSON: no DOM, no storage; runs in the page, the worker and Node 20.
 *
 * Envelope (JSON): { format: 'mcld-outbox', version: 1,
 *   kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt, check },
 *   cipher: { name: 'AES-GCM', iv }, data }   — salt, check, iv and data in base64.
 * Keys: PBKDF2-SHA-256(NFC passphrase, salt, iterations) → 256 bits, then HKDF-SHA-256 splits that
 * into the AES-256-GCM key and a 128-bit `check`. The check tells "wrong passphrase" apart from
 * "file changed or damaged" without weakening anything: testing a guess costs the full PBKDF2
 * either way. The envelope's parameters are the GCM additional data, so editing them is caught.
 * The payload has an optional `blobs` section for photos (sha256, type, bytes in base64).
 */
import type { Submission } from '../domain/protocol';

export const HANDOFF_FORMAT = 'mcld-outbox';
export const HANDOFF_VERSION = 1;
/** OWASP's 2021 floor for PBKDF2-HMAC-SHA-256: a few hundred ms on a cheap phone. */
export const PBKDF2_ITERATIONS = 310_000;
/** Refuse absurd counts in a file (a hostile file could otherwise freeze the phone). */
const MAX_ITERATIONS = 5_000_000;
export const MIN_PASSPHRASE_LENGTH = 8;

export interface HandoffItem {
  submission: Submission;
  label: string;
  queuedAt: number;
}

/** A photo travelling with its dossiers; `data` is the bytes in base64. */
export interface HandoffBlob {
  sha256: string;
  type: string;
  data: string;
}

export interface HandoffPayload {
  exportedAt: number;
  /** The phone that made the file (shown, never used as this phone's id). */
  deviceId: string;
  items: HandoffItem[];
  blobs?: HandoffBlob[];
}

export interface HandoffEnvelope {
  format: typeof HANDOFF_FORMAT;
  version: typeof HANDOFF_VERSION;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string; check: string };
  cipher: { name: 'AES-GCM'; iv: string };
  data: string;
}

export const HANDOFF_ERROR_CODES = ['not-a-handoff-file', 'unsupported-version', 'wrong-passphrase', 'damaged', 'weak-passphrase'] as const;
export type HandoffErrorCode = (typeof HANDOFF_ERROR_CODES)[number];

/** A named reason the UI turns into a sentence (never the raw crypto error). */
export class HandoffError extends Error {
  override name = 'HandoffError';
  constructor(
    readonly code: HandoffErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const encoder = new TextEncoder();
const CHUNK = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** Envelope fields bound to the ciphertext as GCM additional data. */
function additionalData(iterations: number, salt: string, check: string, iv: string): Uint8Array<ArrayBuffer> {
  return encoder.encode([HANDOFF_FORMAT, HANDOFF_VERSION, 'PBKDF2', 'SHA-256', iterations, salt, check, 'AES-GCM', iv].join('|'));
}

async function deriveKeys(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<{ key: CryptoKey; check: string }> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const master = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, 256);
  const hkdf = await crypto.subtle.importKey('raw', master, 'HKDF', false, ['deriveKey', 'deriveBits']);
  const info = (label: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode(`mcld-outbox/1/${label}`) });
  const key = await crypto.subtle.deriveKey(info('aes-gcm'), hkdf, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const check = toBase64(new Uint8Array(await crypto.subtle.deriveBits(info('check'), hkdf, 128)));
  return { key, check };
}

export interface EncryptOptions {
  iterations?: number;
}

/** The file's text for `payload`; refuses a passphrase shorter than MIN_PASSPHRASE_LENGTH. */
export async function encryptHandoff(payload: HandoffPayload, passphrase: string, options: EncryptOptions = {}): Promise<string> {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) {
    throw new HandoffError('weak-passphrase', `The passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  }
  const iterations = options.iterations ?? PBKDF2_ITERATIONS;
  const saltBytes = randomBytes(16);
  const ivBytes = randomBytes(12);
  const { key, check } = await deriveKeys(passphrase, saltBytes, iterations);
  const salt = toBase64(saltBytes);
  const iv = toBase64(ivBytes);
  const plain = encoder.encode(JSON.stringify(payload));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: ivBytes, additionalData: additionalData(iterations, salt, check, iv) },
    key,
    plain,
  );
  const envelope: HandoffEnvelope = {
    format: HANDOFF_FORMAT,
    version: HANDOFF_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt, check },
    cipher: { name: 'AES-GCM', iv },
    data: toBase64(new Uint8Array(sealed)),
  };
  return JSON.stringify(envelope);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const isBase64 = (value: unknown): value is string => typeof value === 'string' && value.length % 4 === 0 && BASE64.test(value);

/** Reads the envelope without the passphrase; throws HandoffError for anything else. */
export function readEnvelope(text: string): HandoffEnvelope {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HandoffError('not-a-handoff-file', 'This file is not a hand-off file (not JSON).');
  }
  if (!isRecord(value) || value.format !== HANDOFF_FORMAT) {
    throw new HandoffError('not-a-handoff-file', 'This file is not a hand-off file of this app.');
  }
  if (value.version !== HANDOFF_VERSION) {
    throw new HandoffError('unsupported-version', `Hand-off file version ${String(value.version)} is not supported; update the app.`);
  }
  const { kdf, cipher, data } = value;
  const ok =
    isRecord(kdf) && kdf.name === 'PBKDF2' && kdf.hash === 'SHA-256' &&
    typeof kdf.iterations === 'number' && Number.isInteger(kdf.iterations) &&
    kdf.iterations >= PBKDF2_ITERATIONS && kdf.iterations <= MAX_ITERATIONS &&
    isBase64(kdf.salt) && isBase64(kdf.check) &&
    isRecord(cipher) && cipher.name === 'AES-GCM' && isBase64(cipher.iv) && isBase64(data);
  if (!ok) throw new HandoffError('damaged', 'The hand-off file is damaged or was changed.');
  return value as unknown as HandoffEnvelope;
}

/** The payload inside `text`; throws HandoffError('wrong-passphrase' | 'damaged' | …). */
export async function decryptHandoff(text: string, passphrase: string): Promise<HandoffPayload> {
  const envelope = readEnvelope(text);
  const { iterations, salt, check } = envelope.kdf;
  const { key, check: expected } = await deriveKeys(passphrase, fromBase64(salt), iterations);
  if (expected !== check) throw new HandoffError('wrong-passphrase', 'The passphrase is not the one this file was made with.');
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(envelope.cipher.iv), additionalData: additionalData(iterations, salt, check, envelope.cipher.iv) },
      key,
      fromBase64(envelope.data),
    );
  } catch {
    throw new HandoffError('damaged', 'The hand-off file is damaged or was changed.');
  }
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch {
    throw new HandoffError('damaged', 'The hand-off file is damaged (unreadable contents).');
  }
  return checkPayload(payload);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function isSubmission(value: unknown): value is Submission {
  return (
    isRecord(value) && typeof value.id === 'string' && UUID.test(value.id) &&
    typeof value.formId === 'string' && Number.isInteger(value.formVersion) &&
    typeof value.communeCode === 'string' && isRecord(value.answers) && isFiniteNumber(value.submittedAt)
  );
}

/** The decrypted payload, checked item by item (a file made by a buggy or hostile app is refused whole). */
export function checkPayload(value: unknown): HandoffPayload {
  const damaged = (what: string) => new HandoffError('damaged', `The hand-off file is damaged (${what}).`);
  if (!isRecord(value) || !isFiniteNumber(value.exportedAt) || typeof value.deviceId !== 'string' || !Array.isArray(value.items)) {
    throw damaged('header');
  }
  const items: HandoffItem[] = value.items.map((item: unknown, index: number) => {
    if (!isRecord(item) || !isSubmission(item.submission) || typeof item.label !== 'string' || !isFiniteNumber(item.queuedAt)) {
      throw damaged(`item ${index + 1}`);
    }
    return { submission: item.submission, label: item.label, queuedAt: item.queuedAt };
  });
  const payload: HandoffPayload = { exportedAt: value.exportedAt, deviceId: value.deviceId, items };
  if (value.blobs !== undefined) {
    if (!Array.isArray(value.blobs)) throw damaged('photos');
    payload.blobs = value.blobs.map((blob: unknown, index: number) => {
      if (!isRecord(blob) || typeof blob.sha256 !== 'string' || !SHA256.test(blob.sha256) || typeof blob.type !== 'string' || !isBase64(blob.data)) {
        throw damaged(`photo ${index + 1}`);
      }
      return { sha256: blob.sha256, type: blob.type, data: blob.data };
    });
  }
  return payload;
}
