/**
 * An address as the post-2025 units name it: a province select, a commune found by typing
 * (diacritics optional, searchUnits), then the village and house number. Free text is the way
 * out when the list is missing or the place is not in it; an address picked from an older list
 * stays readable with the names it was stored with.
 */
import { useState } from 'preact/hooks';
import type { AddressAnswer, AddressField as AddressSchema } from '../../../domain/form-schema';
import { addressFromText, findUnit, foldUnitName, searchUnits, type AdminUnits, type UnitMatch } from '../../../domain/admin-units';
import { pick } from '../../../domain/localized';
import { useI18n } from '../../i18n-context';
import { errorsAt, useFormContext } from './form-context';
import { describedBy, ErrorText, fieldIds, Hint, LabelText } from './field-parts';
import { addressText } from './format-answer';
import { getAt } from './paths';

const MAX_RESULTS = 8;

function readAddress(raw: unknown): AddressAnswer | undefined {
  if (typeof raw === 'string') return raw.trim() ? { detail: '', freeText: raw } : undefined;
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as AddressAnswer) : undefined;
}

/** Nothing typed or picked: the answer is removed rather than stored empty. */
function tidyAnswer(a: AddressAnswer): AddressAnswer | undefined {
  const out: AddressAnswer = { detail: a.detail };
  for (const key of ['provinceCode', 'provinceName', 'communeCode', 'communeName', 'unitsVersion', 'freeText'] as const) {
    const v = a[key];
    if (v !== undefined && v !== '') out[key] = v;
  }
  return out.provinceCode || out.communeCode || out.freeText || out.detail.trim() ? out : undefined;
}

const SORTED = new WeakMap<AdminUnits, AdminUnits['provinces']>();

/** Provinces by name, as people look for them ("Tỉnh"/"Thành phố" ignored). */
function sortedProvinces(units: AdminUnits): AdminUnits['provinces'] {
  let list = SORTED.get(units);
  if (!list) {
    list = [...units.provinces].sort((a, b) => foldUnitName(a.name).localeCompare(foldUnitName(b.name)));
    SORTED.set(units, list);
  }
  return list;
}

export function AddressField({ field, path }: { field: AddressSchema; path: string }) {
  const { t, lang } = useI18n();
  const { answers, errors, units, unitsMissing, onChange, onBlur, onFocus } = useFormContext();
  const value = readAddress(getAt(answers, path));
  const hasCodes = Boolean(value?.provinceCode || value?.communeCode);
  const [mode, setMode] = useState<'pick' | 'text'>(() => (value?.freeText && !hasCodes ? 'text' : 'pick'));
  const [query, setQuery] = useState('');
  const error = errorsAt(errors, path);
  const ids = fieldIds(path);
  const hint = field.hint ? pick(field.hint, lang) : undefined;
  const sub = (name: string) => `${ids.control}-${name}`;
  const events = {
    onFocus: () => onFocus(path),
    // Moving between the parts of one address is not leaving it.
    onBlur: (e: FocusEvent) => {
      const next = e.relatedTarget;
      if (!(next instanceof Node && document.getElementById(ids.control)?.contains(next))) onBlur(path);
    },
  };
  /** Each control of the address carries the field's message too. */
  const a11y = (...described: string[]) => ({
    'aria-invalid': error ? (true as const) : undefined,
    'aria-describedby': [...described, error ? ids.error : ''].filter(Boolean).join(' ') || undefined,
  });

  const set = (next: AddressAnswer) => onChange(path, tidyAnswer(next));
  const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  // Codes the loaded list does not know: picked from an older list (or a list not loaded at all).
  const stale = hasCodes && (!units || !findUnit(units, value?.provinceCode ?? '', value?.communeCode));

  function pickProvince(code: string) {
    const province = units && code ? findUnit(units, code) : undefined;
    const keepCommune = province && value?.communeCode && findUnit(units!, code, value.communeCode);
    set({
      detail: value?.detail ?? '',
      ...(province ? { provinceCode: province.provinceCode, provinceName: province.provinceName, unitsVersion: units!.version } : {}),
      ...(keepCommune && value?.communeCode !== undefined ? { communeCode: value.communeCode } : {}),
      ...(keepCommune && value?.communeName !== undefined ? { communeName: value.communeName } : {}),
      ...(value?.freeText ? { freeText: value.freeText } : {}),
    });
  }

  function pickCommune(match: UnitMatch) {
    set({ ...match, detail: value?.detail ?? '', ...(units ? { unitsVersion: units.version } : {}) });
    setQuery('');
    focusSoon(sub('detail'));
  }

  function clearCommune() {
    const { communeCode: _code, communeName: _name, ...rest } = value ?? { detail: '' };
    set(rest);
    focusSoon(sub('commune'));
  }

  function toText() {
    const text = value ? addressText(value) : '';
    set({ detail: '', freeText: text });
    setMode('text');
    focusSoon(sub('text'));
  }

  function toPick() {
    // A typed address that names units of the list ("…, Xã Hoằng Hoá, Tỉnh Thanh Hoá") is picked at once.
    const resolved = units && value?.freeText ? addressFromText(value.freeText, units) : undefined;
    if (resolved?.communeCode) set(resolved);
    setMode('pick');
    focusSoon(resolved?.communeCode ? sub('detail') : sub('province'));
  }

  const results =
    units && query.trim() && !value?.communeCode
      ? searchUnits(units, query, { provinceCode: value?.provinceCode, limit: MAX_RESULTS * 3 })
          .filter((m) => m.communeCode)
          .slice(0, MAX_RESULTS)
      : [];

  let body;
  if (stale && units) {
    body = (
      <div class="address__old">
        <p>{t('formUi.address.oldList', { text: addressText(value) })}</p>
        <button type="button" class="btn" onClick={() => set({ detail: value?.detail ?? '' })} {...events}>
          {t('formUi.address.repick')}
        </button>
      </div>
    );
  } else if (units && mode === 'pick') {
    body = (
      <>
        <div class="subfield">
          <label for={sub('province')}>{t('formUi.address.province')}</label>
          <select
            id={sub('province')}
            {...a11y()}
            value={value?.provinceCode ?? ''}
            onChange={(e) => pickProvince(e.currentTarget.value)}
            {...events}
          >
            <option value="">{t('formUi.address.provinceNone')}</option>
            {sortedProvinces(units).map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div class="subfield">
          {value?.communeCode ? (
            <>
              <p class="address__picked" id={sub('commune-picked')}>
                {t('formUi.address.picked', { name: [value.communeName, value.provinceName].filter(Boolean).join(', ') })}
              </p>
              <button type="button" class="btn btn--small" onClick={clearCommune} {...events}>
                {t('formUi.address.change')}
              </button>
            </>
          ) : (
            <>
              <label for={sub('commune')}>{t('formUi.address.commune')}</label>
              <p class="hint" id={sub('commune-hint')}>
                {t('formUi.address.communeHint')}
              </p>
              <input
                id={sub('commune')}
                type="search"
                autoComplete="off"
                {...a11y(sub('commune-hint'), sub('commune-count'))}
                aria-controls={sub('commune-results')}
                value={query}
                onInput={(e) => setQuery(e.currentTarget.value.normalize('NFC'))}
                onKeyDown={(e) => {
                  // Enter (the phone keyboard's "Go") picks the first match instead of leaving the form.
                  if (e.key !== 'Enter') return;
                  e.preventDefault();
                  if (results[0]) pickCommune(results[0]);
                }}
                {...events}
              />
              <p id={sub('commune-count')} class="visually-hidden" role="status">
                {query.trim() ? t('formUi.address.results', { count: results.length }) : ''}
              </p>
              <ul id={sub('commune-results')} class="unit-results">
                {results.map((m) => (
                  <li key={m.communeCode}>
                    <button type="button" class="unit-result" onClick={() => pickCommune(m)} {...events}>
                      <strong>{m.communeName}</strong>
                      <span class="muted">, {m.provinceName}</span>
                    </button>
                  </li>
                ))}
              </ul>
              {value?.freeText && <p class="muted">{t('formUi.address.typedBefore', { text: value.freeText })}</p>}
            </>
          )}
        </div>
        <div class="subfield">
          <label for={sub('detail')}>{t('formUi.address.detail')}</label>
          <input
            id={sub('detail')}
            {...a11y()}
            type="text"
            autoComplete="off"
            maxLength={200}
            value={value?.detail ?? ''}
            onInput={(e) => set({ ...(value ?? { detail: '' }), detail: e.currentTarget.value })}
            {...events}
          />
        </div>
        <button type="button" class="btn btn--link" onClick={toText} {...events}>
          {t('formUi.address.useFreeText')}
        </button>
      </>
    );
  } else {
    body = (
      <>
        {unitsMissing === 'loading' && <p class="muted">{t('formUi.address.loading')}</p>}
        {unitsMissing === 'failed' && <p class="muted">{t('formUi.address.unavailable')}</p>}
        {stale && <p>{addressText(value)}</p>}
        <div class="subfield">
          <label for={sub('text')}>{t('formUi.address.freeText')}</label>
          <p class="hint" id={sub('text-hint')}>
            {t('formUi.address.freeTextHint')}
          </p>
          <textarea
            id={sub('text')}
            rows={2}
            maxLength={300}
            {...a11y(sub('text-hint'))}
            value={value?.freeText ?? ''}
            onInput={(e) => set({ ...(stale && value ? value : { detail: '' }), freeText: e.currentTarget.value })}
            {...events}
          />
        </div>
        {units && (
          <button type="button" class="btn btn--link" onClick={toPick} {...events}>
            {t('formUi.address.usePicker')}
          </button>
        )}
      </>
    );
  }

  return (
    <fieldset id={ids.control} class={`field address${error ? ' field--error' : ''}`} aria-describedby={describedBy(ids, hint, error)}>
      <legend>
        <LabelText field={field} />
      </legend>
      <Hint ids={ids} text={hint} />
      {body}
      <ErrorText ids={ids} text={error} />
    </fieldset>
  );
}
