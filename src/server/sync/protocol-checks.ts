/**
 * What every phone request must carry, as pure checks: a protocol version this server speaks,
 * and (push, pull) a well-formed device id.
 */
import { SYNC_PROTOCOL_VERSION } from '../../domain/protocol';

/** Major protocol versions this server speaks. */
export const SUPPORTED_PROTOCOLS: readonly number[] = [SYNC_PROTOCOL_VERSION];

/** Device ids as the phone makes them; also what a log line or a database key holds safely. */
export const DEVICE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function isSupportedProtocol(value: unknown): boolean {
  return typeof value === 'number' && SUPPORTED_PROTOCOLS.includes(value);
}

export function isDeviceId(value: unknown): value is string {
  return typeof value === 'string' && DEVICE_ID.test(value);
}
