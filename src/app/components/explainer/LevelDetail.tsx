/** One service level in full: what is online, what needs a visit, the fee, the result, its name today. */
import type { ServiceLevel } from '../../../domain/service-levels';
import { pick } from '../../../domain/localized';
import { useI18n } from '../../i18n-context';
import { levelCategoryLabel } from './level-category';

export function LevelDetail({ level }: { level: ServiceLevel }) {
  const { t, lang } = useI18n();
  const rows: Array<[string, string]> = [
    [t('explainer.online'), pick(level.online, lang)],
    [t('explainer.visit'), pick(level.visit, lang)],
    [t('explainer.fee'), pick(level.fee, lang)],
    [t('explainer.result'), pick(level.result, lang)],
    [t('explainer.today'), levelCategoryLabel(t, lang, level.category)],
  ];
  return (
    <article class={`level level--${level.level} level--detail`} aria-labelledby={`level-${level.level}`}>
      <h3 id={`level-${level.level}`} class="level__title">
        <span class="level__badge">{t('home.levelLabel', { level: level.level })}</span> {pick(level.title, lang)}
      </h3>
      <p class="level__short">{pick(level.short, lang)}</p>
      <dl class="facts">
        {rows.map(([term, text]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
