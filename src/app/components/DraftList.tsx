/** Drafts kept on the phone: offered on return, each opening where it was left. */
import { listDrafts } from '../../storage/drafts';
import { formatVnDateTime } from '../../domain/dates';
import { findForm } from '../../content/forms';
import { pick } from '../../domain/localized';
import { useI18n } from '../i18n-context';
import { useLiveQuery } from '../hooks/use-live-query';
import { formPath, navigate } from '../router';

export function DraftList() {
  const { t, lang } = useI18n();
  const drafts = useLiveQuery(listDrafts) ?? [];
  if (drafts.length === 0) return null;
  return (
    <section aria-labelledby="drafts-title" class="card card--attention">
      <h2 id="drafts-title">{t('home.draftsTitle')}</h2>
      <p>{t('home.resumeOffer')}</p>
      <ul class="list">
        {drafts.map((draft) => {
          const form = findForm(draft.formId, draft.formVersion);
          return (
            <li key={draft.id} class="draft">
              <strong>{draft.label || t('home.draftUnnamed')}</strong>
              {form && <span>{pick(form.title, lang)}</span>}
              <span class="muted">{t('home.draftSaved', { time: formatVnDateTime(draft.updatedAt) })}</span>
              <button type="button" class="btn btn--primary" onClick={() => navigate(formPath(draft.id))}>
                {t('home.resume')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
