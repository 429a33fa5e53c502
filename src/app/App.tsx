/** Layout and routing; every screen but the home screen is loaded on demand. */
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from './i18n-context';
import { screenKey, useRoute } from './router';
import { useOnline } from './hooks/use-online';
import { Header } from './components/Header';
import { UpdateBanner } from './components/UpdateBanner';
import { UpdateRequiredBanner } from './components/UpdateRequiredBanner';
import { StorageFullAlert } from './components/StorageFullAlert';
import { OfflineReadiness } from './components/OfflineReadiness';
import { lazyScreen } from './components/Lazy';
import HomeScreen from './screens/HomeScreen';
import { useDocumentTitle } from './page-title';

const FormScreen = lazyScreen(() => import('./screens/FormScreen'));
const DossiersScreen = lazyScreen(() => import('./screens/DossiersScreen'));
const HandoffScreen = lazyScreen(() => import('./screens/HandoffScreen'));
const EnrolScreen = lazyScreen(() => import('./screens/EnrolScreen'));
const ExplainerScreen = lazyScreen(() => import('./screens/ExplainerScreen'));
const PresentationScreen = lazyScreen(() => import('./screens/PresentationScreen'));
const QuizScreen = lazyScreen(() => import('./screens/QuizScreen'));
const CatalogScreen = lazyScreen(() => import('./screens/CatalogScreen'));
const ProcedureScreen = lazyScreen(() => import('./screens/ProcedureScreen'));
const ReceiptScreen = lazyScreen(() => import('./screens/ReceiptScreen'));
const FollowScreen = lazyScreen(() => import('./screens/FollowScreen'));
const NotFoundScreen = lazyScreen(() => import('./screens/NotFoundScreen'));
const VisitsScreen = lazyScreen(() => import('./screens/VisitsScreen'));
const VisitScreen = lazyScreen(() => import('./screens/VisitScreen'));

/** After a move to another screen, start at its top and let screen readers start from main. */
function useScreenChangeFocus(key: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // A link to "#section" is scrolled to by the screen that owns the section.
    if (location.hash) return;
    scrollTo(0, 0);
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [key]);
}

export function App() {
  const { t } = useI18n();
  const route = useRoute();
  const online = useOnline();
  useScreenChangeFocus(screenKey(route));
  useDocumentTitle(t('app.name'));
  // The presentation fills the screen on its own: no app bar, no banners over the slides.
  const presenting = route.name === 'presentation';
  return (
    <>
      {!presenting && (
        <a class="skip" href="#main">
          {t('app.skipToContent')}
        </a>
      )}
      {!presenting && <Header />}
      {!online && !presenting && (
        <p class="offline" role="status">
          {t('network.offline')}
        </p>
      )}
      {!presenting && <UpdateBanner />}
      {!presenting && <UpdateRequiredBanner />}
      {!presenting && <StorageFullAlert />}
      {!presenting && <OfflineReadiness />}
      <main id="main" tabIndex={-1} class={presenting ? 'main--present' : undefined}>
        {route.name === 'home' && <HomeScreen />}
        {route.name === 'form' && <FormScreen key={route.draftId} draftId={route.draftId} step={route.step} />}
        {route.name === 'dossiers' && <DossiersScreen />}
        {route.name === 'explainer' && <ExplainerScreen />}
        {route.name === 'presentation' && <PresentationScreen slide={route.slide} />}
        {route.name === 'quiz' && <QuizScreen />}
        {route.name === 'catalog' && <CatalogScreen query={route.query} />}
        {route.name === 'procedure' && <ProcedureScreen key={route.key} procedureKey={route.key} />}
        {route.name === 'handoff' && <HandoffScreen />}
        {route.name === 'enrol' && <EnrolScreen />}
        {route.name === 'receipt' && <ReceiptScreen key={route.dossierId} dossierId={route.dossierId} />}
        {route.name === 'follow' && <FollowScreen />}
        {route.name === 'not-found' && <NotFoundScreen />}
        {route.name === 'visits' && <VisitsScreen />}
        {route.name === 'visit' && <VisitScreen key={route.id} visitId={route.id} />}
      </main>
    </>
  );
}
