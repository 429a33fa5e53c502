/** "3 items to fix", each a link that takes the cursor to its field (nested paths included). */
import type { FormDefinition } from '../../../domain/form-schema';
import type { FieldError } from '../../../domain/validate';
import { useI18n } from '../../i18n-context';
import { errorText } from './error-text';
import { describePath, type ItemTitle } from './path-labels';
import { domId } from './paths';

interface Props {
  id: string;
  form: FormDefinition;
  errors: readonly FieldError[];
  itemTitle: ItemTitle;
  /** Where the link leads: the form step's URL (the review step lives on its own URL). */
  hrefBase: string;
  onGo: (path: string) => void;
}

export function ErrorSummary({ id, form, errors, itemTitle, hrefBase, onGo }: Props) {
  const { t, lang } = useI18n();
  if (errors.length === 0) return null;
  return (
    <div class="summary" id={id} tabIndex={-1} aria-labelledby={`${id}-title`} role="region">
      <h2 id={`${id}-title`} class="summary__title">
        {t('form.errorsSummary', { count: errors.length })}
      </h2>
      <ul class="summary__list">
        {errors.map((error) => (
          <li key={`${error.field}:${error.code}`}>
            <a
              href={`${hrefBase}#${domId(error.field)}`}
              onClick={(e) => {
                e.preventDefault();
                onGo(error.field);
              }}
            >
              <strong>{describePath(form, error.field, lang, itemTitle)}</strong>: {errorText(form, error.field, error.code, lang, t)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
