import { describe, expect, it } from 'vitest';
import {
  IllegalTransitionError,
  OUTBOX_EVENTS,
  OUTBOX_STATES,
  type OutboxEvent,
  type OutboxTarget,
  nextState,
  tryNextState,
} from '../../../src/domain/outbox-state';
import type { OutboxState } from '../../../src/domain/outbox-state';

/** The whole machine, written out independently of the implementation's table. */
const LEGAL: Record<OutboxState, Partial<Record<OutboxEvent, OutboxTarget>>> = {
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

const ALL = OUTBOX_STATES.flatMap((state) => OUTBOX_EVENTS.map((event) => [state, event] as const));

describe('outbox state machine', () => {
  it('covers 4 states × 12 events', () => {
    expect(OUTBOX_STATES).toEqual(['queued', 'sending', 'rejected', 'conflict']);
    expect(new Set(OUTBOX_EVENTS).size).toBe(12);
    expect(ALL).toHaveLength(48);
  });

  const legal = ALL.filter(([state, event]) => LEGAL[state][event] !== undefined);
  const illegal = ALL.filter(([state, event]) => LEGAL[state][event] === undefined);

  it('has exactly 13 legal transitions', () => {
    expect(legal).toHaveLength(13);
  });

  it.each(legal)('%s --%s--> allowed', (state, event) => {
    expect(nextState(state, event)).toBe(LEGAL[state][event]);
    expect(tryNextState(state, event)).toBe(LEGAL[state][event]);
  });

  it.each(illegal)('%s --%s--> refused', (state, event) => {
    expect(tryNextState(state, event)).toBeUndefined();
    expect(() => nextState(state, event)).toThrow(IllegalTransitionError);
    try {
      nextState(state, event);
    } catch (error) {
      expect(error).toMatchObject({ state, event });
    }
  });

  it('a row leaves the outbox for dossiers only from sending, on stored or duplicate', () => {
    const removing = ALL.filter(([state, event]) => tryNextState(state, event) === 'removed');
    expect(removing).toEqual([
      ['sending', 'stored'],
      ['sending', 'duplicate'],
    ]);
  });

  it('queued and sending rows can never be discarded by the user', () => {
    expect(tryNextState('queued', 'discard')).toBeUndefined();
    expect(tryNextState('sending', 'discard')).toBeUndefined();
  });
});
