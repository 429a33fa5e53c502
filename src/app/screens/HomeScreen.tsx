/**
 * The first screen, whole at first paint: what the app is for in one sentence and the three ways
 * in (learn, look up a procedure, follow a dossier), the form list (titles only, in the first
 * script) and the four service levels; drafts, the outbox and dossiers (Dexie) load after it,
 * below the form list, in a space reserved for them, so nothing that was painted moves.
 */
import { useState } from 'preact/hooks';
import { LevelCards } from '../components/LevelCards';
import { StartList } from '../components/StartList';
import { lazyScreen } from '../components/Lazy';
import { Link } from '../components/Link';
import { useI18n } from '../i18n-context';
import { CATALOG_PATH, EXPLAINER_PATH, FOLLOW_PATH } from '../router';
import { takeFlash } from '../flash';

const HomeActivity = lazyScreen(() => import('../components/HomeActivity'));

export default function HomeScreen() {
  const { t } = useI18n();
  const [flash] = useState(takeFlash);
  return (
    <>
      {/* The app bar already shows the name; the heading is for screen readers' outline. */}
      <h1 class="visually-hidden">{`${t('app.name')}: ${t('app.tagline')}`}</h1>
      <section class="card home-intro" aria-labelledby="home-ways-title" data-testid="home-intro">
        <p class="lead">{t('home.intro')}</p>
        <h2 id="home-ways-title" class="visually-hidden">
          {t('home.waysTitle')}
        </h2>
        <ul class="home-ways">
          <li>
            <Link href={EXPLAINER_PATH} class="btn btn--block">
              {t('home.wayLearn')}
            </Link>
          </li>
          <li>
            <Link href={CATALOG_PATH} class="btn btn--block">
              {t('home.wayCatalog')}
            </Link>
          </li>
          <li>
            <Link href={FOLLOW_PATH} class="btn btn--block btn--primary">
              {t('home.wayFollow')}
            </Link>
          </li>
        </ul>
      </section>
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
