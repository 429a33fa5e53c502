/**
 * /dang-ky-may: an outreach phone becomes a staff member's device with the code an officer gave
 * (typed, pasted, or from the link of the QR code: /dang-ky-may#CODE). The code is a secret: it is
 * taken out of the address bar at once, and never stays in the history.
 */
import { useEffect, useState } from 'preact/hooks';
import { ENROLMENT_CODE_LENGTH } from '../../domain/device-credential';
import { useI18n } from '../i18n-context';
import { settings } from '../settings';
import { requestSync } from '../sync-client';
import { enrolDevice, type EnrolProblem } from '../use-cases/enrol-device';
import { Link } from '../components/Link';
import { SECURITY_PATH } from '../router';

const ERROR_ID = 'enrol-error';

export default function EnrolScreen() {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<EnrolProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    const fromLink = location.hash.slice(1);
    if (!fromLink) return;
    setCode(decodeURIComponent(fromLink));
    history.replaceState(null, '', location.pathname);
  }, []);

  async function onSubmit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    const result = await enrolDevice({ fetch: (input, init) => fetch(input, init), settings }, code);
    setBusy(false);
    if (!result.ok) return setProblem(result.problem);
    setCode('');
    setDone(result.staff?.displayName ?? '');
    // Dossiers waiting on this phone now leave as this staff member's.
    requestSync('button');
  }

  return (
    <>
      <h1>{t('device.enrolTitle')}</h1>
      <p>{t('device.enrolIntro')}</p>
      {done !== null ? (
        <div class="card" role="status" data-testid="enrol-done">
          <p>
            <strong>{t('device.enrolled', { name: done })}</strong>
          </p>
          <p>{t('device.enrolledHint')}</p>
          <p>{t('security.pinStaffRequired')}</p>
          <p>
            <Link href={SECURITY_PATH} class="btn btn--primary btn--block">
              {t('security.pinSetTitle')}
            </Link>
          </p>
          <p>
            <Link href="/">{t('device.backHome')}</Link>
          </p>
        </div>
      ) : (
        <form class="card" onSubmit={(e) => void onSubmit(e)}>
          <div class="field">
            <label for="enrol-code">{t('device.code')}</label>
            <p class="hint" id="enrol-code-hint">
              {t('device.codeHint', { length: ENROLMENT_CODE_LENGTH })}
            </p>
            <input
              id="enrol-code"
              class="input--code"
              type="text"
              autocomplete="off"
              autocapitalize="characters"
              spellcheck={false}
              required
              value={code}
              aria-invalid={problem !== null || undefined}
              aria-describedby={problem ? `enrol-code-hint ${ERROR_ID}` : 'enrol-code-hint'}
              onInput={(e) => setCode(e.currentTarget.value)}
            />
            {problem && (
              <p role="alert" class="error" id={ERROR_ID} data-testid={ERROR_ID}>
                {t(`device.problems.${problem}`)}
              </p>
            )}
          </div>
          <button type="submit" class="btn btn--primary btn--block" disabled={busy}>
            {busy ? t('device.enrolling') : t('device.enrolButton')}
          </button>
        </form>
      )}
    </>
  );
}
