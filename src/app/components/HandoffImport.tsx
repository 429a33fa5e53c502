/** Opens a hand-off file with its passphrase and queues its dossiers (same ids: never a second copy). */
import { useState } from 'preact/hooks';
import type { TFunction } from 'i18next';
import { importHandoffFile } from '../../sync/handoff-store';
import { phone } from '../phone';
import { useI18n } from '../i18n-context';
import { handoffErrorKey } from '../handoff-errors';
import { requestSync } from '../sync-client';

/** Which input an error is about, so the message sits next to it and describes it. */
type Field = 'file' | 'pass';
const RESULT_ID = 'handoff-import-result';

function fieldOf(key: string): Field {
  return key === 'handoff.errors.wrong-passphrase' || key === 'handoff.errors.weak-passphrase' ? 'pass' : 'file';
}

/** Only what happened: "1 added", or plainly that the file brought nothing new. */
function importSummary(t: TFunction, result: { added: unknown[]; alreadyQueued: unknown[]; alreadySent: unknown[] }): string {
  const parts = [
    result.added.length > 0 ? t('handoff.importAdded', { count: result.added.length }) : '',
    result.alreadyQueued.length > 0 ? t('handoff.importAlreadyQueued', { count: result.alreadyQueued.length }) : '',
    result.alreadySent.length > 0 ? t('handoff.importAlreadySent', { count: result.alreadySent.length }) : '',
  ].filter(Boolean);
  return result.added.length === 0 ? `${t('handoff.importNothingNew')} ${parts.join(' ')}`.trim() : parts.join(' ');
}

export function HandoffImport() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [pass, setPass] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: Field | null } | null>(null);

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (!file) return setMessage({ text: t('handoff.chooseFile'), error: 'file' });
    setBusy(true);
    setMessage(null);
    try {
      const result = await importHandoffFile(phone(), await file.text(), pass, { now: Date.now() });
      setMessage({ text: importSummary(t, result), error: null });
      setPass('');
      if (result.added.length > 0) requestSync('button');
    } catch (error) {
      const key = handoffErrorKey(error);
      setMessage({ text: t(key), error: fieldOf(key) });
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
          <input
            type="file"
            accept=".json,application/json"
            aria-invalid={message?.error === 'file' || undefined}
            aria-describedby={message?.error === 'file' ? RESULT_ID : undefined}
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
        </label>
        {message?.error === 'file' && <ErrorText text={message.text} />}
        <label class="field">
          <span>{t('handoff.passphrase')}</span>
          <input
            type="password"
            autocomplete="off"
            required
            value={pass}
            aria-invalid={message?.error === 'pass' || undefined}
            aria-describedby={message?.error === 'pass' ? RESULT_ID : undefined}
            onInput={(e) => setPass(e.currentTarget.value)}
          />
        </label>
        {message?.error === 'pass' && <ErrorText text={message.text} />}
        <button type="submit" class="btn btn--primary btn--block" disabled={busy}>
          {busy ? t('handoff.importing') : t('handoff.importButton')}
        </button>
      </form>
      {message && !message.error && (
        <p role="status" class="notice" id={RESULT_ID} data-testid={RESULT_ID}>
          {message.text}
        </p>
      )}
    </section>
  );
}

function ErrorText({ text }: { text: string }) {
  return (
    <p role="alert" class="error handoff-error" id={RESULT_ID} data-testid={RESULT_ID}>
      {text}
    </p>
  );
}
