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
import { StrictReader, field, isRecord } from '../domain/strict-reader';

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

async function deriveKeys(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<{ key: CryptoKey; check: string }> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const master = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, 256);
  const hkdf = await crypto.subtle.importKey('raw', master, 'HKDF', false, ['deriveKey', 'deriveBits']);
  const info = (label: string) => ({
    name: 'HKDF',
    hash: 'SHA-256',
    salt: new Uint8Array(0),
    info: encoder.encode(`mcld-outbox/1/${label}`),
  });
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

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Reads the envelope without the passphrase; throws HandoffError for anything else. */
export function readEnvelope(text: string): HandoffEnvelope {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HandoffError('not-a-handoff-file', 'This file is not a hand-off file (not JSON).');
  }
  if (!isRecord(value) || field(value, 'format') !== HANDOFF_FORMAT) {
    throw new HandoffError('not-a-handoff-file', 'This file is not a hand-off file of this app.');
  }
  if (field(value, 'version') !== HANDOFF_VERSION) {
    throw new HandoffError(
      'unsupported-version',
      `Hand-off file version ${String(field(value, 'version'))} is not supported; update the app.`,
    );
  }
  const r = new StrictReader();
  const kdf = r.record(field(value, 'kdf'), 'kdf');
  const cipher = r.record(field(value, 'cipher'), 'cipher');
  const envelope = kdf &&
    cipher && {
      format: HANDOFF_FORMAT,
      version: HANDOFF_VERSION,
      kdf: {
        name: r.oneOf(field(kdf, 'name'), ['PBKDF2'] as const, 'kdf.name'),
        hash: r.oneOf(field(kdf, 'hash'), ['SHA-256'] as const, 'kdf.hash'),
        iterations: r.int(field(kdf, 'iterations'), 'kdf.iterations', PBKDF2_ITERATIONS, MAX_ITERATIONS),
        salt: r.string(field(kdf, 'salt'), 'kdf.salt', BASE64),
        check: r.string(field(kdf, 'check'), 'kdf.check', BASE64),
      },
      cipher: {
        name: r.oneOf(field(cipher, 'name'), ['AES-GCM'] as const, 'cipher.name'),
        iv: r.string(field(cipher, 'iv'), 'cipher.iv', BASE64),
      },
      data: r.string(field(value, 'data'), 'data', BASE64),
    };
  if (!envelope || r.errors.length > 0) throw new HandoffError('damaged', 'The hand-off file is damaged or was changed.');
  return envelope as HandoffEnvelope;
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
/** A hostile file must not freeze the phone: more than a phone's outbox could ever hold. */
const MAX_ITEMS = 10_000;
const MAX_LABEL = 500;
const MAX_TYPE = 100;

/**
 * A dossier as the other phone queued it: the envelope fields are checked here, the answers are
 * the form's business (the server validates them with the shared validator when it arrives).
 */
function readSubmission(r: StrictReader, value: unknown, path: string): Submission | undefined {
  const obj = r.record(value, path);
  if (!obj) return undefined;
  const ok =
    r.string(field(obj, 'id'), `${path}.id`, UUID) !== undefined &&
    r.string(field(obj, 'formId'), `${path}.formId`) !== undefined &&
    r.int(field(obj, 'formVersion'), `${path}.formVersion`) !== undefined &&
    r.string(field(obj, 'communeCode'), `${path}.communeCode`) !== undefined &&
    r.record(field(obj, 'answers'), `${path}.answers`) !== undefined &&
    finite(r, field(obj, 'submittedAt'), `${path}.submittedAt`) !== undefined;
  return ok ? (obj as unknown as Submission) : undefined;
}

function finite(r: StrictReader, value: unknown, path: string): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : r.fail(path, 'must be a finite number');
}

/** The decrypted payload, checked item by item (a file made by a buggy or hostile app is refused whole). */
export function checkPayload(value: unknown): HandoffPayload {
  const damaged = (what: string) => new HandoffError('damaged', `The hand-off file is damaged (${what}).`);
  const r = new StrictReader();
  const obj = r.record(value, 'payload');
  const exportedAt = obj && finite(r, field(obj, 'exportedAt'), 'exportedAt');
  const deviceId = obj && r.string(field(obj, 'deviceId'), 'deviceId');
  const rawItems = obj && r.array(field(obj, 'items'), 'items');
  if (exportedAt === undefined || deviceId === undefined || !rawItems || r.errors.length > 0) throw damaged('header');
  const items = r.items(rawItems, 'items', MAX_ITEMS, (item, path) => {
    const itemObj = r.record(item, path);
    if (!itemObj) return undefined;
    const submission = readSubmission(r, field(itemObj, 'submission'), `${path}.submission`);
    const label = r.string(field(itemObj, 'label'), `${path}.label`, undefined, MAX_LABEL);
    const queuedAt = finite(r, field(itemObj, 'queuedAt'), `${path}.queuedAt`);
    return submission && label !== undefined && queuedAt !== undefined ? { submission, label, queuedAt } : undefined;
  });
  if (!items) throw damaged(`item ${firstIndex(r.errors) + 1}`);
  const payload: HandoffPayload = { exportedAt, deviceId, items };
  const rawBlobs = field(obj, 'blobs');
  if (rawBlobs !== undefined) {
    const blobs = r.items(rawBlobs, 'blobs', MAX_ITEMS, (blob, path) => {
      const blobObj = r.record(blob, path);
      if (!blobObj) return undefined;
      const sha256 = r.string(field(blobObj, 'sha256'), `${path}.sha256`, SHA256);
      const type = r.string(field(blobObj, 'type'), `${path}.type`, undefined, MAX_TYPE);
      const data = r.string(field(blobObj, 'data'), `${path}.data`, BASE64);
      return sha256 !== undefined && type !== undefined && data !== undefined ? { sha256, type, data } : undefined;
    });
    if (!blobs) throw damaged(Array.isArray(rawBlobs) ? `photo ${firstIndex(r.errors) + 1}` : 'photos');
    payload.blobs = blobs;
  }
  return payload;
}

/** The index in the first "path[i]…" error, for a message that names the broken entry. */
function firstIndex(errors: readonly string[]): number {
  const match = /\[(\d+)\]/.exec(errors[0] ?? '');
  return match ? Number(match[1]) : 0;
}
