/**
 * What the middleware stack learns about a request and hands to the routes (Hono variables):
 * the client's address, and who is asking, a device (device-auth.ts) or a signed-in staff
 * member (accounts/session.ts). Every sub-app is a `Hono<AppEnv>` so these are typed.
 */
import type { DeviceRecord } from '../devices/device-repository';
import type { StaffPrincipal } from '../accounts/account-repository';

export interface AppVariables {
  /** The peer's address, or the proxy's X-Forwarded-For entry with TRUST_PROXY (client-ip.ts). */
  clientIp: string;
  /** Set by requireDevice on phone routes. */
  device: DeviceRecord;
  /** Set by the session middleware when a valid session cookie came with the request. */
  staff: StaffPrincipal;
  /** The SHA-256 of the session token of this request, when it has one (for logout). */
  sessionHash: string;
}

export interface AppEnv {
  Variables: AppVariables;
}
