/** What every phone request must carry, as a pure check: a protocol version this server speaks. */
import { SYNC_PROTOCOL_VERSION } from '../../domain/protocol';

/** Major protocol versions this server speaks. */
export const SUPPORTED_PROTOCOLS: readonly number[] = [SYNC_PROTOCOL_VERSION];

export function isSupportedProtocol(value: unknown): boolean {
  return typeof value === 'number' && SUPPORTED_PROTOCOLS.includes(value);
}
