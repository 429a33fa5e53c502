/**
 * The sync protocol between the phone and the commune server. Both sides import these types,
 * so a change here is a change of the wire format: bump SYNC_PROTOCOL_VERSION when it breaks.
 */
import type { Answers } from './form-schema';
import type { FieldError } from './validate';

export const SYNC_PROTOCOL_VERSION = 1;

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
  deviceId: string;
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

/** Named outcomes of one pushed submission. */
export type PushOutcome = 'stored' | 'duplicate' | 'conflict' | 'invalid' | 'missing-blobs';

export type PushResult =
  | ({ id: string; outcome: 'stored' | 'duplicate'; dossierCode: string; receivedAt: number } & CurrentStatus)
  | { id: string; outcome: 'conflict'; dossierCode: string }
  | { id: string; outcome: 'invalid'; errors: FieldError[] }
  | { id: string; outcome: 'missing-blobs'; missing: string[] };

export interface PushResponse {
  protocol: number;
  results: PushResult[];
}

/** What the one-stop shop has done with a dossier (DOMAIN.md, dossier lifecycle). */
export type DossierStatus =
  | 'submitted'
  | 'received'
  | 'supplement-requested'
  | 'refused'
  | 'processing'
  | 'result-ready'
  | 'returned';

export const DOSSIER_STATUSES: readonly DossierStatus[] = [
  'submitted', 'received', 'supplement-requested', 'refused', 'processing', 'result-ready', 'returned',
];

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

/** Machine-readable reasons for a refused request (4xx body: `{ error, message }`). */
export type ProtocolError =
  | 'bad-json'
  | 'bad-request'
  | 'body-too-large'
  | 'protocol-unsupported'
  | 'too-many-items'
  | 'unknown-form'
  | 'not-found'
  /** PUT /api/v1/blobs/{sha256}: the bytes received do not hash to the sha256 in the path. */
  | 'blob-hash-mismatch'
  /** PUT /api/v1/blobs/{sha256}: a Content-Type (or bytes) other than ATTACHMENT_TYPES. */
  | 'unsupported-media-type';

export interface ErrorBody {
  error: ProtocolError;
  message: string;
  /** For protocol-unsupported: the versions this server speaks. */
  supported?: number[];
}

/** Header the phone sends with every request so the server can refuse old clients clearly. */
export const PROTOCOL_HEADER = 'x-mcld-protocol';
