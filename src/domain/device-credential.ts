/**
 * Who a phone is to the commune server (sync protocol 2). A phone sends nothing until it holds a
 * credential: a resident's phone registers itself on its first sync, an outreach phone is enrolled
 * with a one-time code an officer made for a staff member. The secret travels only in the
 * `Authorization: Device <id>.<secret>` header, never in a URL, and is never logged.
 */
import { StrictReader, field, type Rec } from './strict-reader';

export const DEVICE_KINDS = ['resident', 'staff'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** The staff member an enrolled phone belongs to, as the server names them. */
export interface StaffIdentity {
  username: string;
  displayName: string;
  role: string;
  villageId?: string;
}

export interface DeviceCredential {
  deviceId: string;
  secret: string;
  kind: DeviceKind;
  staff?: StaffIdentity;
}

/** The value of the Authorization header for `credential`. */
export function authorizationOf(credential: Pick<DeviceCredential, 'deviceId' | 'secret'>): string {
  return `Device ${credential.deviceId}.${credential.secret}`;
}

/** Enrolment codes have no look-alikes (no 0/O, 1/I) so they can be read aloud and typed. */
export const ENROLMENT_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const ENROLMENT_CODE_LENGTH = 8;
const ENROLMENT_CODE = new RegExp(`^[${ENROLMENT_CODE_ALPHABET}]{${ENROLMENT_CODE_LENGTH}}$`);

/**
 * A code as typed, pasted or read from a link (`…/dang-ky-may#ABCD-2345`): upper case, spaces and
 * dashes dropped; null when what is left cannot be a code.
 */
export function normaliseEnrolmentCode(text: string): string | null {
  const fromLink = text.includes('#') ? text.slice(text.lastIndexOf('#') + 1) : text;
  const code = fromLink.normalize('NFC').toUpperCase().replace(/[\s-]/g, '');
  return ENROLMENT_CODE.test(code) ? code : null;
}

const ID = /^[A-Za-z0-9_-]{8,128}$/;
const SECRET = /^[A-Za-z0-9_-]{22,200}$/;

function readStaff(r: StrictReader, value: unknown): StaffIdentity | undefined {
  const obj = r.record(value, 'staff');
  if (!obj) return undefined;
  const username = r.text(field(obj, 'username'), 'staff.username', undefined, 100);
  const displayName = r.text(field(obj, 'displayName'), 'staff.displayName', undefined, 200);
  const role = r.text(field(obj, 'role'), 'staff.role', undefined, 50);
  const village = field(obj, 'villageId');
  const villageId = village === undefined || village === null ? undefined : r.text(village, 'staff.villageId', undefined, 100);
  if (username === undefined || displayName === undefined || role === undefined) return undefined;
  return { username, displayName, role, ...(villageId !== undefined ? { villageId } : {}) };
}

/** The server's answer to register or enrol, checked field by field; undefined when it is not one. */
export function readCredentialAnswer(value: unknown): DeviceCredential | undefined {
  const r = new StrictReader();
  const obj: Rec | undefined = r.record(value, 'answer');
  if (!obj) return undefined;
  const deviceId = r.string(field(obj, 'deviceId'), 'deviceId', ID);
  const secret = r.string(field(obj, 'secret'), 'secret', SECRET);
  const kind = r.oneOf(field(obj, 'kind'), DEVICE_KINDS, 'kind');
  const staff = kind === 'staff' ? readStaff(r, field(obj, 'staff')) : undefined;
  if (deviceId === undefined || secret === undefined || kind === undefined || r.errors.length > 0) return undefined;
  return { deviceId, secret, kind, ...(staff ? { staff } : {}) };
}
