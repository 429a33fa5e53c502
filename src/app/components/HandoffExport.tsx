/** Copies every unsent dossier into one passphrase-encrypted file and hands it to the browser as a download. */
import { useState } from 'preact/hooks';
import { countPending } from '../../storage/outbox';
import { getDeviceId } from '../../storage/settings';
import { MIN_PASSPHRASE_LENGTH } from '../../sync/handoff';
import { exportOutbox } from '../../sync/handoff-store';
import { useI18n } from '../i18n-context';
import { useLiveQuery } from '../hooks/use-live-query';
import { handoffErrorKey } from '../handoff-errors';

function fileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `ho-so-chua-gui-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.mcld.json`;
}

function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function HandoffExport() {
  const { t } = useI18n();
  const pending = useLiveQuery(countPending) ?? 0;
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (pass !== again) return setMessage({ text: t('handoff.mismatch'), error: true });
    setBusy(true);
    setMessage(null);
    try {
      const result = await exportOutbox(pass, { deviceId: await getDeviceId() });
      download(result.text, fileName(new Date()));
      setMessage({ text: t('handoff.exported', { count: result.count }), error: false });
      setPass('');
      setAgain('');
    } catch (error) {
      setMessage({ text: t(handoffErrorKey(error)), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="handoff-export" class="card">
      <h2 id="handoff-export">{t('handoff.exportTitle')}</h2>
      {pending === 0 ? (
        <p class="muted">{t('handoff.nothingToExport')}</p>
      ) : (
        <form onSubmit={(e) => void onSubmit(e)}>
          <p>{t('handoff.exportCount', { count: pending })}</p>
          <label class="field">
            <span>{t('handoff.passphrase')}</span>
            <input type="password" autocomplete="new-password" minLength={MIN_PASSPHRASE_LENGTH} required value={pass} onInput={(e) => setPass(e.currentTarget.value)} />
            <small class="muted">{t('handoff.passphraseHint')}</small>
          </label>
          <label class="field">
            <span>{t('handoff.passphraseAgain')}</span>
            <input type="password" autocomplete="new-password" required value={again} onInput={(e) => setAgain(e.currentTarget.value)} />
          </label>
          <button type="submit" class="btn btn--primary btn--block" disabled={busy}>
            {busy ? t('handoff.exporting') : t('handoff.exportButton')}
          </button>
        </form>
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} class="notice" data-testid="handoff-export-result">
          {message.text}
        </p>
      )}
    </section>
  );
}
