/** What waits to be sent, each dossier's state and what to do about it, and the "send now" button. */
import { useEffect, useState } from 'preact/hooks';
import { phone } from '../phone';
import { useI18n } from '../i18n-context';
import { useLiveQuery } from '../hooks/use-live-query';
import { chooseDataSaver, dataSaverChosen, onSyncEvent, requestSync } from '../sync-client';
import { HANDOFF_PATH } from '../router';
import { Link } from './Link';
import { OutboxItem } from './OutboxItem';
import { StorageBanner } from './StorageBanner';
import { DeviceStatus } from './DeviceStatus';
import { ReadinessLine } from './OfflineReadiness';
import { SendProgress } from './SendProgress';

export function SyncPanel() {
  const { t } = useI18n();
  const rows = useLiveQuery(() => phone().outbox.listOutbox()) ?? [];
  const pending = useLiveQuery(() => phone().outbox.countPending()) ?? 0;
  const [sending, setSending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [dataSaver, setDataSaver] = useState(dataSaverChosen);

  useEffect(
    () =>
      onSyncEvent((event) => {
        if (event.type === 'start') setSending(true);
        if (event.type === 'done') {
          setSending(false);
          if (event.report.offline) setNotice(t('sync.offline'));
        }
        if (event.type === 'error') setSending(false);
        if (event.type === 'sent') setNotice(t('sync.sent', { code: event.dossierCode }));
        if (event.type === 'update-required') setNotice(t('sync.updateRequired'));
        if (event.type === 'device-revoked') setNotice(t('device.revokedTitle'));
      }),
    [t],
  );

  return (
    <section aria-labelledby="outbox-title" class="card">
      <h2 id="outbox-title">{t('outbox.title')}</h2>
      <DeviceStatus />
      <ReadinessLine />
      <StorageBanner pending={pending} />
      <p class="outbox-count" data-testid="pending-count">
        {pending > 0 ? t('outbox.pending', { count: pending }) : t('outbox.none')}
      </p>
      <ul class="list">
        {rows.map((row) => (
          <OutboxItem key={row.id} row={row} />
        ))}
      </ul>
      <button type="button" class="btn btn--primary btn--block" disabled={sending || pending === 0} onClick={() => requestSync('button')}>
        {sending ? t('outbox.sending') : t('outbox.sendNow')}
      </button>
      <SendProgress />
      <p role="status" aria-live="polite" class="notice" data-testid="sync-notice">
        {notice}
      </p>
      <label class="check">
        <input
          type="checkbox"
          checked={dataSaver}
          onChange={(event) => {
            const on = (event.currentTarget as HTMLInputElement).checked;
            chooseDataSaver(on);
            setDataSaver(on);
          }}
        />{' '}
        {t('sendProgress.dataSaver')}
      </label>
      <p>
        <Link href={HANDOFF_PATH}>{t('sync2.handoffLink')}</Link>
      </p>
    </section>
  );
}
