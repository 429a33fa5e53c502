/**
 * Placeholder for photos and scans of papers. Capture, blob storage and upload are added by a
 * later change, which replaces the body of this component; until then the section says what the
 * form asks for and how many files the answer holds. Required attachments keep the form from
 * being submitted (the validator says so), which is expected for now.
 */
import type { AttachmentField as AttachmentSchema } from '../../../domain/form-schema';
import { pick } from '../../../domain/localized';
import { useI18n } from '../../i18n-context';
import { useFormContext } from './form-context';
import { describedBy, ErrorText, fieldIds, Hint, LabelText } from './field-parts';
import { getAt } from './paths';

export function AttachmentField({ field, path }: { field: AttachmentSchema; path: string }) {
  const { t, lang } = useI18n();
  const { answers, errors } = useFormContext();
  const value = getAt(answers, path);
  const count = Array.isArray(value) ? value.length : 0;
  const error = errors.get(path);
  const ids = fieldIds(path);
  const hint = field.hint ? pick(field.hint, lang) : undefined;
  return (
    <fieldset
      id={ids.control}
      tabIndex={-1}
      class={`field attachment${error ? ' field--error' : ''}`}
      aria-describedby={describedBy(ids, hint, error)}
    >
      <legend>
        <span class="attachment__section">{t('formUi.attachment.section')}: </span>
        <LabelText field={field} />
      </legend>
      <Hint ids={ids} text={hint} />
      <p class="attachment__placeholder">{t('formUi.attachment.placeholder')}</p>
      <p class="muted">{t('formUi.attachment.count', { count })}</p>
      <ErrorText ids={ids} text={error} />
    </fieldset>
  );
}
