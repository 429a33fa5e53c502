/**
 * Staff passwords, hashed with scrypt (node:crypto) at OWASP's recommended parameters
 * (N = 2^17, r = 8, p = 1, a 128-bit salt, a 256-bit key). The stored string says how it was
 * made, `scrypt$N$r$p$salt$hash` (base64url), so the parameters can be raised later and old
 * hashes still verify (and are re-hashed at the next login). Passwords are NFC-normalised first:
 * the same password typed on two keyboards (NFC or NFD) is the same password.
 *
 * One hash at these parameters takes about 128 MiB for a few hundred milliseconds, so at most
 * MAX_CONCURRENT_HASHES run at once; the others wait their turn instead of exhausting memory.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { ENROLMENT_CODE_ALPHABET } from '../../domain/enrolment-code';
import { toNfc } from '../../domain/text';

export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
  saltBytes: number;
  keyBytes: number;
}

export const OWASP_SCRYPT: Readonly<ScryptParams> = { N: 2 ** 17, r: 8, p: 1, saltBytes: 16, keyBytes: 32 };

/** Bounds for parameters read back from the database: a tampered row must not make us allocate gigabytes. */
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;
const MAX_CONCURRENT_HASHES = 2;

/** scrypt needs 128·N·r bytes (plus a little); Node refuses above maxmem, 32 MiB by default. */
export function maxmemFor(params: Pick<ScryptParams, 'N' | 'r' | 'p'>): number {
  return 128 * params.N * params.r + 128 * params.r * params.p + 1024 * 1024;
}

let running = 0;
const waiting: Array<() => void> = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function derive(password: string, salt: Buffer, params: Pick<ScryptParams, 'N' | 'r' | 'p' | 'keyBytes'>): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: maxmemFor(params) };
  return limited(
    () =>
      new Promise((resolve, reject) => {
        scryptCallback(toNfc(password), salt, params.keyBytes, options, (error, key) => (error ? reject(error) : resolve(key)));
      }),
  );
}

export async function hashPassword(password: string, params: Readonly<ScryptParams> = OWASP_SCRYPT): Promise<string> {
  const salt = randomBytes(params.saltBytes);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,8}$/.test(part) ? Number(part) : NaN)) as [number, number, number];
  const salt = Buffer.from(parts[4]!, 'base64url');
  const key = Buffer.from(parts[5]!, 'base64url');
  const powerOfTwo = N >= 2 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > MAX_N || !(r >= 1 && r <= MAX_R) || !(p >= 1 && p <= MAX_P)) return null;
  if (salt.length < 8 || key.length < 16 || key.length > 64) return null;
  return { N, r, p, salt, key };
}

/** Whether the password matches a stored hash; false (never an exception) for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, { ...parsed, keyBytes: parsed.key.length });
  return timingSafeEqual(key, parsed.key);
}

/** A hash made with other parameters than today's: re-hash it after the next successful login. */
export function needsRehash(stored: string, params: Readonly<ScryptParams> = OWASP_SCRYPT): boolean {
  const parsed = parseHash(stored);
  return !parsed || parsed.N !== params.N || parsed.r !== params.r || parsed.p !== params.p || parsed.key.length !== params.keyBytes;
}

/**
 * Compared against when the username is unknown, so an unknown user costs the same scrypt as a
 * wrong password and the answer's timing says nothing about which usernames exist.
 */
export function dummyHash(params: Readonly<ScryptParams>): () => Promise<string> {
  let hash: Promise<string> | undefined;
  return () => (hash ??= hashPassword(randomBytes(16).toString('hex'), params));
}

/** Readable generated passwords: 4 groups of 4 from 32 symbols without look-alikes (80 bits). */
const GENERATED_ALPHABET = ENROLMENT_CODE_ALPHABET.toLowerCase();

export function generatePassword(): string {
  const bytes = randomBytes(16);
  let out = '';
  for (let i = 0; i < 16; i++) {
    if (i > 0 && i % 4 === 0) out += '-';
    // 256 is a multiple of 32: no symbol is more likely than another.
    out += GENERATED_ALPHABET[bytes[i]! % GENERATED_ALPHABET.length];
  }
  return out;
}
