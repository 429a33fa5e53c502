/** Names a field path the way the resident sees it: "Người cùng thay đổi thứ 2 – Giới tính". */
import type { Field, FormDefinition, GroupField } from '../../domain/form-schema';
import { type Lang, pick } from '../../domain/localized';
import { parsePath } from './paths';

/** Heading of item `index` (from 0) of a group; the caller supplies the translated pattern. */
export type ItemTitle = (group: GroupField, index: number) => string;

/** Item heading from the form's own pattern ("Người thứ {n}") when it has one, else from `fallback`. */
export function itemTitleOf(
  group: GroupField,
  index: number,
  lang: Lang,
  fallback: (label: string | undefined, n: number) => string,
): string {
  const n = index + 1;
  const label = group.itemLabel ? pick(group.itemLabel, lang) : undefined;
  return label?.includes('{n}') ? label.replace('{n}', String(n)) : fallback(label, n);
}

/** Labels along a path, joined with " – "; the form title for '' and the raw key for unknown fields. */
export function describePath(form: FormDefinition, path: string, lang: Lang, itemTitle: ItemTitle): string {
  if (path === '') return pick(form.title, lang);
  const parts = parsePath(path);
  const names: string[] = [];
  let fields: readonly Field[] | undefined = form.fields;
  for (let i = 0; i < parts.length && fields; i++) {
    const part = parts[i];
    const field: Field | undefined = typeof part === 'string' ? fields.find((f) => f.id === part) : undefined;
    if (!field) {
      // A sub-key of an answer (currentAddress.detail) belongs to the field already named.
      if (names.length === 0) names.push(String(part));
      break;
    }
    const next = parts[i + 1];
    if (field.kind === 'group' && typeof next === 'number') {
      // The item title ("Người cùng thay đổi thứ 2") already names the group.
      names.push(itemTitle(field, next));
      fields = field.fields;
      i += 1;
      continue;
    }
    names.push(pick(field.label, lang));
    fields = undefined;
  }
  return names.join(' – ');
}
