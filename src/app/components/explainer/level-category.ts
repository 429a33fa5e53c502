/** The Decree 42/2022 category an old level corresponds to, in words (levels 1–2: information only). */
import type { TFunction } from 'i18next';
import type { LevelCategory } from '../../../domain/service-levels';
import { type Lang, pick } from '../../../domain/localized';
import { ONLINE_CATEGORIES } from '../../../content/service-levels';

export function levelCategoryLabel(t: TFunction, lang: Lang, category: LevelCategory): string {
  const found = ONLINE_CATEGORIES.find((c) => c.id === category);
  return found ? pick(found.title, lang) : t('explainer.informationOnly');
}
