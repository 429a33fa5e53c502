/** Renders one form field of any kind, with its label, hint and error, accessibly. */
import type { JSX } from 'preact';
import type { AnswerValue, Field } from '../../domain/form-schema';
import { pick } from '../../domain/localized';
import { isoToVn, parseVnDate, toIsoDate } from '../../domain/dates';
import { useI18n } from '../i18n-context';

interface Props {
  field: Field;
  value: AnswerValue | undefined;
  error?: string;
  onChange: (id: string, value: AnswerValue | undefined) => void;
  onBlur: (id: string) => void;
  onFocus: (id: string) => void;
}

/** Dates are typed as dd/mm/yyyy and stored as ISO once they parse; partial input is kept as typed. */
function dateToStored(text: string): string {
  const parsed = parseVnDate(text);
  return parsed ? toIsoDate(parsed) : text;
}

export function FieldInput({ field, value, error, onChange, onBlur, onFocus }: Props) {
  const { t, lang } = useI18n();
  const inputId = `f-${field.id}`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const hint = field.kind === 'date' ? t('form.dateHint') : field.hint ? pick(field.hint, lang) : undefined;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id: inputId,
    name: field.id,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    'aria-required': field.required ? true : undefined,
    onBlur: () => onBlur(field.id),
    onFocus: () => onFocus(field.id),
  };
  const text = typeof value === 'string' ? value : value === undefined ? '' : String(value);
  const onText = (e: JSX.TargetedEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
    onChange(field.id, e.currentTarget.value);

  let control: JSX.Element;
  switch (field.kind) {
    case 'longtext':
      control = <textarea {...common} rows={3} value={text} maxLength={field.maxLength} onInput={onText} />;
      break;
    case 'date':
      control = (
        <input
          {...common}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('form.datePlaceholder')}
          value={isoToVn(text)}
          onInput={(e) => onChange(field.id, dateToStored(e.currentTarget.value))}
        />
      );
      break;
    case 'choice':
      return (
        <fieldset class={`field${error ? ' field--error' : ''}`} aria-describedby={describedBy} data-field={field.id}>
          <legend>
            {pick(field.label, lang)}
            {field.required && <span class="req"> ({t('form.required')})</span>}
          </legend>
          {hint && <p id={hintId} class="hint">{hint}</p>}
          <div class="choices" role="radiogroup" aria-invalid={error ? true : undefined}>
            {field.options.map((option) => (
              <label class="choice" key={option.value}>
                <input
                  type="radio"
                  name={field.id}
                  id={`${inputId}-${option.value}`}
                  value={option.value}
                  checked={value === option.value}
                  onChange={() => onChange(field.id, option.value)}
                  onFocus={() => onFocus(field.id)}
                  onBlur={() => onBlur(field.id)}
                />
                <span>{pick(option.label, lang)}</span>
              </label>
            ))}
          </div>
          {error && <p id={errorId} class="error">{error}</p>}
        </fieldset>
      );
    case 'yesno':
      control = (
        <input
          {...common}
          type="checkbox"
          checked={value === true}
          onChange={(e) => onChange(field.id, e.currentTarget.checked)}
        />
      );
      break;
    case 'number':
      control = (
        <input
          {...common}
          type="text"
          inputMode="decimal"
          value={text}
          onInput={(e) => {
            const raw = e.currentTarget.value.trim();
            const n = Number(raw.replace(',', '.'));
            onChange(field.id, raw === '' ? undefined : Number.isFinite(n) ? n : raw);
          }}
        />
      );
      break;
    case 'cccd':
      control = <input {...common} type="text" inputMode="numeric" autoComplete="off" maxLength={12} value={text} onInput={onText} />;
      break;
    case 'phone':
      control = <input {...common} type="tel" inputMode="tel" autoComplete="tel" value={text} onInput={onText} />;
      break;
    case 'email':
      control = <input {...common} type="email" autoComplete="email" value={text} onInput={onText} />;
      break;
    case 'text':
      control = (
        <input {...common} type="text" autoComplete={field.autocomplete ?? 'off'} maxLength={field.maxLength} value={text} onInput={onText} />
      );
      break;
    case 'address': {
      // Stopgap until the unit picker exists: the whole address typed as free text.
      const typed = typeof value === 'object' && value !== null && !Array.isArray(value) ? value.freeText ?? '' : text;
      control = (
        <input
          {...common}
          type="text"
          autoComplete="off"
          maxLength={300}
          value={typed}
          onInput={(e) => {
            const freeText = e.currentTarget.value;
            onChange(field.id, freeText === '' ? undefined : { detail: '', freeText });
          }}
        />
      );
      break;
    }
    default:
      // multichoice, attachment, group and computed have no control yet (form schema 2).
      return null;
  }

  return (
    <div class={`field${error ? ' field--error' : ''}`} data-field={field.id}>
      <label for={inputId}>
        {pick(field.label, lang)}
        {field.required && <span class="req"> ({t('form.required')})</span>}
      </label>
      {hint && <p id={hintId} class="hint">{hint}</p>}
      {control}
      {error && <p id={errorId} class="error">{error}</p>}
    </div>
  );
}
