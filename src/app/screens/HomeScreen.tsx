/**
 * The first screen: what the app is for in one sentence, the three ways in (learn, look up a
 * procedure, follow a dossier), then the working part (loaded on demand) and the four levels.
 */
import { LevelCards } from '../components/LevelCards';
import { lazyScreen } from '../components/Lazy';
import { Link } from '../components/Link';
import { useI18n } from '../i18n-context';
import { CATALOG_PATH, EXPLAINER_PATH, FOLLOW_PATH } from '../router';

const HomeActivity = lazyScreen(() => import('../components/HomeActivity'));

export default function HomeScreen() {
  const { t } = useI18n();
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
      <HomeActivity />
      <LevelCards />
    </>
  );
}
