/** The answers as the review step lists them: label and value, group items one by one. */
import type { ReviewRow } from './review-rows';
import { useI18n } from '../../i18n-context';

export function ReviewList({ rows }: { rows: readonly ReviewRow[] }) {
  const { t } = useI18n();
  return (
    <dl class="review-list">
      {rows.map((row) =>
        row.type === 'answer' ? (
          <div class="review-row" key={row.path} data-path={row.path}>
            <dt>{row.label}</dt>
            <dd>{row.value ?? <span class="muted">{t('review.empty')}</span>}</dd>
          </div>
        ) : (
          <div class="review-row review-row--group" key={row.path} data-path={row.path}>
            <dt>{row.label}</dt>
            <dd>
              {row.items.length === 0 && <span class="muted">{t('review.noItems')}</span>}
              {row.items.map((item) => (
                <section class="review-item" key={item.path} aria-label={item.title}>
                  <h3>{item.title}</h3>
                  <ReviewList rows={item.rows} />
                </section>
              ))}
            </dd>
          </div>
        ),
      )}
    </dl>
  );
}
