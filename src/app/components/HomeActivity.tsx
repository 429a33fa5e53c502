/**
 * The working part of the home screen: start a form, drafts, the outbox and dossiers. It needs
 * IndexedDB (Dexie), so it is its own chunk and the explainer paints before it arrives.
 */
import { useState } from 'preact/hooks';
import { FORMS } from '../../content/forms';
import { pick } from '../../domain/localized';
import { phone } from '../phone';
import { startDraft } from '../use-cases/start-draft';
import { useI18n } from '../i18n-context';
import { DraftList } from './DraftList';
import { SyncPanel } from './SyncPanel';
import { DossierList } from './DossierList';
import { takeFlash } from '../flash';

export default function HomeActivity() {
  const { t, lang } = useI18n();
  const [flash] = useState(takeFlash);

  async function start(formId: string, version: number) {
    await startDraft(phone().drafts, { id: formId, version }, Date.now());
  }

  return (
    <>
      {flash && (
        <p class="flash" role="status">
          {flash}
        </p>
      )}
      <DraftList />
      <section aria-labelledby="start-title" class="card">
        <h2 id="start-title">{t('home.startTitle')}</h2>
        <p class="hint">{t('home.formsFor')}</p>
        <ul class="start-list">
          {FORMS.map((form) => (
            <li key={form.id}>
              <button type="button" class="btn btn--block btn--list" onClick={() => void start(form.id, form.version)}>
                {pick(form.title, lang)}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <SyncPanel />
      <DossierList />
    </>
  );
}
