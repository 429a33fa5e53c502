/**
 * The sync protocol between the phone and the commune server. Both sides import these types,
 * so a change here is a change of the wire format: bump SYNC_PROTOCOL_VERSION when it breaks.
 */
import type { Answers } from './form-schema';
import type { FieldError } from './validate';

/** 2: every phone route needs the device credential (Authorization: Device …); the push body names no device. */
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

export interface PushRequest {
  protocol: number;
  items: Submission[];
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
  | { id: string; outcome: 'conflict'; dossierCode: string }
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
  /** 401 on officer routes: no valid bearer token. */
  'unauthorized',
  /** 500: the server failed on its side; the phone tries again later. */
  'internal',
] as const;
export type ProtocolError = (typeof PROTOCOL_ERRORS)[number];

export interface ErrorBody {
  error: ProtocolError;
  message: string;
  /** For protocol-unsupported: the versions this server speaks. */
  supported?: number[];
}

/** Header the phone sends with every request so the server can refuse old clients clearly. */
export const PROTOCOL_HEADER = 'x-mcld-protocol';
