/** What every field of the open form needs, without passing it through each layer by hand. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AdminUnits } from '../../../domain/admin-units';
import type { AnswerValue, Answers, FormDefinition, GroupField } from '../../../domain/form-schema';

export interface FormContextValue {
  form: FormDefinition;
  /** As typed (stored in the draft). */
  answers: Answers;
  /** Tidied and with computed values, as the validator would send them. */
  tidy: Answers;
  /** Path → translated message, for the fields whose errors are shown now. */
  errors: ReadonlyMap<string, string>;
  units?: AdminUnits | undefined;
  /** Whether the units list is still loading or failed (addresses then fall back to free text). */
  unitsMissing: 'loading' | 'failed' | null;
  onChange: (path: string, value: AnswerValue | undefined) => void;
  onBlur: (path: string) => void;
  onFocus: (path: string) => void;
  itemTitle: (group: GroupField, index: number) => string;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useFormContext(): FormContextValue {
  const value = useContext(FormContext);
  if (!value) throw new Error('useFormContext outside FormContext');
  return value;
}

/** Messages for a field and everything inside it (an address's `detail`), nearest first. */
export function errorsAt(errors: ReadonlyMap<string, string>, path: string): string | undefined {
  const own = errors.get(path);
  if (own) return own;
  for (const [at, message] of errors) if (at.startsWith(`${path}.`)) return message;
  return undefined;
}
