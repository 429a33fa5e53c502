/**
 * "This app is too old for the server": sending stops (no retry loop) and this asks the service
 * worker registration for the new version. When one is found the usual update banner offers to
 * reload into it; when none is, the user can reload the app.
 */
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n-context';
import { onUpdateRequired } from '../update-required';

type Check = 'idle' | 'checking' | 'found' | 'none';

async function lookForUpdate(): Promise<boolean> {
  const registration = await navigator.serviceWorker?.getRegistration();
  if (!registration) return false;
  await registration.update();
  return Boolean(registration.waiting ?? registration.installing);
}

export function UpdateRequiredBanner() {
  const { t } = useI18n();
  const [required, setRequired] = useState(false);
  const [check, setCheck] = useState<Check>('idle');
  useEffect(() => onUpdateRequired(() => setRequired(true)), []);
  if (!required) return null;

  function onCheck() {
    setCheck('checking');
    lookForUpdate().then(
      (found) => setCheck(found ? 'found' : 'none'),
      () => setCheck('none'),
    );
  }

  return (
    <div class="banner" role="alert" data-testid="update-required">
      <p>
        <strong>{t('sync2.updateRequired.title')}</strong> {t('sync2.updateRequired.body')}
      </p>
      <button type="button" class="btn btn--primary" disabled={check === 'checking'} onClick={onCheck}>
        {check === 'checking' ? t('sync2.updateRequired.checking') : t('sync2.updateRequired.check')}
      </button>
      <button type="button" class="btn" onClick={() => location.reload()}>
        {t('sync2.updateRequired.reload')}
      </button>
      {check === 'none' && <p role="status">{t('sync2.updateRequired.none')}</p>}
      {check === 'found' && <p role="status">{t('sync2.updateRequired.found')}</p>}
    </div>
  );
}
