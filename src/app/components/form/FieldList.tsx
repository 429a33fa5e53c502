/** The visible fields of one level (the form, or one group item); conditions are re-read on every render. */
import type { Answers, Field } from '../../../domain/form-schema';
import { isVisible } from '../../../domain/validate';
import { FieldInput } from '../FieldInput';
import { joinPath } from './paths';

interface Props {
  fields: readonly Field[];
  /** The answers of this level (the item inside a group). */
  scope: Answers;
  /** The whole form's answers when this level is a group item. */
  outer?: Answers;
  prefix: string;
}

export function FieldList({ fields, scope, outer, prefix }: Props) {
  return (
    <>
      {fields
        .filter((field) => isVisible(field, scope, outer))
        .map((field) => (
          <FieldInput key={field.id} field={field} path={joinPath(prefix, field.id)} />
        ))}
    </>
  );
}
