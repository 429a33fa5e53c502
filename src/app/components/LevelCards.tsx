/** The four service levels, one short card each, on the home screen. */
import { SERVICE_LEVELS } from '../../content/service-levels';
import { pick } from '../../domain/localized';
import { useI18n } from '../i18n-context';
import { CATALOG_PATH, EXPLAINER_PATH } from '../router';
import { Link } from './Link';

export function LevelCards() {
  const { t, lang } = useI18n();
  return (
    <section aria-labelledby="levels-title">
      <h2 id="levels-title">{t('home.levelsTitle')}</h2>
      <ol class="levels">
        {SERVICE_LEVELS.map((level) => (
          <li class={`level level--${level.level}`} key={level.level}>
            <span class="level__badge">{t('home.levelLabel', { level: level.level })}</span>
            <h3 class="level__title">{pick(level.title, lang)}</h3>
            <p>{pick(level.short, lang)}</p>
          </li>
        ))}
      </ol>
      <p class="link-row">
        <Link href={EXPLAINER_PATH} class="btn">
          {t('explainer.learnMore')}
        </Link>
        <Link href={CATALOG_PATH} class="btn">
          {t('catalog.browseAll')}
        </Link>
      </p>
    </section>
  );
}
