/** Every outbox state and error code has a name, plain words, advice and only the actions the state machine allows. */
import { describe, expect, it } from 'vitest';
import { adviseOutboxRow } from '../../../src/app/outbox-advice';
import type { OutboxRow } from '../../../src/storage/outbox';
import { OUTBOX_ERROR_CODES } from '../../../src/domain/outbox-state';
import { vi as strings } from '../../../src/i18n/locales/vi';
import { makeSubmission } from '../storage/fresh-storage';

function row(overrides: Partial<OutboxRow>): OutboxRow {
  const submission = makeSubmission();
  return {
    id: submission.id,
    submission,
    label: 'A',
    state: 'queued',
    attempts: 0,
    nextAttemptAt: 0,
    queuedAt: 0,
    updatedAt: 0,
    origin: 'device',
    ...overrides,
  };
}

function lookup(key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], strings);
}

describe('outbox advice', () => {
  it('a fresh queued row: its state, no error, nothing to do', () => {
    expect(adviseOutboxRow(row({}))).toEqual({ stateKey: 'outbox.state.queued', errorKey: null, values: { code: '—' }, actions: [] });
  });

  it('a queued row that failed before: "waiting to retry", the error, and "try now"', () => {
    const advice = adviseOutboxRow(row({ attempts: 2, lastError: { code: 'timeout' } }));
    expect(advice).toMatchObject({ stateKey: 'sync2.stateRetrying', errorKey: 'sync2.errors.timeout', actions: ['retry-now'] });
  });

  it('past the day\'s allowance: its words, and no "try now" (it would only meet the same refusal)', () => {
    const advice = adviseOutboxRow(row({ attempts: 1, lastError: { code: 'quota-exceeded', detail: { status: 429 } } }));
    expect(advice).toMatchObject({ stateKey: 'sync2.stateRetrying', errorKey: 'sync2.errors.quota-exceeded', actions: [] });
  });

  it('invalid: fix or delete (sending it again as it is cannot help)', () => {
    expect(adviseOutboxRow(row({ state: 'rejected', lastError: { code: 'invalid', detail: [] } })).actions).toEqual(['fix', 'delete']);
  });

  it('missing photos and a refused dossier: send again, fix or delete; refused for good has its own words', () => {
    expect(adviseOutboxRow(row({ state: 'rejected', lastError: { code: 'missing-blobs' } })).actions).toEqual(['resend', 'fix', 'delete']);
    const refused = adviseOutboxRow(row({ state: 'rejected', lastError: { code: 'refused' } }));
    expect(refused).toMatchObject({ errorKey: 'sync2.errors.refused-parked', actions: ['resend', 'fix', 'delete'] });
  });

  it('conflict: only delete, and the server dossier code is named', () => {
    const advice = adviseOutboxRow(row({ state: 'conflict', lastError: { code: 'conflict', detail: { dossierCode: 'HS-77' } } }));
    expect(advice).toMatchObject({ errorKey: 'sync2.errors.conflict', values: { code: 'HS-77' }, actions: ['delete'] });
  });

  it('sending: nothing the user may do', () => {
    expect(adviseOutboxRow(row({ state: 'sending' })).actions).toEqual([]);
  });

  it('every error code, and an unknown one, resolves to Vietnamese words and advice', () => {
    for (const code of [...OUTBOX_ERROR_CODES, 'something-new']) {
      for (const state of ['queued', 'rejected'] as const) {
        const { errorKey } = adviseOutboxRow(row({ state, attempts: 1, lastError: { code } as NonNullable<OutboxRow['lastError']> }));
        expect(typeof lookup(`${errorKey}.message`), `${errorKey}.message`).toBe('string');
        expect(typeof lookup(`${errorKey}.action`), `${errorKey}.action`).toBe('string');
      }
    }
  });
});
