/** The service levels explained for residents: the four old levels, today's two categories, benefits. */
import { useEffect } from 'preact/hooks';
import { LEVELS_SOURCE, SERVICE_LEVELS } from '../../content/service-levels';
import { QUIZ } from '../../content/quiz';
import { isoToVn } from '../../domain/dates';
import { useI18n } from '../i18n-context';
import { useCatalog } from '../catalog-source';
import { CATALOG_PATH, QUIZ_PATH, presentationPath } from '../router';
import { Link } from '../components/Link';
import { LevelDetail } from '../components/explainer/LevelDetail';
import { CategoryMap } from '../components/explainer/CategoryMap';
import { BenefitList } from '../components/explainer/BenefitList';
import { TripsExample } from '../components/explainer/TripsExample';
import { pickExampleProcedure } from '../components/explainer/example';
import '../components/explainer/explainer.css';

/** The page is long on a phone: a short table of contents jumps to each part. */
const CONTENTS = [
  ['levels-detail-title', 'explainer.levelsTitle'],
  ['categories-title', 'explainer.categoriesTitle'],
  ['mapping-title', 'explainer.mappingTitle'],
  ['benefits-title', 'explainer.benefitsTitle'],
  ['trips-title', 'explainer.tripsTitle'],
] as const;

/** Links such as "/muc-do#toan-trinh" (from a procedure page) land on that section. */
function useScrollToHash(): void {
  useEffect(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }, []);
}

export default function ExplainerScreen() {
  const { t, lang } = useI18n();
  const catalog = useCatalog();
  useScrollToHash();
  return (
    <div class="explainer">
      <h1>{t('explainer.title')}</h1>
      <p class="lead">{t('explainer.intro')}</p>
      <p class="link-row">
        <Link href={presentationPath(1)} class="btn btn--primary">
          {t('explainer.present')}
        </Link>
        <Link href={QUIZ_PATH} class="btn">
          {t('explainer.quiz', { count: QUIZ.length })}
        </Link>
      </p>

      <nav aria-labelledby="contents-title" class="contents">
        <h2 id="contents-title" class="contents__title">
          {t('explainer.contents')}
        </h2>
        <ul>
          {CONTENTS.map(([id, key]) => (
            <li key={id}>
              <a href={`#${id}`}>{t(key)}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="levels-detail-title" class="explainer__section">
        <h2 id="levels-detail-title">{t('explainer.levelsTitle')}</h2>
        <p>{t('explainer.levelsIntro')}</p>
        {SERVICE_LEVELS.map((level) => (
          <LevelDetail key={level.level} level={level} />
        ))}
      </section>

      <CategoryMap />

      <section aria-labelledby="benefits-title" class="explainer__section">
        <h2 id="benefits-title">{t('explainer.benefitsTitle')}</h2>
        <BenefitList />
      </section>

      <section aria-labelledby="trips-title" class="explainer__section card">
        <h2 id="trips-title">{t('explainer.tripsTitle')}</h2>
        <p>{t('explainer.tripsIntro')}</p>
        <TripsExample procedures={catalog.procedures} initial={pickExampleProcedure(catalog.procedures)} />
      </section>

      <p class="link-row">
        <Link href={CATALOG_PATH} class="btn">
          {t('explainer.catalogLink')}
        </Link>
        <Link href={QUIZ_PATH} class="btn">
          {t('explainer.quiz', { count: QUIZ.length })}
        </Link>
      </p>

      <dl class="source">
        <div>
          <dt>{t('explainer.sourceTitle')}</dt>
          <dd lang={lang === 'vi' ? undefined : 'vi'}>{LEVELS_SOURCE.source}</dd>
        </div>
        <div>
          <dt>{t('explainer.verifiedOn')}</dt>
          <dd>{isoToVn(LEVELS_SOURCE.verifiedOn)}</dd>
        </div>
      </dl>
    </div>
  );
}
