/**
 * The outbox state machine, pure: the one table that says what may happen to a finished dossier
 * on the phone before the commune has it. Storage applies exactly these moves (a write whose move
 * the table refuses changes nothing) and the sync engine acts on the table's answer.
 *
 * A row is `queued` until a sync takes it (`sending`); the server's answer then removes it
 * (stored/duplicate: the dossier row now holds the answer), parks it for the user (`rejected`:
 * invalid, missing blobs, or a request holding only this row was refused; `conflict`: the id is
 * taken by different content), or a failed send puts it back to `queued` with backoff. The user
 * can fix (`edit`), retry (`requeue`) or drop (`discard`) a parked row.
 */

export const OUTBOX_STATES = ['queued', 'sending', 'rejected', 'conflict'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export const OUTBOX_EVENTS = [
  /** A sync takes the row. */
  'send',
  /** The server's answers (PushOutcome). */
  'stored',
  'duplicate',
  'invalid',
  'missing-blobs',
  'conflict',
  /** The server refused a request holding only this row (malformed or too large): sending it again cannot help. */
  'refused',
  /** Network error, timeout, 5xx, refused batch or no result for the id: try again later. */
  'retry',
  /** Left in `sending` by a killed browser, or the batch was never looked at: back, no attempt counted. */
  'recover',
  /** The user reopens a rejected dossier to fix it. */
  'edit',
  /** The user asks to send a rejected dossier again as it is. */
  'requeue',
  /** The user drops a dossier that cannot be sent as it is. */
  'discard',
] as const;
export type OutboxEvent = (typeof OUTBOX_EVENTS)[number];

/**
 * Why a row will be sent again later: the request never got an answer ('network', 'timeout'),
 * the server failed (5xx: 'server'), the answer was not the protocol's JSON ('bad-response'), the
 * server refused the whole batch (other 4xx: 'refused'), the answer said nothing about this row
 * ('no-result'), the server lacked photos this phone can upload again ('missing-blobs'), or this
 * resident phone used up its daily allowance of dossiers or photos ('quota-exceeded': it waits
 * the Retry-After the server gave, usually until the next day).
 */
export const RETRY_ERROR_CODES = [
  'network',
  'timeout',
  'server',
  'bad-response',
  'refused',
  'no-result',
  'missing-blobs',
  'quota-exceeded',
] as const;
export type RetryErrorCode = (typeof RETRY_ERROR_CODES)[number];

/** Why a row was parked in `rejected`: field errors, photos the server lacks, or a refused request of this row alone. */
export const REJECTION_CODES = ['invalid', 'missing-blobs', 'refused'] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

/** Every `lastError.code` a row can carry; the UI has plain words and advice for each. */
export const OUTBOX_ERROR_CODES = [...RETRY_ERROR_CODES, 'invalid', 'conflict'] as const;
export type OutboxErrorCode = (typeof OUTBOX_ERROR_CODES)[number];

/** Why a row is where it is: a named code, and whatever the server or the network said. */
export interface OutboxError<Code extends OutboxErrorCode = OutboxErrorCode> {
  code: Code;
  detail?: unknown;
}

export function isOutboxErrorCode(value: unknown): value is OutboxErrorCode {
  return (OUTBOX_ERROR_CODES as readonly unknown[]).includes(value);
}

/** Where a row goes: another state, or out of the outbox (to dossiers, back to drafts, or gone). */
export type OutboxTarget = OutboxState | 'removed' | 'draft' | 'deleted';

const TRANSITIONS: Readonly<Record<OutboxState, Partial<Record<OutboxEvent, OutboxTarget>>>> = {
  queued: { send: 'sending' },
  sending: {
    stored: 'removed',
    duplicate: 'removed',
    invalid: 'rejected',
    'missing-blobs': 'rejected',
    conflict: 'conflict',
    refused: 'rejected',
    retry: 'queued',
    recover: 'queued',
  },
  rejected: { edit: 'draft', requeue: 'queued', discard: 'deleted' },
  conflict: { discard: 'deleted' },
};

export class IllegalTransitionError extends Error {
  constructor(
    readonly state: OutboxState,
    readonly event: OutboxEvent,
  ) {
    super(`outbox: '${event}' is not allowed in state '${state}'`);
    this.name = 'IllegalTransitionError';
  }
}

/** The target of `event` in `state`, or undefined when the transition is illegal. */
export function tryNextState(state: OutboxState, event: OutboxEvent): OutboxTarget | undefined {
  return TRANSITIONS[state][event];
}

/** The target of `event` in `state`; throws IllegalTransitionError when it is illegal. */
export function nextState(state: OutboxState, event: OutboxEvent): OutboxTarget {
  const target = tryNextState(state, event);
  if (target === undefined) throw new IllegalTransitionError(state, event);
  return target;
}

/** The states from which `event` is allowed (a storage query picks its rows by them). */
export function statesAllowing(event: OutboxEvent): OutboxState[] {
  return OUTBOX_STATES.filter((state) => tryNextState(state, event) !== undefined);
}
