/**
 * Fills one draft: opens it on the right form version, saves every change (NFC), reopens where
 * it was left, fills from the CCCD QR code, and hands over to the review step, which queues the
 * dossier with the resident's consent.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AnswerValue, Answers, GroupField } from '../../domain/form-schema';
import type { ConsentRecord } from '../../domain/protocol';
import { needsAdminUnits, normalizeAnswers, validate, type FieldError } from '../../domain/validate';
import { vietnamDateOf } from '../../domain/dates';
import { timeErrorsOf } from '../../domain/submission-times';
import { loadAdminUnits } from '../../content/admin-units';
import { DEFAULT_COMMUNE } from '../../content/commune';
import { phone } from '../phone';
import { queueDossier } from '../use-cases/queue-dossier';
import { useI18n } from '../i18n-context';
import { useAutosave } from '../hooks/use-autosave';
import { FormView } from '../components/FormView';
import { FormContext, type FormContextValue } from '../components/form/form-context';
import { ErrorSummary } from '../components/form/ErrorSummary';
import { QrFill } from '../components/form/QrFill';
import { VersionNoticeView } from '../components/form/VersionNoticeView';
import { useAdminUnits, unitsOf } from '../components/form/use-admin-units';
import { useTouched } from '../components/form/use-touched';
import { focusElementById, focusPath, focusPathSoon } from '../components/form/focus';
import { itemTitleOf } from '../components/form/path-labels';
import { errorText } from '../components/form/error-text';
import { domId, isUnder, setAt } from '../components/form/paths';
import { toNfcDeep } from '../components/form/nfc';
import { nextDraftLabel, residentNameField } from '../components/form/draft-label';
import { formPath, navigate, receiptPath, reviewPath, type FormStep } from '../router';
import { requestSync } from '../sync-client';
import { openDraft, type OpenedDraft } from '../use-cases/open-draft';
import ReviewScreen, { type SubmitOutcome } from './ReviewScreen';
import '../components/form/form.css';

const FORM_SUMMARY_ID = 'form-errors';

export default function FormScreen({ draftId, step = 'fill' }: { draftId: string; step?: FormStep }) {
  const { t, lang } = useI18n();
  const [opened, setOpened] = useState<OpenedDraft | null | 'missing'>(null);
  const [answers, setAnswers] = useState<Answers>({});
  // Several changes can land before a re-render (QR fill, picking a commune): the ref is the truth.
  const current = useRef<Answers>({});
  const label = useRef<string | undefined>(undefined);
  const { touched, touch, touchAll } = useTouched();
  const [submitted, setSubmitted] = useState(false);
  // Refusals about the phone's clock or the consent time: no field of the form to mark.
  const [timeErrors, setTimeErrors] = useState<FieldError[]>([]);
  const resumed = useRef(false);
  const autosave = useAutosave(draftId);
  const form = opened && opened !== 'missing' ? opened.form : null;
  const unitsState = useAdminUnits(form ? needsAdminUnits(form) : false);
  const units = unitsOf(unitsState);
  const ready = form !== null && unitsState.status !== 'loading';

  useEffect(() => {
    let alive = true;
    void openDraft(phone().drafts, draftId, Date.now()).then((result) => {
      if (!alive) return;
      if (!result) return setOpened('missing');
      current.current = result.draft.answers;
      label.current = result.draft.label;
      setAnswers(result.draft.answers);
      if ((result.draft.serverErrors ?? []).length > 0) setSubmitted(true);
      setTimeErrors(timeErrorsOf(result.draft.serverErrors ?? []));
      setOpened(result);
    });
    return () => {
      alive = false;
    };
  }, [draftId]);

  // Reopen where the user was (addresses wait for the units list, so the fields are final).
  useEffect(() => {
    if (!ready || step !== 'fill' || !opened || opened === 'missing') return;
    const fragment = location.hash.slice(1);
    if (fragment) {
      resumed.current = true;
      requestAnimationFrame(() => focusElementById(fragment));
      return;
    }
    if (resumed.current) return;
    resumed.current = true;
    const fieldErrors = (opened.draft.serverErrors ?? []).filter((error) => !timeErrorsOf([error]).length);
    const resumeAt = fieldErrors[0]?.field ?? opened.draft.focusField;
    if (resumeAt) focusPathSoon(resumeAt);
  }, [ready, step]);

  const today = vietnamDateOf(Date.now());
  const problems: FieldError[] = useMemo(() => (form ? validate(form, answers, { today, units }) : []), [form, answers, units]);
  const tidy = useMemo(() => (form ? normalizeAnswers(form, answers, { today, units }) : {}), [form, answers, units]);

  if (opened === null || (form && !ready))
    return (
      <p class="muted" aria-busy="true">
        {t('formUi.loading')}
      </p>
    );
  if (opened === 'missing' || !form) return <p role="alert">{t('form.notFound')}</p>;
  const draft = opened.draft;

  const shown = new Map<string, string>();
  for (const problem of problems) {
    if (shown.has(problem.field)) continue;
    if (submitted || [...touched].some((at) => isUnder(problem.field, at)))
      shown.set(problem.field, errorText(form, problem.field, problem.code, lang, t));
  }

  const itemTitle = (group: GroupField, index: number) =>
    itemTitleOf(group, index, lang, (name, n) => (name ? t('formUi.itemHeading', { label: name, n }) : t('formUi.itemDefault', { n })));

  /** Stores the new answers; the draft's label follows the resident's name unless it was renamed. */
  function commit(next: Answers, focusField?: string) {
    const previous = current.current;
    current.current = next;
    setAnswers(next);
    const nameField = residentNameField(form!);
    const nextLabel = nameField ? nextDraftLabel(label.current, previous[nameField], next[nameField]) : undefined;
    if (nextLabel !== undefined) label.current = nextLabel;
    void autosave.save({
      answers: next,
      ...(focusField !== undefined ? { focusField } : {}),
      ...(nextLabel !== undefined ? { label: nextLabel } : {}),
    });
  }

  function onChange(path: string, value: AnswerValue | undefined) {
    commit(setAt(current.current, path, value === undefined ? undefined : toNfcDeep(value)), path);
  }

  function onQrFill(filled: Answers) {
    const ids = Object.keys(filled);
    if (ids.length === 0) return;
    commit({ ...current.current, ...toNfcDeep(filled) });
    touchAll(ids);
    const first = form!.fields.find((f) => ids.includes(f.id));
    if (first) focusPathSoon(first.id);
  }

  function goToField(path: string) {
    navigate(`${formPath(draftId)}#${domId(path)}`);
  }

  async function submit(consent: ConsentRecord): Promise<SubmitOutcome> {
    // The server checks addresses against the units list: so does the phone, before queueing.
    const list = units ?? (needsAdminUnits(form!) ? await loadAdminUnits().catch(() => undefined) : undefined);
    try {
      await autosave.flush();
      const queued = await queueDossier(
        { outbox: phone().outbox, communeCode: DEFAULT_COMMUNE.code, now: Date.now() },
        { draftId, form: form!, answers: current.current, label: label.current, consent, units: list },
      );
      if (queued.outcome === 'invalid') {
        setSubmitted(true);
        setTimeErrors(timeErrorsOf(queued.errors));
        return 'invalid';
      }
    } catch (error) {
      console.error('enqueue failed', error);
      return 'failed';
    }
    requestSync('button');
    // The receipt: "saved on this phone" now, the dossier code as soon as the server answers.
    navigate(receiptPath(draftId), true);
    return 'queued';
  }

  const context: FormContextValue = {
    form,
    answers,
    tidy,
    errors: shown,
    units,
    unitsMissing: unitsState.status === 'failed' ? 'failed' : null,
    onChange,
    onBlur: touch,
    onFocus: (path) => void autosave.save({ focusField: path }),
    itemTitle,
  };

  return (
    <FormContext.Provider value={context}>
      {step === 'review' ? (
        <ReviewScreen draftId={draftId} problems={problems} timeErrors={timeErrors} onSubmit={submit} onGo={goToField} />
      ) : (
        <FormView
          notices={
            <>
              {opened.notice && <VersionNoticeView notice={opened.notice} form={form} itemTitle={itemTitle} />}
              {(draft.serverErrors ?? []).length > timeErrors.length && <p class="notice-box">{t('form.serverSaid')}</p>}
              {timeErrors.length > 0 && (
                <div class="notice-box" role="alert">
                  {timeErrors.map((error) => (
                    <p key={error.field}>{t(`errors.${error.code}`)}</p>
                  ))}
                </div>
              )}
            </>
          }
          qr={form.qrMap && <QrFill form={form} units={units} onFill={onQrFill} />}
          summary={
            submitted && problems.length > 0 ? (
              <ErrorSummary
                id={FORM_SUMMARY_ID}
                form={form}
                errors={problems}
                itemTitle={itemTitle}
                hrefBase={formPath(draftId)}
                onGo={(path) => focusPath(path)}
              />
            ) : null
          }
          onReview={() => {
            if (problems.length > 0) setSubmitted(true);
            navigate(reviewPath(draftId));
          }}
        />
      )}
      <p class={`save-state save-state--${autosave.state}`} role="status" aria-live="polite">
        {autosave.state === 'saving'
          ? t('form.saving')
          : autosave.state === 'saved'
            ? t('form.saved')
            : autosave.state === 'failed'
              ? t('form.saveFailed')
              : ''}
      </p>
    </FormContext.Provider>
  );
}
