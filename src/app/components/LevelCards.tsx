/** The four service levels, one short card each, on the home screen. */
import { SERVICE_LEVELS } from '../../content/service-levels';
import { pick } from '../../domain/localized';
import { useI18n } from '../i18n-context';

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
    </section>
  );
}
