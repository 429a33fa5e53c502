/**
 * The outbox state machine, pure. A row is `queued` until a sync takes it (`sending`); the
 * server's answer then removes it (stored/duplicate: the dossier row now holds the answer),
 * parks it for the user (`rejected`: invalid, missing blobs, or a request holding only this row
 * was refused; `conflict`: the id is taken by different content), or a failed send puts it back
 * to `queued` with backoff. The user can fix (`edit`), retry (`requeue`) or drop (`discard`) a
 * parked row. storage/outbox.ts
 * applies exactly these transitions; the engine asks nextState before each write.
 */
import type { OutboxState } from '../storage/db';

export const OUTBOX_STATES: readonly OutboxState[] = ['queued', 'sending', 'rejected', 'conflict'];

export type OutboxEvent =
  /** A sync takes the row. */
  | 'send'
  /** Server answers (PushOutcome). */
  | 'stored'
  | 'duplicate'
  | 'invalid'
  | 'missing-blobs'
  | 'conflict'
  /** The server refused a request holding only this row (malformed or too large): sending it again cannot help. */
  | 'refused'
  /** Network error, timeout, 5xx, refused batch or no result for the id: try again later. */
  | 'retry'
  /** Left in `sending` by a killed browser, or the batch was never looked at: back, no attempt counted. */
  | 'recover'
  /** The user reopens a rejected dossier to fix it. */
  | 'edit'
  /** The user asks to send a rejected dossier again as it is. */
  | 'requeue'
  /** The user drops a dossier that cannot be sent as it is. */
  | 'discard';

export const OUTBOX_EVENTS: readonly OutboxEvent[] = [
  'send', 'stored', 'duplicate', 'invalid', 'missing-blobs', 'conflict', 'refused', 'retry', 'recover', 'edit', 'requeue', 'discard',
];

/**
 * Every `lastError.code` a row can carry, each with a plain-words message and advice in the UI:
 * the retryable ones (SyncErrorCode) and the answers that park a row for the user.
 */
export const OUTBOX_ERROR_CODES = [
  'network', 'timeout', 'server', 'bad-response', 'refused', 'no-result', 'invalid', 'missing-blobs', 'conflict',
] as const;

export type OutboxErrorCode = (typeof OUTBOX_ERROR_CODES)[number];

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
