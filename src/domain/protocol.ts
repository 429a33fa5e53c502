/**
 * The sync protocol between the phone and the commune server. Both sides import these types,
 * so a change here is a change of the wire format: bump SYNC_PROTOCOL_VERSION when it breaks.
 */
import type { Answers } from './form-schema';
import type { PasswordProblem } from './password-policy';
import type { Role } from './roles';
import type { FieldError } from './validate';

/**
 * 2: every phone route carries `Authorization: Device <deviceId>.<secret>` (a credential the
 * server issued at registration or enrolment); the push body no longer names the device, pull
 * no longer takes `?device=`, and a conflict names a dossier code only to a device that follows it.
 */
export const SYNC_PROTOCOL_VERSION = 2;

/** At most this many submissions in one push; the server refuses bigger batches. */
export const MAX_PUSH_ITEMS = 50;

/** A finished dossier as the phone sends it. `id` is made on the phone and is the idempotency key. */
export interface Submission {
  id: string;
  formId: string;
  formVersion: number;
  communeCode: string;
  answers: Answers;
  /** When the resident finished the form, ms since epoch (the phone's clock). */
  submittedAt: number;
  /**
   * The consent to process personal data given on the review step. The server requires it;
   * optional here because outbox rows queued before consent existed must stay readable.
   */
  consent?: ConsentRecord;
}

/** What the resident agreed to (content/consent.ts version), in which language, and when (ms since epoch). */
export interface ConsentRecord {
  version: string;
  lang: 'vi' | 'en';
  agreedAt: number;
}

/**
 * A dossier sealed to the commune server's public key (crypto/seal.ts): only the server can read
 * it. Every field but `v` and `kid` is base64url; `kid` names the server key it was sealed to.
 */
export interface SealedBox {
  v: 1;
  kid: string;
  /** The ephemeral public key, raw uncompressed P-256 point. */
  epk: string;
  iv: string;
  ct: string;
}

/** A pushed item whose Submission (same id inside) is sealed: the server opens it, then checks it as a clear one. */
export interface SealedItem {
  id: string;
  sealed: SealedBox;
}

export interface PushRequest {
  protocol: number;
  /**
   * Protocol 1 only. A protocol-2 server ignores it: the device is the one the credential names.
   * Kept optional here so a phone still sending it type-checks.
   */
  deviceId?: string;
  items: (Submission | SealedItem)[];
}

/**
 * The dossier's status as the server knows it when answering (additive; older servers omit it), so
 * a phone linked by a `duplicate` also learns changes made before the link, below its pull cursor.
 */
export interface CurrentStatus {
  status?: DossierStatus;
  /** The officer's note of that status change, when it has one. */
  statusNote?: string;
  /** Seq of the status change that set `status`; later pulls apply only newer changes. */
  statusSeq?: number;
}

/** Named outcomes of one pushed submission; the list is what a reader accepts, the type follows it. */
export const PUSH_OUTCOMES = ['stored', 'duplicate', 'conflict', 'invalid', 'missing-blobs'] as const;
export type PushOutcome = (typeof PUSH_OUTCOMES)[number];

export type PushResult =
  | ({ id: string; outcome: 'stored' | 'duplicate'; dossierCode: string; receivedAt: number } & CurrentStatus)
  /** dossierCode only when this device follows the dossier held under the id (it sent it before). */
  | { id: string; outcome: 'conflict'; dossierCode?: string }
  | { id: string; outcome: 'invalid'; errors: FieldError[] }
  | { id: string; outcome: 'missing-blobs'; missing: string[] };

/** Compiles only while PushResult has exactly one member shape per PUSH_OUTCOMES entry. */
type SameUnion<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AssertTrue<T extends true> = T;
export type PushResultCoversOutcomes = AssertTrue<SameUnion<PushResult['outcome'], PushOutcome>>;

export interface PushResponse {
  protocol: number;
  results: PushResult[];
}

/**
 * What the one-stop shop has done with a dossier, in lifecycle order: sent from the phone,
 * received by the office, then supplement requested or refused, or processed until the result
 * is ready and returned to the resident. The type is derived from the list, so they cannot drift.
 */
export const DOSSIER_STATUSES = [
  'submitted',
  'received',
  'supplement-requested',
  'refused',
  'processing',
  'result-ready',
  'returned',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export interface StatusChange {
  id: string;
  dossierCode: string;
  status: DossierStatus;
  /** Reason given by the officer (supplement or refusal), in Vietnamese. */
  note?: string;
  changedAt: number;
  /** Monotonic server sequence; the phone keeps the highest as its cursor. */
  seq: number;
}

export interface PullResponse {
  protocol: number;
  changes: StatusChange[];
  cursor: number;
}

/**
 * Machine-readable reasons for a refused request (4xx or 5xx body: `{ error, message }`): every
 * code the server may answer, including those only officer routes and crashes use today.
 */
export const PROTOCOL_ERRORS = [
  'bad-json',
  'bad-request',
  'body-too-large',
  'protocol-unsupported',
  'too-many-items',
  'unknown-form',
  'not-found',
  /** PUT /api/v1/blobs/{sha256}: the bytes received do not hash to the sha256 in the path. */
  'blob-hash-mismatch',
  /** PUT /api/v1/blobs/{sha256}: a Content-Type (or bytes) other than ATTACHMENT_TYPES. */
  'unsupported-media-type',
  /** 401: no credential, or one the server does not know (a device's, or a staff session). */
  'unauthorized',
  /** 500: the server failed on its side; the phone tries again later. */
  'internal',
  /** 401: the device was revoked, or the staff account it is enrolled for is disabled. */
  'device-revoked',
  /** 429 with Retry-After (seconds): too many requests from this device or address. */
  'rate-limited',
  /** 429 with Retry-After: a resident device's daily dossier or photo allowance is used up. */
  'quota-exceeded',
  /** 403 on POST /api/v1/devices/register: this commune takes dossiers from staff devices only. */
  'resident-submissions-off',
  /** 400 on POST /api/v1/devices/enrol: the code is unknown, expired or used (one answer for all three). */
  'enrolment-invalid',
  /** 403: the request came from another site (Origin, Sec-Fetch-Site). */
  'cross-origin',
  /** 403: the Host header names a host this server does not answer for (DNS rebinding). */
  'host-not-allowed',
  /** 403: the signed-in role lacks the permission the route needs. */
  'forbidden',
  /** 409: the dossier's status does not allow this action. */
  'invalid-transition',
  /** 401 on POST /api/v1/auth/login: wrong username or password (one answer for both). */
  'login-failed',
  /** 400: a new password the policy refuses; `problem` says why. */
  'password-rejected',
  /** 403: the account must change its password before doing anything else. */
  'password-change-required',
  /** 400 on POST /api/v1/auth/setup: the one-time link is unknown, expired or used, or an admin exists. */
  'setup-invalid',
  /** 409: a staff account with this username exists already. */
  'username-taken',
  /** 409: the last active admin cannot be disabled. */
  'last-admin',
  /** 404 on POST /api/v1/lookup: no dossier with this code and these digits (one answer for every miss). */
  'lookup-failed',
  /** 403 on POST /api/v1/sync/visits and the campaign progress: only an enrolled staff phone logs visits. */
  'staff-device-required',
  /** 400: a village, working group or report query the campaign routes refuse; `reason` says which field. */
  'campaign-invalid',
] as const;
export type ProtocolError = (typeof PROTOCOL_ERRORS)[number];

export interface ErrorBody {
  error: ProtocolError;
  message: string;
  /** For protocol-unsupported: the versions this server speaks. */
  supported?: number[];
  /** For password-rejected: what is wrong with the password. */
  problem?: PasswordProblem;
  /** For bad-request on the console's routes: which field is wrong, and what it must be. */
  fields?: Record<string, string>;
  /** For campaign-invalid: which field is wrong (domain/campaign.ts CampaignInputError). */
  reason?: string;
}

/** Header the phone sends with every request so the server can refuse old clients clearly. */
export const PROTOCOL_HEADER = 'x-mcld-protocol';

/** Scheme of the device credential: `Authorization: Device <deviceId>.<secret>`. */
export const DEVICE_AUTH_SCHEME = 'Device';

/** The Authorization header value for a device credential. */
export function deviceAuthorization(deviceId: string, secret: string): string {
  return `${DEVICE_AUTH_SCHEME} ${deviceId}.${secret}`;
}

/** A resident's own phone (self-registered) or a staff member's enrolled one. */
export const DEVICE_KINDS = ['resident', 'staff'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** A staff account as the phone and the console see it (never its password or sessions). */
export interface StaffSummary {
  username: string;
  displayName: string;
  role: Role;
  /** The village (thôn) a village working group member belongs to. */
  villageId?: string;
}

/** The answer to POST /api/v1/devices/register and /enrol (201): keep the secret, it is shown once. */
export interface DeviceCredential {
  deviceId: string;
  secret: string;
  kind: DeviceKind;
  /** For a staff device: who it is enrolled for. */
  staff?: StaffSummary;
}

/** GET /api/v1/devices/me. */
export interface DeviceIdentity {
  deviceId: string;
  kind: DeviceKind;
  staff?: StaffSummary;
}

/** POST /api/v1/devices/register: a resident's phone asks for its own credential. */
export interface DeviceRegisterRequest {
  protocol: number;
}

/** POST /api/v1/devices/enrol: a staff phone trades the code an officer gave for a credential. */
export interface DeviceEnrolRequest {
  code: string;
}
