/** Draws one slide in large type; every word comes from content data or the locale. */
import { SERVICE_LEVELS } from '../../../content/service-levels';
import type { LevelCategory } from '../../../domain/service-levels';
import { QUIZ } from '../../../content/quiz';
import { pick } from '../../../domain/localized';
import { useI18n } from '../../i18n-context';
import { QUIZ_PATH } from '../../router';
import { Link } from '../Link';
import { TripsCompare } from '../catalog/TripsCompare';
import { levelCategoryLabel } from './level-category';
import type { Slide } from './slides';

function Badge({ text }: { text: string }) {
  return <p class="slide__badge">{text}</p>;
}

/** Levels 1–2 → information, 3 → một phần, 4 → toàn trình, as rows of "old → new". */
function MappingRows() {
  const { t, lang } = useI18n();
  const groups = new Map<LevelCategory, number[]>();
  for (const level of SERVICE_LEVELS) groups.set(level.category, [...(groups.get(level.category) ?? []), level.level]);
  return (
    <ul class="slide__mapping">
      {[...groups].map(([category, levels]) => (
        <li key={category}>
          <span>{t('present.mappingLevels', { levels: levels.join(', ') })}</span>
          <span aria-hidden="true"> → </span>
          <strong>{levelCategoryLabel(t, lang, category)}</strong>
        </li>
      ))}
    </ul>
  );
}

export function SlideView({ slide }: { slide: Slide }) {
  const { t, lang } = useI18n();
  switch (slide.kind) {
    case 'intro':
      return (
        <div class="slide slide--intro">
          <h2>{t('present.introTitle')}</h2>
          <p>{t('present.introBody')}</p>
          <p class="slide__sub">{t('present.introNote')}</p>
        </div>
      );
    case 'level':
      return (
        <div class={`slide slide--level slide--level-${slide.level.level}`}>
          <Badge text={`${t('home.levelLabel', { level: slide.level.level })} · ${t('present.levelsBadge')}`} />
          <h2>{pick(slide.level.title, lang)}</h2>
          <p>{pick(slide.level.short, lang)}</p>
        </div>
      );
    case 'category':
      return (
        <div class={`slide slide--category slide--${slide.category.id}`}>
          <Badge text={t('present.categoryBadge')} />
          <h2>{pick(slide.category.title, lang)}</h2>
          <p>{pick(slide.category.explain, lang)}</p>
        </div>
      );
    case 'mapping':
      return (
        <div class="slide slide--mapping">
          <h2>{t('present.mappingTitle')}</h2>
          <MappingRows />
        </div>
      );
    case 'benefit':
      return (
        <div class="slide slide--benefit">
          <Badge text={t('present.benefitBadge', { n: slide.n, total: slide.total })} />
          <h2>{pick(slide.benefit.title, lang)}</h2>
          <p>{pick(slide.benefit.body, lang)}</p>
        </div>
      );
    case 'trips':
      return (
        <div class="slide slide--trips">
          <Badge text={t('present.tripsBadge')} />
          <h2>{pick(slide.procedure.name, lang)}</h2>
          <TripsCompare procedure={slide.procedure} />
        </div>
      );
    case 'quiz':
      return (
        <div class="slide slide--quiz">
          <h2>{t('present.quizTitle')}</h2>
          <p>{t('present.quizBody', { count: QUIZ.length })}</p>
          <Link href={QUIZ_PATH} class="btn btn--light">
            {t('present.quizLink')}
          </Link>
        </div>
      );
  }
}
