/** Search results: each card is one link to the procedure page, with its code, office and category. */
import type { Procedure } from '../../../domain/catalog';
import { pick } from '../../../domain/localized';
import { useI18n } from '../../i18n-context';
import { procedurePath } from '../../router';
import { Link } from '../Link';
import { categoryLabel, handlerLabel } from './labels';

export function ResultList({ procedures }: { procedures: readonly Procedure[] }) {
  const { t, lang } = useI18n();
  return (
    <ul class="results" data-testid="results">
      {procedures.map((p) => (
        <li key={p.slug} class="result">
          <h2 class="result__name">
            <Link href={procedurePath(p.slug)}>{pick(p.name, lang)}</Link>
          </h2>
          {lang !== 'vi' && (
            <p class="result__vi" lang="vi">
              {p.name.vi}
            </p>
          )}
          <p class="result__meta">
            <span>{p.code ? t('catalog.code', { code: p.code }) : t('catalog.noCode')}</span>
            <span>{handlerLabel(t, p.handledBy)}</span>
          </p>
          <span class={`tag tag--${p.onlineCategory}`}>{categoryLabel(t, p.onlineCategory)}</span>
        </li>
      ))}
    </ul>
  );
}
