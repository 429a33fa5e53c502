/**
 * Device credentials (sync protocol 2): the server makes the id and a 256-bit random secret,
 * gives both to the phone once, and keeps only the secret's SHA-256 (a fast hash is enough for
 * a random 256-bit value: there is nothing to guess). The phone sends
 * `Authorization: Device <deviceId>.<secret>` on every sync request.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DEVICE_AUTH_SCHEME } from '../../domain/protocol';

const DEVICE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** 32 bytes in base64url: 43 characters. */
const SECRET = /^[A-Za-z0-9_-]{43}$/;

export interface IssuedCredential {
  deviceId: string;
  secret: string;
  secretHash: string;
}

/** SHA-256 hex of a random secret or token, as stored. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

export function issueDeviceCredential(): IssuedCredential {
  const secret = randomBytes(32).toString('base64url');
  return { deviceId: randomUUID(), secret, secretHash: sha256Hex(secret) };
}

/** The id and secret of an `Authorization: Device …` header, or null when it is not one. */
export function readDeviceAuthorization(header: string | undefined): { deviceId: string; secret: string } | null {
  if (header === undefined || header.length > 200) return null;
  const match = /^(\S+) ([^.\s]+)\.(\S+)$/.exec(header.trim());
  if (!match || match[1]!.toLowerCase() !== DEVICE_AUTH_SCHEME.toLowerCase()) return null;
  const [, , deviceId, secret] = match as unknown as [string, string, string, string];
  return DEVICE_ID.test(deviceId) && SECRET.test(secret) ? { deviceId, secret } : null;
}

/** Constant-time comparison of a presented secret with the stored hash. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(sha256Hex(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
