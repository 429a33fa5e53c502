/**
 * What the user reads about one outbox row and what they can do about it: the state's name, the
 * last error in plain words with advice (i18n keys under `sync2.errors`), and the actions that
 * the state machine allows. Pure, so every code and state is covered by a unit test.
 */
import type { OutboxRow } from '../storage/outbox';
import { OUTBOX_ERROR_CODES, isOutboxErrorCode, tryNextState } from '../domain/outbox-state';

export type OutboxAction = 'retry-now' | 'resend' | 'fix' | 'delete';

/** Error keys: the codes, plus 'refused-parked' (refused for good, not just this once). */
export const ADVICE_KEYS = [...OUTBOX_ERROR_CODES, 'refused-parked', 'unknown'] as const;
export type AdviceKey = (typeof ADVICE_KEYS)[number];

export interface OutboxAdvice {
  /** i18n key of the state's name. */
  stateKey: string;
  /** i18n key base of the error: `${errorKey}.message` and `${errorKey}.action`; null when none. */
  errorKey: string | null;
  /** Values for the error's message (the server's dossier code of a conflict). */
  values: Record<string, string>;
  actions: OutboxAction[];
}

function adviceKey(row: OutboxRow): AdviceKey | null {
  const code = row.lastError?.code;
  if (!code) return null;
  // Rows on disk may come from another app version: an unknown code still gets a sentence.
  if (!isOutboxErrorCode(code)) return 'unknown';
  return code === 'refused' && row.state === 'rejected' ? 'refused-parked' : code;
}

export function adviseOutboxRow(row: OutboxRow): OutboxAdvice {
  const key = adviceKey(row);
  const actions: OutboxAction[] = [];
  // Past the day's allowance, trying now only meets the same refusal (and spends 2G bytes): the
  // row waits for the server's Retry-After by itself, as its advice says.
  if (row.state === 'queued' && row.attempts > 0 && row.lastError?.code !== 'quota-exceeded') actions.push('retry-now');
  if (tryNextState(row.state, 'requeue') && row.lastError?.code !== 'invalid') actions.push('resend');
  if (tryNextState(row.state, 'edit')) actions.push('fix');
  if (tryNextState(row.state, 'discard')) actions.push('delete');
  const detail = row.lastError?.detail as { dossierCode?: unknown } | undefined;
  const values: Record<string, string> = {};
  if (row.lastError?.code === 'conflict' && typeof detail?.dossierCode === 'string') values.code = detail.dossierCode;
  else values.code = '—';
  return {
    stateKey: row.state === 'queued' && row.attempts > 0 ? 'sync2.stateRetrying' : `outbox.state.${row.state}`,
    errorKey: key ? `sync2.errors.${key}` : null,
    values,
    actions,
  };
}
