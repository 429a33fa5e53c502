/** A message the officer must see: offline, refused (with the fields), or done. */
import type { TFunction } from 'i18next';
import type { ApiResult } from './api';
import { useConsole } from './context';

export function refusalText(t: TFunction, answer: Exclude<ApiResult<unknown>, { ok: true }>): string {
  if (answer.kind === 'offline') return t('app.offline');
  if (answer.reason === 'forbidden') return t('action.forbidden');
  if (answer.reason === 'invalid-transition') return t('action.invalid');
  if (answer.fields) return t('action.fieldError', { fields: Object.keys(answer.fields).join(', ') });
  return t('app.error', { reason: answer.reason });
}

export function Notice({ kind, text }: { kind: 'error' | 'ok'; text: string | null }) {
  useConsole();
  if (!text) return null;
  return (
    <p class={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {text}
    </p>
  );
}
