/** The two categories of Decree 42/2022 and a table mapping the four old levels onto them. */
import { INFORMATION_ONLY, ONLINE_CATEGORIES, SERVICE_LEVELS } from '../../../content/service-levels';
import { pick } from '../../../domain/localized';
import { useI18n } from '../../i18n-context';
import { levelCategoryLabel } from './level-category';

export function CategoryMap() {
  const { t, lang } = useI18n();
  return (
    <>
      <section aria-labelledby="categories-title" class="explainer__section">
        <h2 id="categories-title">{t('explainer.categoriesTitle')}</h2>
        <p>{t('explainer.categoriesIntro')}</p>
        {ONLINE_CATEGORIES.map((category) => (
          <article
            key={category.id}
            id={category.id}
            tabIndex={-1}
            class={`category category--${category.id}`}
            aria-labelledby={`category-${category.id}`}
          >
            <h3 id={`category-${category.id}`}>{pick(category.title, lang)}</h3>
            <p>{pick(category.explain, lang)}</p>
            <p class="category__close">{t('explainer.closeTo', { levels: category.levels.join(', ') })}</p>
          </article>
        ))}
      </section>
      <section aria-labelledby="mapping-title" class="explainer__section">
        <h2 id="mapping-title">{t('explainer.mappingTitle')}</h2>
        <table class="mapping">
          <caption class="visually-hidden">{t('explainer.mappingCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('explainer.mappingOld')}</th>
              <th scope="col">{t('explainer.mappingNew')}</th>
            </tr>
          </thead>
          <tbody>
            {SERVICE_LEVELS.map((level) => (
              <tr key={level.level} class={`mapping__row mapping__row--${level.category}`}>
                <th scope="row">{t('explainer.levelHeading', { level: level.level, title: pick(level.title, lang) })}</th>
                <td>{levelCategoryLabel(t, lang, level.category)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>{pick(INFORMATION_ONLY, lang)}</p>
      </section>
    </>
  );
}
