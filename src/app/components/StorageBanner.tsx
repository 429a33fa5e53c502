/**
 * Warns while unsent dossiers exist and the phone's copy is at risk: the browser refused
 * persistent storage, or the origin's quota is nearly full. Asks for persistence once there is
 * something worth keeping (Firefox shows a prompt; Chromium decides by itself).
 */
import { useEffect, useState } from 'preact/hooks';
import { checkStorage, requestPersistence, type StorageHealth } from '../../storage/persistence';
import { useI18n } from '../i18n-context';
import { HANDOFF_PATH } from '../router';
import { Link } from './Link';

let asked = false;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

export function StorageBanner({ pending }: { pending: number }) {
  const { t } = useI18n();
  const [health, setHealth] = useState<StorageHealth | null>(null);

  useEffect(() => {
    if (pending === 0) return;
    let alive = true;
    void (async () => {
      if (!asked) {
        asked = true;
        await requestPersistence();
      }
      const next = await checkStorage();
      if (alive) setHealth(next);
    })();
    return () => {
      alive = false;
    };
  }, [pending]);

  if (pending === 0 || !health) return null;
  const notPersisted = health.persisted === false;
  if (!notPersisted && !health.nearlyFull) return null;
  return (
    <div class="banner" role="note" data-testid="storage-warning">
      <p>
        {health.nearlyFull && health.usage !== null && health.quota !== null
          ? t('storage.nearlyFull', { used: megabytes(health.usage), quota: megabytes(health.quota) })
          : t('storage.notPersisted')}{' '}
        {t('storage.whileUnsent', { count: pending })}
      </p>
      <p>
        {t('storage.advice')} <Link href={HANDOFF_PATH}>{t('handoff.title')}</Link>
      </p>
    </div>
  );
}
