/** storage/outbox.ts must apply exactly the transitions the pure state machine allows. */
import { describe, expect, it } from 'vitest';
import type { OutboxState } from '../../../src/storage/db';
import {
  deleteOutboxItem,
  enqueueSubmission,
  getOutboxItem,
  markRejected,
  markSending,
  recordResults,
  requeueRejected,
  recoverSending,
  returnToDraft,
  scheduleRetry,
} from '../../../src/storage/outbox';
import { OUTBOX_STATES, type OutboxEvent, tryNextState } from '../../../src/sync/outbox-state';
import { makeSubmission, useFreshStorage } from '../storage/fresh-storage';

useFreshStorage();

async function rowIn(state: OutboxState): Promise<string> {
  const submission = makeSubmission();
  await enqueueSubmission(submission, 'Lê Văn Tám', 1000);
  if (state === 'queued') return submission.id;
  await markSending([submission.id]);
  if (state === 'rejected') await recordResults([{ id: submission.id, outcome: 'invalid', errors: [] }]);
  if (state === 'conflict') await recordResults([{ id: submission.id, outcome: 'conflict', dossierCode: 'HS-1' }]);
  return submission.id;
}

/** Each storage write, named by the event it performs. */
const OPERATIONS: Record<Exclude<OutboxEvent, 'duplicate' | 'missing-blobs'>, (id: string) => Promise<unknown>> = {
  send: (id) => markSending([id]),
  stored: (id) => recordResults([{ id, outcome: 'stored', dossierCode: 'HS-2', receivedAt: 1 }]),
  invalid: (id) => recordResults([{ id, outcome: 'invalid', errors: [{ field: 'x', code: 'required' }] }]),
  conflict: (id) => recordResults([{ id, outcome: 'conflict', dossierCode: 'HS-3' }]),
  refused: (id) => markRejected([id], { code: 'refused' }),
  requeue: (id) => requeueRejected(id),
  retry: (id) => scheduleRetry([id], 99_999, { code: 'network' }),
  recover: (id) => recoverSending([id]),
  edit: (id) => returnToDraft(id),
  discard: (id) => deleteOutboxItem(id),
};

const CASES = OUTBOX_STATES.flatMap((state) => Object.keys(OPERATIONS).map((event) => [state, event as keyof typeof OPERATIONS] as const));

describe('storage guards agree with the state machine', () => {
  it.each(CASES)('%s --%s-->', async (state, event) => {
    const id = await rowIn(state);
    const before = await getOutboxItem(id);
    await OPERATIONS[event](id);
    const after = await getOutboxItem(id);
    const target = tryNextState(state, event);
    if (target === undefined) {
      expect(after).toEqual(before);
    } else if (target === 'removed' || target === 'draft' || target === 'deleted') {
      expect(after).toBeUndefined();
    } else {
      expect(after?.state).toBe(target);
    }
  });
});
