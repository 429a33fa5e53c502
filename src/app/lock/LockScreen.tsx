/**
 * The lock screen: the PIN unlocks the data key (storage/vault.ts). Wrong PINs: five free tries,
 * then a growing wait (domain/lock-policy.ts) that survives a restart; after ten the phone offers
 * the wipe. Shown instead of every screen while locked.
 */
import { useEffect, useState } from 'preact/hooks';
import { FREE_PIN_TRIES } from '../../domain/lock-policy';
import type { VaultStatus } from '../../storage/vault';
import { useI18n } from '../i18n-context';
import { phone } from '../phone';
import { rememberPinSet, setLocked } from './lock-state';
import { PinField } from './PinField';
import { WipePanel } from './WipePanel';

const ERROR_ID = 'unlock-error';

function timeOf(ms: number, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(ms);
}

export default function LockScreen() {
  const { t, lang } = useI18n();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [wrong, setWrong] = useState(false);
  const [forgot, setForgot] = useState(false);

  useEffect(() => {
    void phone()
      .vault.status()
      .then((s) => {
        // The hint said locked but no PIN exists (wiped, or data cleared): nothing to unlock.
        if (!s.pinSet || s.unlocked) {
          rememberPinSet(s.pinSet);
          setLocked(false);
        } else setStatus(s);
      });
  }, []);

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (busy || pin === '') return;
    setBusy(true);
    const result = await phone().vault.unlock(pin, Date.now());
    setBusy(false);
    setPin('');
    if (result.ok) return setLocked(false);
    setWrong(result.reason === 'wrong-pin');
    setStatus(result.status);
  }

  if (!status) return null;
  const waiting = status.nextTryAt > Date.now();
  const left = Math.max(0, FREE_PIN_TRIES - status.failures);
  let message: string | null = null;
  if (waiting)
    message = `${wrong ? t('lock.wrongPinWait') + ' ' : ''}${t('lock.wait', { failures: status.failures, time: timeOf(status.nextTryAt, lang) })}`;
  else if (wrong) message = left > 0 ? t('lock.wrongPin', { count: left }) : t('lock.wrongPinWait');
  return (
    <>
      <h1>{t('lock.title')}</h1>
      <p>{t('lock.intro')}</p>
      <form class="card" onSubmit={(e) => void onSubmit(e)} data-testid="lock-form">
        <PinField
          id="unlock-pin"
          label={t('lock.pin')}
          value={pin}
          onInput={setPin}
          autoFocus
          invalid={message !== null}
          {...(message ? { describedBy: ERROR_ID } : {})}
        />
        {message && (
          <p role="alert" class="error" id={ERROR_ID} data-testid={ERROR_ID}>
            {message}
          </p>
        )}
        <button type="submit" class="btn btn--primary btn--block" disabled={busy || waiting}>
          {busy ? t('lock.unlocking') : t('lock.unlock')}
        </button>
      </form>
      {status.offerWipe && (
        <p class="warning" data-testid="wipe-offer">
          {t('lock.manyFailures', { failures: status.failures })}
        </p>
      )}
      {status.offerWipe || forgot ? (
        <WipePanel />
      ) : (
        <details class="card" onToggle={(e) => setForgot((e.currentTarget as HTMLDetailsElement).open)}>
          <summary>{t('lock.forgotTitle')}</summary>
          <p>{t('lock.forgot')}</p>
        </details>
      )}
    </>
  );
}
