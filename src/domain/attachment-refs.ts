/**
 * Where the attachments of a dossier are: the server asks for each one's blob before storing the
 * dossier, and reports a bad one on the same field path validate() uses (`members[1].photo`).
 */
import type { Answers, AttachmentRef, Field } from './form-schema';

export interface PlacedAttachment {
  /** Field path of the attachment field, as in FieldError.field. */
  path: string;
  ref: AttachmentRef;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every attachment ref of checked answers (checkSubmission's output), groups included, in form order. */
export function attachmentsOf(form: { fields: readonly Field[] }, answers: Answers, path = ''): PlacedAttachment[] {
  const found: PlacedAttachment[] = [];
  for (const field of form.fields) {
    const value = Object.prototype.hasOwnProperty.call(answers, field.id) ? answers[field.id] : undefined;
    if (!Array.isArray(value)) continue;
    const at = path === '' ? field.id : `${path}.${field.id}`;
    if (field.kind === 'attachment') {
      for (const ref of value) if (isRecord(ref)) found.push({ path: at, ref: ref as unknown as AttachmentRef });
    } else if (field.kind === 'group') {
      value.forEach((item, i) => {
        if (isRecord(item)) found.push(...attachmentsOf(field, item as Answers, `${at}[${i}]`));
      });
    }
  }
  return found;
}
