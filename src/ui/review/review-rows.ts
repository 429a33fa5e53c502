/**
 * What the review step lists: every visible answer with its label and value as text, group
 * items one by one, computed values, attachments by count. Visibility follows the form's
 * conditions on the raw answers (as the form screen shows them); values come from the tidied
 * answers the validator would send (computed values included), falling back to what was typed.
 */
import type { Answers, Field, FormDefinition } from '../../domain/form-schema';
import type { Lang } from '../../domain/localized';
import { isVisible } from '../../domain/validate';
import { pick } from '../../domain/localized';
import { formatAnswer, type AnswerWords } from './format-answer';
import { getAt, itemPath, joinPath } from './paths';
import type { ItemTitle } from './path-labels';

export type ReviewRow =
  | { type: 'answer'; path: string; kind: Field['kind']; label: string; value: string | undefined }
  | { type: 'group'; path: string; label: string; items: ReviewItem[] };

export interface ReviewItem {
  path: string;
  title: string;
  rows: ReviewRow[];
}

export interface ReviewInput {
  form: FormDefinition;
  /** As stored in the draft. */
  answers: Answers;
  /** normalizeAnswers() of the same answers: tidied, computed. */
  tidy: Answers;
  lang: Lang;
  words: AnswerWords;
  itemTitle: ItemTitle;
}

const asRecord = (v: unknown): Answers => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Answers) : {});

function rowsOf(input: ReviewInput, fields: readonly Field[], scope: Answers, outer: Answers | undefined, prefix: string): ReviewRow[] {
  const rows: ReviewRow[] = [];
  for (const field of fields) {
    if (!isVisible(field, scope, outer)) continue;
    const path = joinPath(prefix, field.id);
    const label = pick(field.label, input.lang);
    if (field.kind === 'group') {
      const raw = getAt(input.answers, path);
      const list = Array.isArray(raw) ? raw : [];
      const items = list.map((item, index) => {
        const at = itemPath(path, index);
        return { path: at, title: input.itemTitle(field, index), rows: rowsOf(input, field.fields, asRecord(item), outer ?? scope, at) };
      });
      rows.push({ type: 'group', path, label, items });
      continue;
    }
    const value = getAt(input.tidy, path) ?? getAt(input.answers, path);
    rows.push({ type: 'answer', path, kind: field.kind, label, value: formatAnswer(field, value, input.lang, input.words) });
  }
  return rows;
}

export function reviewRows(input: ReviewInput): ReviewRow[] {
  return rowsOf(input, input.form.fields, input.answers, undefined, '');
}

/** Attachment rows anywhere in the tree, for the "photos" summary. */
export function attachmentRows(rows: readonly ReviewRow[]): Array<Extract<ReviewRow, { type: 'answer' }>> {
  return rows.flatMap((row) =>
    row.type === 'group' ? row.items.flatMap((item) => attachmentRows(item.rows)) : row.kind === 'attachment' ? [row] : [],
  );
}
