/**
 * The working part of the home screen: start a form, drafts, the outbox and dossiers. It needs
 * IndexedDB (Dexie), so it is its own chunk and the explainer paints before it arrives.
 */
import { useState } from 'preact/hooks';
import { FORMS } from '../../content/forms';
import { pick } from '../../domain/localized';
import { createDraft } from '../../storage/drafts';
import { useI18n } from '../i18n-context';
import { DraftList } from './DraftList';
import { SyncPanel } from './SyncPanel';
import { DossierList } from './DossierList';
import { formPath, navigate } from '../router';
import { takeFlash } from '../flash';

export default function HomeActivity() {
  const { t, lang } = useI18n();
  const [flash] = useState(takeFlash);

  async function start(formId: string, version: number) {
    const draft = await createDraft(formId, version);
    navigate(formPath(draft.id));
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
