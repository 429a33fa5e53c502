/**
 * "The phone is full": shown wherever a save or a submit failed for lack of space, with what to
 * do. The failed write was one transaction, so nothing half-written stays behind. Imports only
 * storage/quota.ts (no database), so the app shell can carry it.
 */
import { useEffect, useState } from 'preact/hooks';
import { onStorageFull } from '../../storage/quota';
import { useI18n } from '../i18n-context';

export function StorageFullAlert() {
  const { t } = useI18n();
  const [full, setFull] = useState(false);
  useEffect(() => onStorageFull(() => setFull(true)), []);
  if (!full) return null;
  return (
    <div class="banner" role="alert" data-testid="storage-full">
      <p>
        <strong>{t('storage.full')}</strong> {t('storage.fullAdvice')}
      </p>
      <button type="button" class="btn" onClick={() => setFull(false)}>
        {t('storage.dismiss')}
      </button>
    </div>
  );
}
