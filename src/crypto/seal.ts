/**
 * Sealing to the commune server's public key: what a phone queues can be opened by the server
 * only, not by the phone that made it (nor by a thief who knows its PIN).
 *
 * Scheme (ECIES over WebCrypto): a fresh ephemeral ECDH P-256 key pair per sealed item; the
 * shared secret with the server's key goes through HKDF-SHA-256 (salt: the ephemeral public key,
 * info: scheme, version and key id) to an AES-256-GCM key; the ciphertext's additional data binds
 * the scheme, the key id and a caller's context (the dossier id), so a sealed item cannot be moved
 * to another dossier or relabelled with another key id. The ephemeral private key is never
 * extractable and is dropped after one use.
 */
import type { SealedBox } from '../domain/protocol';
import { type Key, fromBase64Url, randomBytes, toBase64Url, utf8 } from './bytes';

/** An EC key as JSON Web Key (declared here: Node's types have no global EcJwk). */
export interface EcJwk {
  kty: string;
  crv?: string;
  x?: string;
  y?: string;
  d?: string;
  ext?: boolean;
  key_ops?: string[];
}

export const SEAL_SCHEME = 'mcld-seal';
export const SEAL_VERSION = 1 as const;

/** A sealed item as it travels in JSON: the wire type lives with the protocol. */
export type { SealedBox } from '../domain/protocol';

/** Why a sealed item cannot be opened; the push gate answers these as field error codes. */
export const SEAL_FAILURES = ['seal-malformed', 'seal-unknown-key', 'seal-tampered'] as const;
export type SealFailure = (typeof SEAL_FAILURES)[number];

export type OpenResult = { ok: true; plaintext: Uint8Array<ArrayBuffer> } | { ok: false; reason: SealFailure };

/** The server's public key as it publishes it (GET /api/v1/keys/seal) and a phone pins it. */
export interface PublishedSealKey {
  kid: string;
  /** Raw uncompressed P-256 point, base64url. */
  publicKey: string;
}

export interface SealPublicKey {
  kid: string;
  key: Key;
}

const EC = { name: 'ECDH', namedCurve: 'P-256' } as const;

type ImportJwk = (format: 'jwk', key: EcJwk, algorithm: typeof EC, extractable: boolean, usages: 'deriveBits'[]) => Promise<Key>;

/** importKey's JWK overload, typed without the DOM library's JsonWebKey. */
function importJwk(jwk: EcJwk, extractable: boolean, usages: 'deriveBits'[]): Promise<Key> {
  const importKey = crypto.subtle.importKey.bind(crypto.subtle) as unknown as ImportJwk;
  return importKey('jwk', jwk, EC, extractable, usages);
}
/** A key id as the server makes them: short, URL-safe. */
const KID = /^[A-Za-z0-9_-]{1,64}$/;

function info(kid: string): Uint8Array<ArrayBuffer> {
  return utf8(`${SEAL_SCHEME}/${SEAL_VERSION}/${kid}`);
}

function additionalData(kid: string, context: string): Uint8Array<ArrayBuffer> {
  return utf8(`${SEAL_SCHEME}|${SEAL_VERSION}|${kid}|${context}`);
}

async function aesKey(privateKey: Key, publicKey: Key, epkRaw: Uint8Array<ArrayBuffer>, kid: string): Promise<Key> {
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
  const hkdf = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: epkRaw, info: info(kid) },
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Imports a published key; throws on a key id or point that is not one. */
export async function importSealPublicKey(published: PublishedSealKey): Promise<SealPublicKey> {
  if (!KID.test(published.kid)) throw new Error('seal key id malformed');
  const raw = fromBase64Url(published.publicKey);
  if (!raw || raw.length !== 65) throw new Error('seal public key malformed');
  return { kid: published.kid, key: await crypto.subtle.importKey('raw', raw, EC, true, []) };
}

/** Seals `plaintext` to the server's key, bound to `context` (the dossier id). */
export async function seal(to: SealPublicKey, plaintext: Uint8Array<ArrayBuffer>, context: string): Promise<SealedBox> {
  const ephemeral = (await crypto.subtle.generateKey(EC, false, ['deriveBits'])) as { publicKey: Key; privateKey: Key };
  const epkRaw = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey));
  const key = await aesKey(ephemeral.privateKey, to.key, epkRaw, to.kid);
  const iv = randomBytes(12);
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(to.kid, context) }, key, plaintext);
  return { v: SEAL_VERSION, kid: to.kid, epk: toBase64Url(epkRaw), iv: toBase64Url(iv), ct: toBase64Url(new Uint8Array(ct)) };
}

/** Reads an untrusted value as a SealedBox, or undefined. Only own string fields are read. */
export function readSealedBox(value: unknown): SealedBox | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const own = (name: string): unknown =>
    Object.prototype.hasOwnProperty.call(value, name) ? (value as Record<string, unknown>)[name] : undefined;
  const v = own('v');
  const kid = own('kid');
  const epk = own('epk');
  const iv = own('iv');
  const ct = own('ct');
  if (v !== SEAL_VERSION || typeof kid !== 'string' || !KID.test(kid)) return undefined;
  if (typeof epk !== 'string' || typeof iv !== 'string' || typeof ct !== 'string') return undefined;
  return { v, kid, epk, iv, ct };
}

/**
 * Opens a sealed item with the private key of its key id (`keyFor` answers undefined for an id
 * it does not hold). Every failure is a named reason; nothing is thrown for bad input.
 */
export async function openSealed(box: unknown, context: string, keyFor: (kid: string) => Key | undefined): Promise<OpenResult> {
  const read = readSealedBox(box);
  if (!read) return { ok: false, reason: 'seal-malformed' };
  const privateKey = keyFor(read.kid);
  if (!privateKey) return { ok: false, reason: 'seal-unknown-key' };
  const epkRaw = fromBase64Url(read.epk);
  const iv = fromBase64Url(read.iv);
  const ct = fromBase64Url(read.ct);
  if (!epkRaw || epkRaw.length !== 65 || !iv || iv.length !== 12 || !ct || ct.length < 16) return { ok: false, reason: 'seal-malformed' };
  let epk: Key;
  try {
    epk = await crypto.subtle.importKey('raw', epkRaw, EC, false, []);
  } catch {
    return { ok: false, reason: 'seal-malformed' };
  }
  try {
    const key = await aesKey(privateKey, epk, epkRaw, read.kid);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: additionalData(read.kid, context) }, key, ct);
    return { ok: true, plaintext: new Uint8Array(plain) };
  } catch {
    return { ok: false, reason: 'seal-tampered' };
  }
}

/** A new server key pair: the private key exported as JWK (to be kept 0600), the public one published. */
export async function generateSealKeyPair(): Promise<{ kid: string; privateJwk: EcJwk; published: PublishedSealKey }> {
  const pair = (await crypto.subtle.generateKey(EC, true, ['deriveBits'])) as { publicKey: Key; privateKey: Key };
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  // The key id is derived from the public key: the same key always has the same id.
  const kid = toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', raw)).subarray(0, 12));
  const privateJwk = (await crypto.subtle.exportKey('jwk', pair.privateKey)) as EcJwk;
  return { kid, privateJwk, published: { kid, publicKey: toBase64Url(raw) } };
}

/** Imports a kept private key (non-extractable from then on). */
export async function importSealPrivateKey(jwk: EcJwk): Promise<Key> {
  return importJwk(jwk, false, ['deriveBits']);
}

/** The published form of a kept private key (its public half), to check a key file at start. */
export async function publishedOf(jwk: EcJwk): Promise<PublishedSealKey> {
  const pub: EcJwk = { kty: jwk.kty, ext: true };
  if (jwk.crv !== undefined) pub.crv = jwk.crv;
  if (jwk.x !== undefined) pub.x = jwk.x;
  if (jwk.y !== undefined) pub.y = jwk.y;
  const key = await importJwk(pub, true, []);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', key));
  const kid = toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', raw)).subarray(0, 12));
  return { kid, publicKey: toBase64Url(raw) };
}

/** Seals a JSON value (a Submission) to the server. */
export async function sealJson(to: SealPublicKey, value: unknown, context: string): Promise<SealedBox> {
  return seal(to, utf8(JSON.stringify(value)), context);
}
