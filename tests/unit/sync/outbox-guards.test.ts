/** storage/outbox.ts must apply exactly the transitions the pure state machine allows. */
import { describe, expect, it } from 'vitest';
import type { OutboxState } from '../../../src/storage/db';
import { OUTBOX_STATES, type OutboxEvent, tryNextState } from '../../../src/domain/outbox-state';
import { makeSubmission, useFreshStorage } from '../storage/fresh-storage';

const storage = useFreshStorage();

async function rowIn(state: OutboxState): Promise<string> {
  const submission = makeSubmission();
  await storage().outbox.enqueueSubmission(submission, 'Lê Văn Tám', 1000);
  if (state === 'queued') return submission.id;
  await storage().outbox.markSending([submission.id], Date.now());
  if (state === 'rejected') await storage().outbox.recordResults([{ id: submission.id, outcome: 'invalid', errors: [] }], Date.now());
  if (state === 'conflict')
    await storage().outbox.recordResults([{ id: submission.id, outcome: 'conflict', dossierCode: 'HS-1' }], Date.now());
  return submission.id;
}

/** Each storage write, named by the event it performs. */
const OPERATIONS: Record<Exclude<OutboxEvent, 'duplicate' | 'missing-blobs'>, (id: string) => Promise<unknown>> = {
  send: (id) => storage().outbox.markSending([id], Date.now()),
  stored: (id) => storage().outbox.recordResults([{ id, outcome: 'stored', dossierCode: 'HS-2', receivedAt: 1 }], Date.now()),
  invalid: (id) => storage().outbox.recordResults([{ id, outcome: 'invalid', errors: [{ field: 'x', code: 'required' }] }], Date.now()),
  conflict: (id) => storage().outbox.recordResults([{ id, outcome: 'conflict', dossierCode: 'HS-3' }], Date.now()),
  refused: (id) => storage().outbox.markRejected([id], { code: 'refused' }, Date.now()),
  requeue: (id) => storage().outbox.requeueRejected(id, Date.now()),
  retry: (id) => storage().outbox.scheduleRetry([id], 99_999, { code: 'network' }, Date.now()),
  recover: (id) => storage().outbox.recoverSending([id], Date.now()),
  edit: (id) => storage().outbox.returnToDraft(id, Date.now()),
  discard: (id) => storage().outbox.deleteOutboxItem(id),
};

const CASES = OUTBOX_STATES.flatMap((state) => Object.keys(OPERATIONS).map((event) => [state, event as keyof typeof OPERATIONS] as const));

describe('storage guards agree with the state machine', () => {
  it.each(CASES)('%s --%s-->', async (state, event) => {
    const id = await rowIn(state);
    const before = await storage().outbox.getOutboxItem(id);
    await OPERATIONS[event](id);
    const after = await storage().outbox.getOutboxItem(id);
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
