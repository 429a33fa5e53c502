/** Layout and routing; every screen but the home screen is loaded on demand. */
import { useI18n } from './i18n-context';
import { useRoute } from './router';
import { useOnline } from './hooks/use-online';
import { Header } from './components/Header';
import { UpdateBanner } from './components/UpdateBanner';
import { lazyScreen } from './components/Lazy';
import HomeScreen from './screens/HomeScreen';

const FormScreen = lazyScreen(() => import('./screens/FormScreen'));
const DossiersScreen = lazyScreen(() => import('./screens/DossiersScreen'));

export function App() {
  const { t } = useI18n();
  const route = useRoute();
  const online = useOnline();
  return (
    <>
      <a class="skip" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header />
      {!online && (
        <p class="offline" role="status">
          {t('network.offline')}
        </p>
      )}
      <UpdateBanner />
      <main id="main" tabIndex={-1}>
        {route.name === 'home' && <HomeScreen />}
        {route.name === 'form' && <FormScreen key={route.draftId} draftId={route.draftId} />}
        {route.name === 'dossiers' && <DossiersScreen />}
        {route.name === 'not-found' && <HomeScreen />}
      </main>
    </>
  );
}
