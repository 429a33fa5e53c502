/** Fills one draft: loads it, saves every change, validates, and queues the finished dossier. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AnswerValue, Answers, FormDefinition } from '../../domain/form-schema';
import { checkSubmission, validate, type FieldError } from '../../domain/validate';
import { vietnamDateOf } from '../../domain/dates';
import { findForm } from '../../content/forms';
import { DEFAULT_COMMUNE } from '../../content/commune';
import { getDraft, type DraftRow } from '../../storage/drafts';
import { enqueueSubmission } from '../../storage/outbox';
import { useI18n } from '../i18n-context';
import { useAutosave } from '../hooks/use-autosave';
import { FormView } from '../components/FormView';
import { navigate } from '../router';
import { requestSync } from '../sync-client';
import { setFlash } from '../flash';

interface Loaded {
  draft: DraftRow;
  form: FormDefinition;
}

function focusField(id: string): void {
  const el = document.querySelector<HTMLElement>(`[data-field="${CSS.escape(id)}"] input, [data-field="${CSS.escape(id)}"] textarea`);
  el?.focus();
  el?.scrollIntoView({ block: 'center' });
}

export default function FormScreen({ draftId }: { draftId: string }) {
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<Loaded | null | 'missing'>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const autosave = useAutosave(draftId);

  useEffect(() => {
    let alive = true;
    void getDraft(draftId).then((draft) => {
      if (!alive) return;
      const form = draft && findForm(draft.formId, draft.formVersion);
      if (!draft || !form) return setLoaded('missing');
      setAnswers(draft.answers);
      const serverErrors = draft.serverErrors ?? [];
      if (serverErrors.length > 0) setSubmitted(true);
      setLoaded({ draft, form });
      // Reopen where the user was.
      const resumeAt = serverErrors[0]?.field ?? draft.focusField;
      if (resumeAt) requestAnimationFrame(() => focusField(resumeAt));
    });
    return () => {
      alive = false;
    };
  }, [draftId]);

  const form = loaded && loaded !== 'missing' ? loaded.form : null;
  const today = vietnamDateOf(Date.now());
  const problems: FieldError[] = useMemo(() => (form ? validate(form, answers, { today }) : []), [form, answers]);

  if (loaded === null) return <p class="muted">…</p>;
  if (loaded === 'missing' || !form) return <p role="alert">{t('form.notFound')}</p>;

  const shown: Record<string, string> = {};
  for (const problem of problems) {
    if (submitted || touched.has(problem.field)) shown[problem.field] = t(`errors.${problem.code}`);
  }
  const summary = submitted && problems.length > 0 ? t('form.errorsSummary', { count: problems.length }) : null;

  function onChange(id: string, value: AnswerValue | undefined) {
    const next = { ...answers };
    if (value === undefined) delete next[id];
    else next[id] = value;
    setAnswers(next);
    const label = typeof next.fullName === 'string' ? next.fullName : undefined;
    void autosave.save({ answers: next, focusField: id, label });
  }

  async function onSubmit() {
    if (!form) return;
    const check = checkSubmission(form, answers, { today: vietnamDateOf(Date.now()) });
    if (!check.ok) {
      setSubmitted(true);
      const first = check.errors[0]?.field;
      if (first) requestAnimationFrame(() => focusField(first));
      return;
    }
    setBusy(true);
    try {
      await autosave.flush();
      const label = typeof check.answers.fullName === 'string' ? check.answers.fullName : '';
      await enqueueSubmission(
        {
          id: draftId,
          formId: form.id,
          formVersion: form.version,
          communeCode: DEFAULT_COMMUNE.code,
          answers: check.answers,
          submittedAt: Date.now(),
        },
        label,
      );
      setFlash(t('form.queued'));
      requestSync('button');
      navigate('/', true);
    } catch (error) {
      console.error('enqueue failed', error);
      setBusy(false);
    }
  }

  return (
    <>
      <FormView
        form={form}
        answers={answers}
        errors={shown}
        summary={summary}
        onChange={onChange}
        onBlur={(id) => setTouched((prev) => new Set(prev).add(id))}
        onFocus={(id) => void autosave.save({ focusField: id })}
        onSubmit={() => void onSubmit()}
        busy={busy}
      />
      <p class={`save-state save-state--${autosave.state}`} role="status" aria-live="polite">
        {autosave.state === 'saving' ? t('form.saving') : autosave.state === 'saved' ? t('form.saved') : autosave.state === 'failed' ? t('form.saveFailed') : ''}
      </p>
    </>
  );
}
