/** The papers a procedure needs, as a checklist staff tick with the resident. */
import type { Procedure } from '../../../domain/catalog';
import { pick } from '../../../domain/localized';
import { useI18n } from '../../i18n-context';
import { useChecklist } from './use-checklist';

export function DocumentChecklist({ procedure }: { procedure: Procedure }) {
  const { t, lang } = useI18n();
  const { checked, toggle, clear } = useChecklist(procedure.slug);
  const docs = procedure.documents;
  const done = docs.filter((d) => checked.has(d.id)).length;
  const requiredReady = docs.every((d) => !d.required || checked.has(d.id));
  return (
    <section aria-labelledby="documents-title" class="card">
      <h2 id="documents-title">{t('procedure.documentsTitle')}</h2>
      <p class="hint">{t('procedure.documentsHint')}</p>
      <ul class="checklist">
        {docs.map((doc) => {
          const id = `doc-${doc.id}`;
          return (
            <li key={doc.id} class={`checklist__item${checked.has(doc.id) ? ' checklist__item--on' : ''}`}>
              <label class="checklist__label">
                <input
                  type="checkbox"
                  id={id}
                  checked={checked.has(doc.id)}
                  aria-describedby={doc.note ? `${id}-note` : undefined}
                  onChange={(e) => toggle(doc.id, e.currentTarget.checked)}
                />
                <span class="checklist__text">
                  <span class="checklist__name">{pick(doc.name, lang)}</span>
                  <span class={`tag ${doc.required ? 'tag--required' : 'tag--optional'}`}>
                    {doc.required ? t('procedure.required') : t('procedure.optional')}
                  </span>
                  {doc.copies && (
                    <span class="checklist__copies" lang="vi">
                      {doc.copies}
                    </span>
                  )}
                </span>
              </label>
              {doc.note && (
                <p id={`${id}-note`} class="checklist__note">
                  {pick(doc.note, lang)}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <p class="checklist__status" role="status" aria-live="polite" data-testid="checklist-status">
        {t('procedure.checked', { checked: done, total: docs.length })}
        {requiredReady && done > 0 && ` ${t('procedure.requiredReady')}`}
      </p>
      {done > 0 && (
        <button type="button" class="btn" onClick={clear}>
          {t('procedure.clearChecks')}
        </button>
      )}
    </section>
  );
}
