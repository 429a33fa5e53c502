/**
 * Drafts kept on the phone, one per resident: each shows its form and the resident's name, opens
 * where it was left, and can be renamed (the name then stays as given) or deleted after a question.
 */
import { useState } from 'preact/hooks';
import { draftHasContent, type DraftRow } from '../../storage/drafts';
import { phone } from '../phone';
import { formatVnDateTime } from '../../domain/dates';
import { cleanText } from '../../domain/text';
import { findForm } from '../../content/forms';
import { pick } from '../../domain/localized';
import { useI18n } from '../i18n-context';
import { useLiveQuery } from '../hooks/use-live-query';
import { formPath, navigate } from '../router';
import { ConfirmDialog } from './form/ConfirmDialog';

const MAX_LABEL = 100;

function DraftItem({ draft, onDone }: { draft: DraftRow; onDone: (message: string) => void }) {
  const { t, lang } = useI18n();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState('');
  const [deleting, setDeleting] = useState(false);
  const form = findForm(draft.formId, draft.formVersion);
  const latest = findForm(draft.formId);
  const label = draft.label || t('home.draftUnnamed');
  const inputId = `draft-name-${draft.id}`;
  const renameButtonId = `draft-rename-${draft.id}`;

  async function rename() {
    const next = cleanText(name).slice(0, MAX_LABEL);
    if (!next) return;
    await phone().drafts.saveDraft(draft.id, { label: next }, Date.now());
    setRenaming(false);
    onDone(t('drafts.renamed', { name: next }));
    requestAnimationFrame(() => document.getElementById(renameButtonId)?.focus());
  }

  return (
    <li class="draft" data-testid="draft">
      <strong class="draft__name">{label}</strong>
      {form && <span>{t('drafts.form', { title: pick(form.title, lang) })}</span>}
      {form && latest && latest.version > form.version && <span class="muted">{t('drafts.oldVersion', { version: form.version })}</span>}
      <span class="muted">{t('home.draftSaved', { time: formatVnDateTime(draft.updatedAt) })}</span>
      {renaming ? (
        <form
          class="draft__rename"
          onSubmit={(e) => {
            e.preventDefault();
            void rename();
          }}
        >
          <label for={inputId}>{t('drafts.renameLabel')}</label>
          <p class="hint" id={`${inputId}-hint`}>
            {t('drafts.renameHint')}
          </p>
          <input
            id={inputId}
            type="text"
            autoComplete="off"
            maxLength={MAX_LABEL}
            aria-describedby={`${inputId}-hint`}
            value={name}
            onInput={(e) => setName(e.currentTarget.value.normalize('NFC'))}
          />
          <div class="draft__actions">
            <button type="submit" class="btn btn--primary">
              {t('drafts.saveName')}
            </button>
            <button
              type="button"
              class="btn"
              onClick={() => {
                setRenaming(false);
                requestAnimationFrame(() => document.getElementById(renameButtonId)?.focus());
              }}
            >
              {t('drafts.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div class="draft__actions">
          <button type="button" class="btn btn--primary" onClick={() => navigate(formPath(draft.id))}>
            {t('drafts.resume')}
            <span class="visually-hidden">: {label}</span>
          </button>
          <button
            type="button"
            id={renameButtonId}
            class="btn"
            onClick={() => {
              setName(draft.label ?? '');
              setRenaming(true);
              requestAnimationFrame(() => document.getElementById(inputId)?.focus());
            }}
          >
            {t('drafts.rename')}
            <span class="visually-hidden">: {label}</span>
          </button>
          <button type="button" class="btn btn--danger-outline" onClick={() => setDeleting(true)}>
            {t('drafts.delete')}
            <span class="visually-hidden">: {label}</span>
          </button>
        </div>
      )}
      <ConfirmDialog
        open={deleting}
        title={t('drafts.confirmDeleteTitle', { name: label })}
        body={t('drafts.confirmDeleteBody')}
        confirmLabel={t('drafts.confirmDeleteYes')}
        cancelLabel={t('drafts.confirmDeleteNo')}
        onConfirm={() => {
          setDeleting(false);
          void phone()
            .drafts.deleteDraft(draft.id)
            .then(() => {
              onDone(t('drafts.deleted', { name: label }));
              requestAnimationFrame(() => (document.getElementById('drafts-title') ?? document.getElementById('main'))?.focus());
            });
        }}
        onCancel={() => setDeleting(false)}
      />
    </li>
  );
}

export function DraftList() {
  const { t } = useI18n();
  const drafts = (useLiveQuery(() => phone().drafts.listDrafts()) ?? []).filter(draftHasContent);
  const [message, setMessage] = useState('');
  return (
    <>
      {drafts.length > 0 && (
        <section aria-labelledby="drafts-title" class="card card--attention">
          <h2 id="drafts-title" tabIndex={-1}>
            {t('home.draftsTitle')}
          </h2>
          <p>{t('home.resumeOffer')}</p>
          <ul class="list">
            {drafts.map((draft) => (
              <DraftItem key={draft.id} draft={draft} onDone={setMessage} />
            ))}
          </ul>
        </section>
      )}
      <p class="flash drafts__message" role="status">
        {message}
      </p>
    </>
  );
}
