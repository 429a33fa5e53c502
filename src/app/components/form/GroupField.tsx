/**
 * A repeatable block (the people moving together): one fieldset per item with its heading,
 * big add/remove buttons, the minimum shown at once and the maximum respected. A new item gets
 * the focus; removing an item that holds answers asks first.
 */
import { useState } from 'preact/hooks';
import type { Answers, GroupField as GroupSchema } from '../../../domain/form-schema';
import { pick } from '../../../domain/localized';
import { isEmptyValue } from '../../../domain/conditions';
import { useI18n } from '../../i18n-context';
import { useFormContext } from './form-context';
import { describedBy, ErrorText, fieldIds, Hint, LabelText } from './field-parts';
import { FieldList } from './FieldList';
import { ConfirmDialog } from './ConfirmDialog';
import { focusPathSoon } from './focus';
import { domId, getAt, itemPath } from './paths';

const asItem = (v: unknown): Answers => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Answers) : {});

/** Whether an item holds anything typed (then removing it asks first). */
export function itemHasData(item: unknown): boolean {
  return Object.values(asItem(item)).some((v) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? itemHasData(v) : !isEmptyValue(v),
  );
}

/** "người cùng thay đổi" from "Người cùng thay đổi", for "Thêm người cùng thay đổi". */
const lowerFirst = (text: string, lang: string) => text.charAt(0).toLocaleLowerCase(lang) + text.slice(1);

export function GroupField({ field, path }: { field: GroupSchema; path: string }) {
  const { t, lang } = useI18n();
  const { answers, errors, onChange, itemTitle } = useFormContext();
  const [removing, setRemoving] = useState<number | null>(null);
  const raw = getAt(answers, path);
  const stored = Array.isArray(raw) ? raw : [];
  const min = field.minItems ?? 0;
  // The minimum is on screen at once; typing into it stores the item (paths.setAt pads with {}).
  const items: unknown[] = [...stored, ...Array.from({ length: Math.max(0, min - stored.length) }, () => ({}))];
  const error = errors.get(path);
  const ids = fieldIds(path);
  const hint = field.hint ? pick(field.hint, lang) : undefined;
  const itemName = lowerFirst(pick(field.itemLabel ?? field.label, lang), lang);
  const canAdd = items.length < field.maxItems;
  const addId = `${ids.control}-add`;

  function add() {
    onChange(path, [...items.map(asItem), {}]);
    focusPathSoon(itemPath(path, items.length));
  }

  function remove(index: number) {
    const next = items.filter((_, i) => i !== index).map(asItem);
    onChange(path, next.length > 0 ? next : undefined);
    const stay = Math.min(index, next.length - 1);
    requestAnimationFrame(() => {
      const target = stay >= 0 ? document.getElementById(domId(itemPath(path, stay))) : null;
      (target?.querySelector<HTMLElement>('input, select, textarea') ?? document.getElementById(addId))?.focus();
    });
  }

  const removingTitle = removing === null ? '' : itemTitle(field, removing);
  return (
    <fieldset id={ids.control} class={`field group${error ? ' field--error' : ''}`} aria-describedby={describedBy(ids, hint, error)}>
      <legend>
        <LabelText field={field} />
      </legend>
      <Hint ids={ids} text={hint} />
      {items.map((item, index) => {
        const at = itemPath(path, index);
        const title = itemTitle(field, index);
        return (
          <fieldset key={index} id={domId(at)} class="group-item">
            <legend>
              <h3 class="group-item__title">{title}</h3>
            </legend>
            <FieldList fields={field.fields} scope={asItem(item)} outer={answers} prefix={at} />
            {items.length > min && (
              <button
                type="button"
                class="btn btn--block btn--danger-outline"
                onClick={() => (itemHasData(item) ? setRemoving(index) : remove(index))}
              >
                {t('formUi.removeItem', { title })}
              </button>
            )}
          </fieldset>
        );
      })}
      {canAdd ? (
        <button type="button" id={addId} class="btn btn--block" onClick={add}>
          {t('formUi.addItem', { label: itemName })}
        </button>
      ) : (
        <p class="muted">{t('formUi.itemsMax', { max: field.maxItems })}</p>
      )}
      <ErrorText ids={ids} text={error} />
      <ConfirmDialog
        open={removing !== null}
        title={t('formUi.confirmRemoveTitle', { title: removingTitle })}
        body={t('formUi.confirmRemoveBody')}
        confirmLabel={t('formUi.confirmRemoveYes')}
        cancelLabel={t('formUi.confirmNo')}
        onConfirm={() => {
          if (removing !== null) remove(removing);
          setRemoving(null);
        }}
        onCancel={() => setRemoving(null)}
      />
    </fieldset>
  );
}
