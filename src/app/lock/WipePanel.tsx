/**
 * "Xóa dữ liệu trên máy này": everything, or everything but the unsent queue (counted, with a
 * warning before the queue goes too). Used on the security screen and on the lock screen (a
 * forgotten PIN).
 */
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n-context';
import { phone } from '../phone';
import { ConfirmDialog } from '../components/form/ConfirmDialog';
import { rememberPinSet, setLocked } from './lock-state';

type Mode = 'keep-queue' | 'all';

export function WipePanel({ onWiped }: { onWiped?: () => void }) {
  const { t } = useI18n();
  const [pending, setPending] = useState<number | null>(null);
  const [asking, setAsking] = useState<Mode | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  useEffect(() => {
    void phone()
      .outbox.countPending()
      .then(setPending, () => setPending(0));
  }, [done]);

  async function wipe(mode: Mode) {
    setAsking(null);
    setBusy(true);
    await phone().wipe({ keepQueue: mode === 'keep-queue', now: Date.now() });
    rememberPinSet(false);
    setLocked(false);
    setBusy(false);
    setDone(true);
    onWiped?.();
  }

  const count = pending ?? 0;
  return (
    <section class="card" aria-labelledby="wipe-title" data-testid="wipe-panel">
      <h2 id="wipe-title">{t('security.wipeTitle')}</h2>
      <p>{t('security.wipeIntro')}</p>
      {done && (
        <p role="status" data-testid="wiped">
          {t('security.wiped')}
        </p>
      )}
      {count > 0 && (
        <p class="warning" data-testid="wipe-warning">
          {t('security.wipeAllWarning', { count })}
        </p>
      )}
      {count > 0 && (
        <button
          type="button"
          class="btn btn--light btn--block"
          disabled={busy}
          onClick={() => setAsking('keep-queue')}
          data-testid="wipe-keep-queue"
        >
          {t('security.wipeKeepQueue', { count })}
        </button>
      )}
      <button type="button" class="btn btn--danger btn--block" disabled={busy} onClick={() => setAsking('all')} data-testid="wipe-all">
        {busy ? t('security.wiping') : t('security.wipeAll')}
      </button>
      <ConfirmDialog
        open={asking !== null}
        title={asking === 'all' ? t('security.wipeAll') : t('security.wipeKeepQueue', { count })}
        body={
          asking === 'all' && count > 0
            ? `${t('security.wipeAllWarning', { count })} ${t('security.wipeConfirm')}`
            : t('security.wipeConfirm')
        }
        confirmLabel={t('security.confirm')}
        cancelLabel={t('security.cancel')}
        onConfirm={() => asking && void wipe(asking)}
        onCancel={() => setAsking(null)}
      />
    </section>
  );
}
