/** Lays out a form's visible fields, the error summary and the submit button. */
import type { AnswerValue, Answers, FormDefinition } from '../../domain/form-schema';
import { isVisible } from '../../domain/validate';
import { pick } from '../../domain/localized';
import { useI18n } from '../i18n-context';
import { FieldInput } from './FieldInput';

interface Props {
  form: FormDefinition;
  answers: Answers;
  /** Field id → translated message, only for fields the user has left or after a submit attempt. */
  errors: Record<string, string>;
  summary: string | null;
  onChange: (id: string, value: AnswerValue | undefined) => void;
  onBlur: (id: string) => void;
  onFocus: (id: string) => void;
  onSubmit: () => void;
  busy: boolean;
}

export function FormView({ form, answers, errors, summary, onChange, onBlur, onFocus, onSubmit, busy }: Props) {
  const { t, lang } = useI18n();
  return (
    <form
      class="form"
      noValidate
      aria-labelledby="form-title"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h1 id="form-title">{pick(form.title, lang)}</h1>
      {summary && (
        <div class="summary" role="alert" tabIndex={-1} id="error-summary">
          {summary}
        </div>
      )}
      {form.fields
        .filter((field) => isVisible(field, answers))
        .map((field) => (
          <FieldInput
            key={field.id}
            field={field}
            value={answers[field.id]}
            error={errors[field.id]}
            onChange={onChange}
            onBlur={onBlur}
            onFocus={onFocus}
          />
        ))}
      <button type="submit" class="btn btn--primary btn--block" disabled={busy}>
        {t('form.submit')}
      </button>
    </form>
  );
}
