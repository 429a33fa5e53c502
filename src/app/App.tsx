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
import { useLocked } from './lock/lock-state';
import { useAutoLock } from './lock/use-auto-lock';

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
const SecurityScreen = lazyScreen(() => import('./screens/SecurityScreen'));
const LockScreen = lazyScreen(() => import('./lock/LockScreen'));

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
  const locked = useLocked();
  useAutoLock();
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
        {locked && <LockScreen />}
        {!locked && route.name === 'home' && <HomeScreen />}
        {!locked && route.name === 'form' && <FormScreen key={route.draftId} draftId={route.draftId} step={route.step} />}
        {!locked && route.name === 'dossiers' && <DossiersScreen />}
        {!locked && route.name === 'explainer' && <ExplainerScreen />}
        {!locked && route.name === 'presentation' && <PresentationScreen slide={route.slide} />}
        {!locked && route.name === 'quiz' && <QuizScreen />}
        {!locked && route.name === 'catalog' && <CatalogScreen query={route.query} />}
        {!locked && route.name === 'procedure' && <ProcedureScreen key={route.key} procedureKey={route.key} />}
        {!locked && route.name === 'handoff' && <HandoffScreen />}
        {!locked && route.name === 'enrol' && <EnrolScreen />}
        {!locked && route.name === 'receipt' && <ReceiptScreen key={route.dossierId} dossierId={route.dossierId} />}
        {!locked && route.name === 'follow' && <FollowScreen />}
        {!locked && route.name === 'not-found' && <NotFoundScreen />}
        {!locked && route.name === 'visits' && <VisitsScreen />}
        {!locked && route.name === 'visit' && <VisitScreen key={route.id} visitId={route.id} />}
        {!locked && route.name === 'security' && <SecurityScreen />}
      </main>
    </>
  );
}
