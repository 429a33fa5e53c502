/** The dossiers the phone has sent or follows, with the status the one-stop shop last reported. */
import { DossierList } from '../components/DossierList';
import { useI18n } from '../i18n-context';

export default function DossiersScreen() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('nav.dossiers')}</h1>
      <DossierList />
    </>
  );
}
