/**
 * /theo-doi "Theo dõi hồ sơ": a resident (or anyone they trust) follows a dossier from any phone
 * with the code on the receipt and the last 4 digits of the applicant's CCCD or phone number.
 * Problems are shown next to the field they concern; what was typed stays. Found: the receipt
 * screen of the dossier, which the phone now follows by pull.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { LOOKUP_DIGITS } from '../../domain/dossier-lookup';
import { followDossier, type FollowProblem } from '../../sync/follow';
import { webLock } from '../../sync/lock';
import { useI18n } from '../i18n-context';
import { phone } from '../phone';
import { navigate, receiptPath } from '../router';
import { requestSync } from '../sync-client';

const CODE_PROBLEMS: readonly FollowProblem[] = ['code-format'];
const DIGIT_PROBLEMS: readonly FollowProblem[] = ['digits-format'];

interface LookupFieldProps {
  id: string;
  label: string;
  hint: string;
  /** The problem in words, shown under the field; the field is marked invalid while there is one. */
  error: string | undefined;
  value: string;
  onInput: (value: string) => void;
  input: JSX.InputHTMLAttributes<HTMLInputElement>;
}

function LookupField({ id, label, hint, error, value, onInput, input }: LookupFieldProps) {
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label for={id}>{label}</label>
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <input
        {...input}
        id={id}
        type="text"
        autocomplete="off"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {error && (
        <p class="error" id={`${id}-error`} data-testid={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export default function FollowScreen() {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [digits, setDigits] = useState('');
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FollowProblem[]>([]);
  const [waitMinutes, setWaitMinutes] = useState(1);

  async function onSubmit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setProblems([]);
    const storage = phone();
    const result = await followDossier(
      {
        fetch: (input, init) => fetch(input, init),
        now: () => Date.now(),
        lock: webLock(),
        device: storage.settings,
        dossiers: storage.dossiers,
      },
      code,
      digits,
    );
    setBusy(false);
    if (!result.ok) {
      setWaitMinutes(Math.max(1, Math.ceil((result.retryAfterMs ?? 60_000) / 60_000)));
      setProblems(result.problems);
      return;
    }
    // The next pull brings whatever changes after the status the lookup answered.
    requestSync('button');
    navigate(receiptPath(result.dossier.id));
  }

  const codeProblem = problems.find((p) => CODE_PROBLEMS.includes(p));
  const digitsProblem = problems.find((p) => DIGIT_PROBLEMS.includes(p));
  const formProblem = problems.find((p) => !CODE_PROBLEMS.includes(p) && !DIGIT_PROBLEMS.includes(p));

  return (
    <>
      <h1>{t('follow.title')}</h1>
      <p>{t('follow.intro')}</p>
      <form class="card" onSubmit={(e) => void onSubmit(e)} noValidate>
        <LookupField
          id="follow-code"
          label={t('follow.code')}
          hint={t('follow.codeHint')}
          error={codeProblem && t(`follow.problems.${codeProblem}`)}
          value={code}
          onInput={setCode}
          input={{ class: 'input--dossier-code', autocapitalize: 'characters', spellcheck: false }}
        />
        <LookupField
          id="follow-digits"
          label={t('follow.digits')}
          hint={t('follow.digitsHint')}
          error={digitsProblem && t(`follow.problems.${digitsProblem}`)}
          value={digits}
          onInput={setDigits}
          input={{ inputMode: 'numeric', maxLength: LOOKUP_DIGITS + 4 }}
        />
        {formProblem && (
          <p role="alert" class="error" data-testid="follow-error">
            {t(`follow.problems.${formProblem}`, { minutes: waitMinutes })}
          </p>
        )}
        <button type="submit" class="btn btn--primary btn--block" disabled={busy}>
          {busy ? t('follow.busy') : t('follow.submit')}
        </button>
      </form>
    </>
  );
}
