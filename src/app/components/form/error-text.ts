/**
 * The words for one problem on a field, chosen with the field in view: an empty choice asks the
 * resident to choose ("Vui lòng chọn…", not "điền"), an unticked box to tick it, an empty photo
 * field to add a photo, and a date out of order names the two dates it compares, and a CCCD whose sex digit cannot be
 * the bride's or the mother's says so instead of naming a sex nobody chose. Everything else
 * reads `errors.<code>`.
 */
import type { Field, FormDefinition, FormRule } from '../../../domain/form-schema';
import { type Lang, pick } from '../../../domain/localized';
import { parsePath } from './paths';

/** i18next's `t`, narrowed to what is asked of it here (so a test can pass its own). */
type Translate = (key: string, options: { later?: string; earlier?: string }) => string;

interface Place {
  field: Field;
  /** The fields and rules of the scope the field sits in (the form, or one group item). */
  siblings: readonly Field[];
  rules: readonly FormRule[];
}

/** The field a path points at, with its scope; undefined for a path the form does not know. */
export function placeOf(form: FormDefinition, path: string): Place | undefined {
  let siblings: readonly Field[] = form.fields;
  let rules: readonly FormRule[] = form.rules ?? [];
  let found: Place | undefined;
  for (const part of parsePath(path)) {
    if (typeof part === 'number') continue;
    if (found?.field.kind === 'group') {
      siblings = found.field.fields;
      rules = found.field.rules ?? [];
    } else if (found) return found; // a sub-key of an answer (currentAddress.detail)
    const field = siblings.find((f) => f.id === part);
    if (!field) return undefined;
    found = { field, siblings, rules };
  }
  return found;
}

/** The date this field must not come before, from its scope's date-order / year-before rules. */
function earlierOf(place: Place): Field | undefined {
  for (const rule of place.rules) {
    const id =
      rule.kind === 'date-order' && rule.after === place.field.id
        ? rule.before
        : rule.kind === 'year-before' && rule.year === place.field.id
          ? rule.date
          : undefined;
    if (id) return place.siblings.find((f) => f.id === id);
  }
  return undefined;
}

export function errorText(form: FormDefinition, path: string, code: string, lang: Lang, t: Translate): string {
  const place = placeOf(form, path);
  if (place && code === 'required') {
    const kind = place.field.kind;
    if (kind === 'choice' || kind === 'multichoice') return t('errors.required-choice', {});
    if (kind === 'yesno') return t('errors.required-tick', {});
    if (kind === 'attachment') return t('errors.required-attachment', {});
  }
  if (place && code === 'date-order') {
    const earlier = earlierOf(place);
    if (earlier) return t('errors.date-order-named', { later: pick(place.field.label, lang), earlier: pick(earlier.label, lang) });
  }
  if (place && code === 'cccd-sex') {
    // The form knows the person's sex from their role (the bride, the mother): no sex was chosen.
    const rule = place.rules.find((r) => r.kind === 'cccd-matches' && r.cccd === place.field.id && !r.sex && r.sexIs);
    if (rule?.kind === 'cccd-matches' && rule.sexIs)
      return rule.sexIs === 'female' ? t('errors.cccd-sex-female', {}) : t('errors.cccd-sex-male', {});
  }
  return t(`errors.${code}`, {});
}
