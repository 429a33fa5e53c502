/**
 * "Start a form": in the first script, so the buttons are there at first paint. A tap loads the
 * phone's storage (Dexie) and makes the draft; the form itself loads with its screen.
 */
import { FORM_START_LIST } from '../../content/form-start-list';
import { pick } from '../../domain/localized';
import { useI18n } from '../i18n-context';

async function start(formId: string, version: number): Promise<void> {
  const [{ phone }, { startDraft }] = await Promise.all([import('../phone'), import('../use-cases/start-draft')]);
  await startDraft(phone().drafts, { id: formId, version }, Date.now());
}

export function StartList() {
  const { t, lang } = useI18n();
  return (
    <section aria-labelledby="start-title" class="card">
      <h2 id="start-title">{t('home.startTitle')}</h2>
      <ul class="start-list">
        {FORM_START_LIST.map((form) => (
          <li key={form.id}>
            <button type="button" class="btn btn--block btn--list" onClick={() => void start(form.id, form.version)}>
              {pick(form.title, lang)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
