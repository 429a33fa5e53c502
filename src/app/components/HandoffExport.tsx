/** Copies every unsent dossier into one passphrase-encrypted file and hands it to the browser as a download. */
import { useState } from 'preact/hooks';
import { phone } from '../phone';
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
  const pending = useLiveQuery(() => phone().outbox.countPending()) ?? 0;
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  /** `at`: the field an error belongs to (shown next to it); null for the result of an export. */
  const [message, setMessage] = useState<{ text: string; at: 'pass' | 'again' | 'form' | null } | null>(null);

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (pass !== again) return setMessage({ text: t('handoff.mismatch'), at: 'again' });
    setBusy(true);
    setMessage(null);
    try {
      const result = await exportOutbox(phone(), pass, { deviceId: await phone().settings.getDeviceId(), now: Date.now() });
      download(result.text, fileName(new Date()));
      setMessage({ text: t('handoff.exported', { count: result.count }), at: null });
      setPass('');
      setAgain('');
    } catch (error) {
      const key = handoffErrorKey(error);
      setMessage({ text: t(key), at: key === 'handoff.errors.weak-passphrase' ? 'pass' : 'form' });
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
            <input
              type="password"
              autocomplete="new-password"
              minLength={MIN_PASSPHRASE_LENGTH}
              required
              value={pass}
              aria-invalid={message?.at === 'pass' || undefined}
              aria-describedby={message?.at === 'pass' ? 'handoff-export-hint handoff-export-error' : 'handoff-export-hint'}
              onInput={(e) => setPass(e.currentTarget.value)}
            />
            <small class="muted" id="handoff-export-hint">
              {t('handoff.passphraseHint')}
            </small>
          </label>
          {message?.at === 'pass' && <FieldError text={message.text} />}
          <label class="field">
            <span>{t('handoff.passphraseAgain')}</span>
            <input
              type="password"
              autocomplete="new-password"
              required
              value={again}
              aria-invalid={message?.at === 'again' || undefined}
              aria-describedby={message?.at === 'again' ? 'handoff-export-error' : undefined}
              onInput={(e) => setAgain(e.currentTarget.value)}
            />
          </label>
          {message?.at === 'again' && <FieldError text={message.text} />}
          <button type="submit" class="btn btn--primary btn--block" disabled={busy}>
            {busy ? t('handoff.exporting') : t('handoff.exportButton')}
          </button>
        </form>
      )}
      {message && (message.at === null || message.at === 'form') && (
        <p role={message.at ? 'alert' : 'status'} class="notice" data-testid="handoff-export-result">
          {message.text}
        </p>
      )}
    </section>
  );
}

function FieldError({ text }: { text: string }) {
  return (
    <p role="alert" class="error handoff-error" id="handoff-export-error" data-testid="handoff-export-result">
      {text}
    </p>
  );
}
