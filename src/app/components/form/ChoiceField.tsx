/** One choice (radio buttons) or several (checkboxes), each set in a fieldset whose legend is the question. */
import type { ChoiceField as ChoiceSchema, MultiChoiceField } from '../../../domain/form-schema';
import { pick } from '../../../domain/localized';
import { useI18n } from '../../i18n-context';
import { useFormContext } from './form-context';
import { describedBy, ErrorText, fieldIds, Hint, LabelText } from './field-parts';
import { getAt } from './paths';

export function ChoiceField({ field, path }: { field: ChoiceSchema | MultiChoiceField; path: string }) {
  const { t, lang } = useI18n();
  const { answers, errors, onChange, onBlur, onFocus } = useFormContext();
  const value = getAt(answers, path);
  const error = errors.get(path);
  const ids = fieldIds(path);
  const many = field.kind === 'multichoice';
  const hints = [
    field.hint ? pick(field.hint, lang) : '',
    many && field.maxSelected ? t('formUi.multiMax', { max: field.maxSelected }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  const picked = many ? (Array.isArray(value) ? (value as unknown[]) : []) : [];

  function toggle(option: string, on: boolean) {
    const next = field.options.map((o) => o.value).filter((v) => (v === option ? on : picked.includes(v)));
    onChange(path, next.length > 0 ? next : undefined);
  }

  return (
    <fieldset id={ids.control} class={`field${error ? ' field--error' : ''}`} aria-describedby={describedBy(ids, hints, error)}>
      <legend>
        <LabelText field={field} />
      </legend>
      <Hint ids={ids} text={hints || undefined} />
      <div
        class="choices"
        role={many ? undefined : 'radiogroup'}
        aria-invalid={!many && error ? true : undefined}
        aria-required={!many && field.required ? true : undefined}
      >
        {field.options.map((option) => (
          <label class="choice" key={option.value}>
            <input
              type={many ? 'checkbox' : 'radio'}
              name={path}
              id={`${ids.control}-${option.value}`}
              value={option.value}
              checked={many ? picked.includes(option.value) : value === option.value}
              aria-invalid={many && error ? true : undefined}
              onChange={(e) => (many ? toggle(option.value, e.currentTarget.checked) : onChange(path, option.value))}
              onFocus={() => onFocus(path)}
              onBlur={() => onBlur(path)}
            />
            <span>{pick(option.label, lang)}</span>
          </label>
        ))}
      </div>
      <ErrorText ids={ids} text={error} />
    </fieldset>
  );
}
