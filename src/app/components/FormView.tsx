/** Lays out a form: title, notices, the QR fill, the error summary, the visible fields, the way to review. */
import type { ComponentChildren } from 'preact';
import { pick } from '../../domain/localized';
import { useI18n } from '../i18n-context';
import { useFormContext } from './form/form-context';
import { FieldList } from './form/FieldList';

interface Props {
  /** Version notices, the server's refusal: shown under the title. */
  notices?: ComponentChildren;
  /** The QR fill panel, on forms that have a qrMap. */
  qr?: ComponentChildren;
  /** The error summary, after a try to go on with fields still wrong. */
  summary?: ComponentChildren;
  onReview: () => void;
}

export function FormView({ notices, qr, summary, onReview }: Props) {
  const { t, lang } = useI18n();
  const { form, answers } = useFormContext();
  return (
    <div class="form">
      <h1 id="form-title">{pick(form.title, lang)}</h1>
      {notices}
      {qr}
      <form
        noValidate
        aria-labelledby="form-title"
        onSubmit={(e) => {
          e.preventDefault();
          onReview();
        }}
      >
        {summary}
        <FieldList fields={form.fields} scope={answers} prefix="" />
        <button type="submit" class="btn btn--primary btn--block">
          {t('formUi.reviewButton')}
        </button>
      </form>
    </div>
  );
}
