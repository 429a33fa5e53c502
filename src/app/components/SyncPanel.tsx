/** What waits to be sent, its state in plain words, and the "send now" button. */
import { useEffect, useState } from 'preact/hooks';
import { countPending, listOutbox, returnToDraft, type OutboxRow } from '../../storage/outbox';
import { formatVnDateTime } from '../../domain/dates';
import { useI18n } from '../i18n-context';
import { useLiveQuery } from '../hooks/use-live-query';
import { onSyncEvent, requestSync } from '../sync-client';
import { formPath, navigate } from '../router';

function errorText(row: OutboxRow, t: (key: string) => string): string | null {
  const code = row.lastError?.code;
  if (!code) return null;
  return ['network', 'server', 'invalid'].includes(code) ? t(`errors.${code}`) : code;
}

export function SyncPanel() {
  const { t } = useI18n();
  const rows = useLiveQuery(listOutbox) ?? [];
  const pending = useLiveQuery(countPending) ?? 0;
  const [sending, setSending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(
    () =>
      onSyncEvent((event) => {
        if (event.type === 'start') setSending(true);
        if (event.type === 'done') {
          setSending(false);
          if (event.report.offline) setNotice(t('sync.offline'));
        }
        if (event.type === 'sent') setNotice(t('sync.sent', { code: event.dossierCode }));
        if (event.type === 'update-required') setNotice(t('sync.updateRequired'));
      }),
    [t],
  );

  return (
    <section aria-labelledby="outbox-title" class="card">
      <h2 id="outbox-title">{t('outbox.title')}</h2>
      <p class="outbox-count" data-testid="pending-count">
        {pending > 0 ? t('outbox.pending', { count: pending }) : t('outbox.none')}
      </p>
      <ul class="list">
        {rows.map((row) => (
          <li key={row.id} class={`outbox-item outbox-item--${row.state}`}>
            <strong>{row.label || t('home.draftUnnamed')}</strong>
            <span class="badge">{t(`outbox.state.${row.state}`)}</span>
            {errorText(row, t) && <span class="muted">{t('outbox.lastError', { error: errorText(row, t) })}</span>}
            {row.state === 'queued' && row.attempts > 0 && (
              <span class="muted">{t('outbox.willRetry', { time: formatVnDateTime(row.nextAttemptAt) })}</span>
            )}
            {row.state === 'rejected' && (
              <button
                type="button"
                class="btn"
                onClick={() => void returnToDraft(row.id).then(() => navigate(formPath(row.id)))}
              >
                {t('outbox.fix')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <button
        type="button"
        class="btn btn--primary btn--block"
        disabled={sending || pending === 0}
        onClick={() => requestSync('button')}
      >
        {sending ? t('outbox.sending') : t('outbox.sendNow')}
      </button>
      <p role="status" aria-live="polite" class="notice" data-testid="sync-notice">
        {notice}
      </p>
    </section>
  );
}
