/** One dossier waiting to be sent: its state by name, the last error in plain words, what to do, and the actions its state allows. */
import { useState } from 'preact/hooks';
import { formatVnDateTime } from '../../domain/dates';
import type { OutboxRow } from '../../storage/outbox';
import { phone } from '../phone';
import { useI18n } from '../i18n-context';
import { adviseOutboxRow } from '../outbox-advice';
import { formPath, navigate } from '../router';
import { requestSync } from '../sync-client';

export function OutboxItem({ row }: { row: OutboxRow }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const advice = adviseOutboxRow(row);
  const name = row.label || t('home.draftUnnamed');

  async function fix() {
    const draft = await phone().outbox.returnToDraft(row.id, Date.now());
    if (draft) navigate(formPath(draft.id));
  }

  async function resend() {
    if (await phone().outbox.requeueRejected(row.id, Date.now())) requestSync('button');
  }

  return (
    <li class={`outbox-item outbox-item--${row.state}`} data-testid="outbox-item" data-state={row.state}>
      <strong>{name}</strong>
      <span class="badge" data-testid="outbox-state">
        {t(advice.stateKey)}
      </span>
      {row.origin === 'import' && <span class="muted">{t('sync2.imported')}</span>}
      {row.exportedAt !== undefined && <span class="muted">{t('sync2.exportedAt', { time: formatVnDateTime(row.exportedAt) })}</span>}
      {advice.errorKey && (
        <p class="outbox-item__error" data-testid="outbox-error">
          {t(`${advice.errorKey}.message`, advice.values)}{' '}
          <span class="muted">{t('sync2.whatToDo', { action: t(`${advice.errorKey}.action`, advice.values) })}</span>
        </p>
      )}
      {row.state === 'queued' && row.attempts > 0 && (
        <span class="muted">{t('outbox.willRetry', { time: formatVnDateTime(row.nextAttemptAt) })}</span>
      )}
      {!confirming && advice.actions.length > 0 && (
        <div class="outbox-item__actions">
          {advice.actions.includes('retry-now') && (
            <button type="button" class="btn" onClick={() => requestSync('button')}>
              {t('sync2.actions.retryNow')}
            </button>
          )}
          {advice.actions.includes('resend') && (
            <button type="button" class="btn" onClick={() => void resend()}>
              {t('sync2.actions.resend')}
            </button>
          )}
          {advice.actions.includes('fix') && (
            <button type="button" class="btn" onClick={() => void fix()}>
              {t('sync2.actions.fix')}
            </button>
          )}
          {advice.actions.includes('delete') && (
            <button type="button" class="btn btn--ghost" onClick={() => setConfirming(true)}>
              {t('sync2.actions.delete')}
            </button>
          )}
        </div>
      )}
      {confirming && (
        <div class="outbox-item__confirm" role="alertdialog" aria-label={t('sync2.actions.confirmDelete')}>
          <p>{t('sync2.actions.confirmDelete')}</p>
          <button
            type="button"
            class="btn btn--primary"
            onClick={() =>
              void phone()
                .outbox.deleteOutboxItem(row.id)
                .then(() => setConfirming(false))
            }
          >
            {t('sync2.actions.confirmDeleteYes')}
          </button>
          <button type="button" class="btn" onClick={() => setConfirming(false)}>
            {t('sync2.actions.confirmDeleteNo')}
          </button>
        </div>
      )}
    </li>
  );
}
