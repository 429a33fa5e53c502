/**
 * /bao-mat: set the PIN (with the plain warning that a forgotten PIN loses drafts but never a
 * queued dossier), lock now, and the wipe. Setting the PIN encrypts the drafts already here.
 */
import { useEffect, useState } from 'preact/hooks';
import { pinProblem, type PinProblem } from '../../domain/lock-policy';
import { useI18n } from '../i18n-context';
import { phone } from '../phone';
import { rememberPinSet } from '../lock/lock-state';
import { PinField } from '../lock/PinField';
import { WipePanel } from '../lock/WipePanel';

const ERROR_ID = 'pin-error';

export default function SecurityScreen() {
  const { t } = useI18n();
  const [pinSet, setPinSet] = useState<boolean | null>(null);
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<PinProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const refresh = () => {
    void phone()
      .vault.status()
      .then((s) => setPinSet(s.pinSet));
  };
  useEffect(refresh, []);

  async function onSubmit(e: Event) {
    e.preventDefault();
    const found = pinProblem(pin, again);
    setProblem(found ?? null);
    if (found) return;
    setBusy(true);
    const storage = phone();
    await storage.vault.setPin(pin, Date.now(), async (key) => {
      await storage.drafts.encryptAll(key);
    });
    rememberPinSet(true);
    setPin('');
    setAgain('');
    setBusy(false);
    setDone(true);
    setPinSet(true);
  }

  async function lock() {
    const { lockNow } = await import('../lock/lock-now');
    await lockNow();
  }

  if (pinSet === null) return null;
  return (
    <>
      <h1>{t('security.title')}</h1>
      {pinSet ? (
        <section class="card">
          <p role="status" data-testid="pin-on">
            {done ? t('security.pinDone') : t('security.pinOn')}
          </p>
          <p>{t('security.pinWarning')}</p>
          <button type="button" class="btn btn--primary btn--block" onClick={() => void lock()} data-testid="lock-now">
            {t('lock.lockNow')}
          </button>
        </section>
      ) : (
        <form class="card" onSubmit={(e) => void onSubmit(e)} aria-labelledby="pin-title" noValidate>
          <h2 id="pin-title">{t('security.pinSetTitle')}</h2>
          <p>{t('security.pinIntro')}</p>
          <p class="warning" id="pin-warning">
            <strong>{t('security.pinWarning')}</strong>
          </p>
          <PinField
            id="new-pin"
            label={t('security.pin')}
            value={pin}
            onInput={setPin}
            invalid={problem !== null && problem !== 'pin-mismatch'}
            describedBy="pin-warning"
          />
          <PinField
            id="new-pin-again"
            label={t('security.pinAgain')}
            value={again}
            onInput={setAgain}
            invalid={problem === 'pin-mismatch'}
            {...(problem ? { describedBy: ERROR_ID } : {})}
          />
          {problem && (
            <p role="alert" class="error" id={ERROR_ID} data-testid={ERROR_ID}>
              {t(`security.problems.${problem}`)}
            </p>
          )}
          <button type="submit" class="btn btn--primary btn--block" disabled={busy} data-testid="set-pin">
            {busy ? t('security.settingPin') : t('security.setPin')}
          </button>
        </form>
      )}
      <WipePanel onWiped={refresh} />
    </>
  );
}
