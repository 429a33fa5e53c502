/** "New version, reload?": the service worker update waits for the user's yes. */
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n-context';
import { onUpdateReady, type UpdateReady } from '../update-events';

export function UpdateBanner() {
  const { t } = useI18n();
  const [update, setUpdate] = useState<UpdateReady | null>(null);
  useEffect(() => onUpdateReady(setUpdate), []);
  if (!update) return null;
  return (
    <div class="banner" role="region" aria-label={t('update.available')}>
      <span>{t('update.available')}</span>
      <button type="button" class="btn btn--primary" onClick={update.accept}>
        {t('update.reload')}
      </button>
      <button type="button" class="btn btn--ghost" onClick={() => setUpdate(null)}>
        {t('update.later')}
      </button>
    </div>
  );
}
