/** The first screen: the working part (loaded on demand) and the four service levels. */
import { LevelCards } from '../components/LevelCards';
import { lazyScreen } from '../components/Lazy';
import { useI18n } from '../i18n-context';

const HomeActivity = lazyScreen(() => import('../components/HomeActivity'));

export default function HomeScreen() {
  const { t } = useI18n();
  return (
    <>
      {/* The app bar already shows the name; the heading is for screen readers' outline. */}
      <h1 class="visually-hidden">{`${t('app.name')}: ${t('app.tagline')}`}</h1>
      <HomeActivity />
      <LevelCards />
    </>
  );
}
