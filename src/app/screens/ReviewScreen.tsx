/**
 * The step before a dossier is queued: every visible answer as the resident will send it, the
 * photos by count, what is still missing (each a link back to its field), and the explicit
 * consent to process personal data (content/consent.ts), recorded with the dossier.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ConsentRecord } from '../../domain/protocol';
import type { FieldError } from '../../domain/validate';
import { pick } from '../../domain/localized';
import { CONSENT } from '../../content/consent';
import { useI18n } from '../i18n-context';
import { useFormContext } from '../components/form/form-context';
import { ErrorSummary } from '../components/form/ErrorSummary';
import { ReviewList } from '../../ui/review/ReviewList';
import { attachmentRows, reviewRows } from '../components/form/review-rows';
import { formPath, navigate } from '../router';

export type SubmitOutcome = 'queued' | 'invalid' | 'failed';

interface Props {
  draftId: string;
  problems: readonly FieldError[];
  /** The phone's clock or the consent time refused (by the server before, or just now). */
  timeErrors: readonly FieldError[];
  onSubmit: (consent: ConsentRecord) => Promise<SubmitOutcome>;
  /** Back to the form with the cursor on this field. */
  onGo: (path: string) => void;
}

const SUMMARY_ID = 'review-missing';

export default function ReviewScreen({ draftId, problems, timeErrors, onSubmit, onGo }: Props) {
  const { t, lang } = useI18n();
  const { form, answers, tidy, itemTitle } = useFormContext();
  const [agreedAt, setAgreedAt] = useState<number | null>(null);
  const [state, setState] = useState<'idle' | 'busy' | SubmitOutcome>('idle');
  // A consent refused for its time is answered by ticking again: its message goes with the tick.
  const [consentRetick, setConsentRetick] = useState(false);
  useEffect(() => setConsentRetick(false), [timeErrors]);
  const clockError = timeErrors.find((error) => error.field === 'submittedAt');
  const consentError = consentRetick ? undefined : timeErrors.find((error) => error.field === 'consent');
  const rows = useMemo(
    () =>
      reviewRows({
        form,
        answers,
        tidy,
        lang,
        itemTitle,
        words: {
          yes: t('formUi.yes'),
          no: t('formUi.no'),
          years: (count) => t('formUi.years', { count }),
          files: (count) => t('formUi.attachment.count', { count }),
        },
      }),
    [form, answers, tidy, lang, t],
  );
  const files = attachmentRows(rows);

  async function submit() {
    if (agreedAt === null) return;
    setState('busy');
    const outcome = await onSubmit({ version: CONSENT.version, lang, agreedAt });
    setState(outcome);
    if (outcome === 'invalid')
      requestAnimationFrame(() =>
        (
          document.getElementById(SUMMARY_ID) ??
          document.getElementById('consent-error') ??
          document.getElementById('clock-error')
        )?.focus(),
      );
  }

  const message =
    state === 'busy'
      ? t('review.submitting')
      : state === 'invalid'
        ? problems.length > 0
          ? t('review.blocked')
          : ''
        : state === 'failed'
          ? t('review.enqueueFailed')
          : '';
  return (
    <div class="review">
      <h1 id="review-title">{t('review.title')}</h1>
      <p class="review__form">{pick(form.title, lang)}</p>
      <p>{t('review.intro')}</p>
      {problems.length > 0 ? (
        <ErrorSummary id={SUMMARY_ID} form={form} errors={problems} itemTitle={itemTitle} hrefBase={formPath(draftId)} onGo={onGo} />
      ) : (
        <p class="review__ok">{t('review.allGood')}</p>
      )}
      <section class="card" aria-labelledby="review-answers-title">
        <h2 id="review-answers-title">{t('review.answersTitle')}</h2>
        <ReviewList rows={rows} words={{ empty: t('review.empty'), noItems: t('review.noItems') }} />
      </section>
      <section class="card" aria-labelledby="review-files-title">
        <h2 id="review-files-title">{t('review.attachmentsTitle')}</h2>
        {files.length === 0 ? (
          <p class="muted">{t('review.noAttachments')}</p>
        ) : (
          <ul class="list">
            {files.map((row) => (
              <li key={row.path}>
                <strong>{row.label}</strong>
                <span>{row.value}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <a
        href={formPath(draftId)}
        class="btn btn--block"
        onClick={(e) => {
          e.preventDefault();
          navigate(formPath(draftId));
        }}
      >
        {t('review.edit')}
      </a>
      <form
        class="card consent"
        noValidate
        aria-labelledby="consent-title"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id="consent-title">{t('review.consentLegend')}</h2>
        <div class="consent__text" lang={lang}>
          {CONSENT.paragraphs.map((p, i) => (
            <p key={i}>{pick(p, lang)}</p>
          ))}
          <p class="muted">{t('review.legalBasis', { basis: CONSENT.legalBasis.map((b) => pick(b, lang)).join('; ') })}</p>
        </div>
        <div class="consent__check">
          <input
            id="consent-agree"
            type="checkbox"
            checked={agreedAt !== null}
            aria-invalid={consentError ? 'true' : undefined}
            aria-describedby={consentError ? 'consent-error' : undefined}
            onChange={(e) => {
              setAgreedAt(e.currentTarget.checked ? Date.now() : null);
              setConsentRetick(true);
            }}
          />
          <label for="consent-agree">{pick(CONSENT.agreement, lang)}</label>
        </div>
        {consentError && (
          <p id="consent-error" class="error" tabIndex={-1}>
            {t(`errors.${consentError.code}`)}
          </p>
        )}
        {agreedAt === null && (
          <p id="consent-needed" class="hint">
            {t('review.consentNeeded')}
          </p>
        )}
        <button
          type="submit"
          class="btn btn--primary btn--block"
          disabled={agreedAt === null || state === 'busy'}
          aria-describedby={agreedAt === null ? 'consent-needed' : clockError ? 'clock-error' : undefined}
        >
          {t('form.submit')}
        </button>
        {clockError && (
          <p id="clock-error" class="error" tabIndex={-1}>
            {t(`errors.${clockError.code}`)}
          </p>
        )}
        <p class={state === 'idle' || state === 'busy' ? 'save-state' : 'error'} role="status">
          {message}
        </p>
      </form>
    </div>
  );
}
