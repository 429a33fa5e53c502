/** /chuyen-giao: hand over unsent dossiers with an encrypted file when there is no coverage. */
import { phone } from '../phone';
import { useI18n } from '../i18n-context';
import { useLiveQuery } from '../hooks/use-live-query';
import { HandoffExport } from '../components/HandoffExport';
import { HandoffImport } from '../components/HandoffImport';
import { StorageBanner } from '../components/StorageBanner';

export default function HandoffScreen() {
  const { t } = useI18n();
  const pending = useLiveQuery(() => phone().outbox.countPending()) ?? 0;
  return (
    <>
      <h1>{t('handoff.title')}</h1>
      <p>{t('handoff.intro')}</p>
      <StorageBanner pending={pending} />
      <HandoffExport />
      <HandoffImport />
    </>
  );
}
