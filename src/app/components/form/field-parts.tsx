/** The pieces every field shares: ids derived from its path, the label text, the hint and the message. */
import type { Field } from '../../../domain/form-schema';
import { pick } from '../../../domain/localized';
import { useI18n } from '../../i18n-context';
import { domId } from './paths';

export interface FieldIds {
  /** The control (or the fieldset of a multi-control field): what focusPath() finds. */
  control: string;
  hint: string;
  error: string;
}

export function fieldIds(path: string): FieldIds {
  const control = domId(path);
  return { control, hint: `${control}-hint`, error: `${control}-error` };
}

/** aria-describedby for a field: its hint and its message, when present. */
export function describedBy(ids: FieldIds, hint: unknown, error: unknown): string | undefined {
  return [hint ? ids.hint : '', error ? ids.error : ''].filter(Boolean).join(' ') || undefined;
}

export function LabelText({ field }: { field: Field }) {
  const { t, lang } = useI18n();
  return (
    <>
      {pick(field.label, lang)}
      {field.required && <span class="req"> ({t('form.required')})</span>}
    </>
  );
}

export function Hint({ ids, text }: { ids: FieldIds; text: string | undefined }) {
  return text ? (
    <p id={ids.hint} class="hint">
      {text}
    </p>
  ) : null;
}

export function ErrorText({ ids, text }: { ids: FieldIds; text: string | undefined }) {
  return text ? (
    <p id={ids.error} class="error">
      {text}
    </p>
  ) : null;
}
