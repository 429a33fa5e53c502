/**
 * Renders one form field of any kind at its answer path (`members[1].fullName`), with its label,
 * hint and message wired for screen readers. Simple kinds are here; structured ones have their
 * own component under form/.
 */
import type { JSX } from 'preact';
import type { Field } from '../../domain/form-schema';
import { pick } from '../../domain/localized';
import { isoToVn, parseVnDate, toIsoDate } from '../../domain/dates';
import { useI18n } from '../i18n-context';
import { useFormContext } from './form/form-context';
import { describedBy, ErrorText, fieldIds, Hint, LabelText } from './form/field-parts';
import { getAt } from './form/paths';
import { ChoiceField } from './form/ChoiceField';
import { AddressField } from './form/AddressField';
import { GroupField } from './form/GroupField';
import { ComputedField } from './form/ComputedField';
import { AttachmentField } from './form/AttachmentField';

interface Props {
  field: Field;
  path: string;
}

/** Dates are typed as dd/mm/yyyy and stored as ISO once they parse; partial input is kept as typed. */
function dateToStored(text: string): string {
  const parsed = parseVnDate(text);
  return parsed ? toIsoDate(parsed) : text;
}

export function FieldInput({ field, path }: Props) {
  switch (field.kind) {
    case 'choice':
    case 'multichoice':
      return <ChoiceField field={field} path={path} />;
    case 'address':
      return <AddressField field={field} path={path} />;
    case 'group':
      return <GroupField field={field} path={path} />;
    case 'computed':
      return <ComputedField field={field} path={path} />;
    case 'attachment':
      return <AttachmentField field={field} path={path} />;
    default:
      return <SimpleField field={field} path={path} />;
  }
}

function SimpleField({ field, path }: Props) {
  const { t, lang } = useI18n();
  const { answers, errors, onChange, onBlur, onFocus } = useFormContext();
  const value = getAt(answers, path);
  const error = errors.get(path);
  const ids = fieldIds(path);
  const hint = field.kind === 'date' ? t('form.dateHint') : field.hint ? pick(field.hint, lang) : undefined;
  const common = {
    id: ids.control,
    name: path,
    'aria-describedby': describedBy(ids, hint, error),
    'aria-invalid': error ? true : undefined,
    'aria-required': field.required ? true : undefined,
    onBlur: () => onBlur(path),
    onFocus: () => onFocus(path),
  };
  const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  const onText = (e: JSX.TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(path, e.currentTarget.value);

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
          onInput={(e) => onChange(path, dateToStored(e.currentTarget.value))}
        />
      );
      break;
    case 'yesno':
      return (
        <div class={`field field--check${error ? ' field--error' : ''}`}>
          <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(path, e.currentTarget.checked)} />
          <label for={ids.control}>
            <LabelText field={field} />
          </label>
          <Hint ids={ids} text={hint} />
          <ErrorText ids={ids} text={error} />
        </div>
      );
    case 'number':
      control = (
        <input
          {...common}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          onInput={(e) => {
            const raw = e.currentTarget.value.trim();
            const n = Number(raw.replace(',', '.'));
            onChange(path, raw === '' ? undefined : Number.isFinite(n) ? n : raw);
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
        <input
          {...common}
          type="text"
          autoComplete={field.autocomplete ?? 'off'}
          maxLength={field.maxLength}
          value={text}
          onInput={onText}
        />
      );
      break;
    default:
      return null;
  }

  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label for={ids.control}>
        <LabelText field={field} />
      </label>
      <Hint ids={ids} text={hint} />
      {control}
      <ErrorText ids={ids} text={error} />
    </div>
  );
}
