/**
 * The answers as the review step lists them: label and value, group items one by one. Shared by
 * the phone's review step and the console's dossier page; each passes its own words for an
 * empty answer and an empty list.
 */
import type { ReviewRow } from './review-rows';

export interface ReviewWords {
  empty: string;
  noItems: string;
}

export function ReviewList({ rows, words }: { rows: readonly ReviewRow[]; words: ReviewWords }) {
  const t = (key: 'review.empty' | 'review.noItems'): string => (key === 'review.empty' ? words.empty : words.noItems);
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
                  <ReviewList rows={item.rows} words={words} />
                </section>
              ))}
            </dd>
          </div>
        ),
      )}
    </dl>
  );
}
