/** A value the app works out (count, age, fee): shown read-only, recomputed on every change. */
import type { ComputedField as ComputedSchema } from '../../../domain/form-schema';
import { pick } from '../../../domain/localized';
import { useI18n } from '../../i18n-context';
import { useFormContext } from './form-context';
import { fieldIds } from './field-parts';
import { formatAnswer } from './format-answer';
import { getAt } from './paths';

export function ComputedField({ field, path }: { field: ComputedSchema; path: string }) {
  const { t, lang } = useI18n();
  // `tidy` holds what normalizeAnswers() computed, i.e. exactly what the server will recompute.
  const { tidy } = useFormContext();
  const ids = fieldIds(path);
  const text = formatAnswer(field, getAt(tidy, path), lang, {
    yes: t('formUi.yes'),
    no: t('formUi.no'),
    years: (count) => t('formUi.years', { count }),
    files: (count) => t('formUi.attachment.count', { count }),
  });
  return (
    <div class="field field--computed">
      <label for={ids.control}>{pick(field.label, lang)}</label>
      <output id={ids.control} class="computed" aria-describedby={ids.hint}>
        {text ?? t('formUi.notComputed')}
      </output>
      <p id={ids.hint} class="hint">
        {t('formUi.computedHint')}
      </p>
    </div>
  );
}
