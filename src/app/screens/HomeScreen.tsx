/**
 * The first screen, whole at first paint: the form list (titles only, in the first script) and
 * the four service levels; drafts, the outbox and dossiers (Dexie) load after it, below the form
 * list, in a space reserved for them, so nothing that was painted moves.
 */
import { useState } from 'preact/hooks';
import { LevelCards } from '../components/LevelCards';
import { StartList } from '../components/StartList';
import { lazyScreen } from '../components/Lazy';
import { useI18n } from '../i18n-context';
import { takeFlash } from '../flash';

const HomeActivity = lazyScreen(() => import('../components/HomeActivity'));

export default function HomeScreen() {
  const { t } = useI18n();
  const [flash] = useState(takeFlash);
  return (
    <>
      {/* The app bar already shows the name; the heading is for screen readers' outline. */}
      <h1 class="visually-hidden">{`${t('app.name')}: ${t('app.tagline')}`}</h1>
      {flash && (
        <p class="flash" role="status">
          {flash}
        </p>
      )}
      <StartList />
      <div class="home-activity">
        <HomeActivity />
      </div>
      <LevelCards />
    </>
  );
}
