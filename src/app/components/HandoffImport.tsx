/** Opens a hand-off file with its passphrase and queues its dossiers (same ids: never a second copy). */
import { useState } from 'preact/hooks';
import { importHandoffFile } from '../../sync/handoff-store';
import { useI18n } from '../i18n-context';
import { handoffErrorKey } from '../handoff-errors';
import { requestSync } from '../sync-client';

export function HandoffImport() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [pass, setPass] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (!file) return setMessage({ text: t('handoff.chooseFile'), error: true });
    setBusy(true);
    setMessage(null);
    try {
      const result = await importHandoffFile(await file.text(), pass);
      setMessage({
        text: t('handoff.imported', { added: result.added.length, queued: result.alreadyQueued.length, sent: result.alreadySent.length }),
        error: false,
      });
      setPass('');
      if (result.added.length > 0) requestSync('button');
    } catch (error) {
      setMessage({ text: t(handoffErrorKey(error)), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="handoff-import" class="card">
      <h2 id="handoff-import">{t('handoff.importTitle')}</h2>
      <form onSubmit={(e) => void onSubmit(e)}>
        <label class="field">
          <span>{t('handoff.file')}</span>
          <input type="file" accept=".json,application/json" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        </label>
        <label class="field">
          <span>{t('handoff.passphrase')}</span>
          <input type="password" autocomplete="off" required value={pass} onInput={(e) => setPass(e.currentTarget.value)} />
        </label>
        <button type="submit" class="btn btn--primary btn--block" disabled={busy}>
          {busy ? t('handoff.importing') : t('handoff.importButton')}
        </button>
      </form>
      {message && (
        <p role={message.error ? 'alert' : 'status'} class="notice" data-testid="handoff-import-result">
          {message.text}
        </p>
      )}
    </section>
  );
}
