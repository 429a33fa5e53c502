/**
 * The procedure catalogue: search as people type on phones, filters by office and online category.
 * The URL holds the query and filters (replaceState), so Back from a procedure returns here intact.
 */
import { useMemo } from 'preact/hooks';
import { HANDLERS, PROCEDURE_ONLINE_CATEGORIES, type HandledBy, type ProcedureOnlineCategory } from '../../domain/catalog';
import { createSearchIndex } from '../../domain/search';
import { isoToVn } from '../../domain/dates';
import { SEARCH_SYNONYMS } from '../../content/catalog';
import { useI18n } from '../i18n-context';
import { useCatalog } from '../catalog-source';
import { EXPLAINER_PATH, catalogPath, navigate, type CatalogQuery } from '../router';
import { Link } from '../components/Link';
import { FilterChips } from '../components/catalog/FilterChips';
import { ResultList } from '../components/catalog/ResultList';
import { categoryLabel, handlerLabel } from '../components/catalog/labels';
import '../components/catalog/catalog.css';

function oneOf<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  return (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

export default function CatalogScreen({ query }: { query: CatalogQuery }) {
  const { t } = useI18n();
  const catalog = useCatalog();
  const index = useMemo(() => createSearchIndex(catalog.procedures, { synonyms: SEARCH_SYNONYMS }), [catalog]);
  const handledBy = oneOf<HandledBy>(query.handledBy, HANDLERS);
  const onlineCategory = oneOf<ProcedureOnlineCategory>(query.category, PROCEDURE_ONLINE_CATEGORIES);
  const results = useMemo(() => index.search(query.q, { handledBy, onlineCategory }), [index, query.q, handledBy, onlineCategory]);
  const update = (patch: Partial<CatalogQuery>) => navigate(catalogPath({ ...query, ...patch }), true);
  // The button disappears once pressed: put the user back in the search box.
  const clearAll = () => {
    navigate(catalogPath(), true);
    document.getElementById('catalog-q')?.focus();
  };
  const filtered = query.q.trim() !== '' || handledBy !== undefined || onlineCategory !== undefined;

  return (
    <div class="catalog">
      <h1>{t('catalog.title')}</h1>
      <p class="lead">{t('catalog.intro')}</p>
      <form role="search" class="catalog__search" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="catalog-q">{t('catalog.searchLabel')}</label>
          <p id="catalog-q-hint" class="hint">
            {t('catalog.searchHint')}
          </p>
          <input
            id="catalog-q"
            type="search"
            name="q"
            autoComplete="off"
            autoCapitalize="off"
            spellcheck={false}
            enterKeyHint="search"
            aria-describedby="catalog-q-hint"
            value={query.q}
            onInput={(e) => update({ q: e.currentTarget.value })}
          />
        </div>
        <FilterChips
          name="handledBy"
          legend={t('catalog.handlerLegend')}
          value={handledBy ?? ''}
          onChange={(value) => update({ handledBy: value })}
          options={[{ value: '', label: t('catalog.all') }, ...HANDLERS.map((h) => ({ value: h, label: handlerLabel(t, h) }))]}
        />
        <FilterChips
          name="category"
          legend={t('catalog.categoryLegend')}
          value={onlineCategory ?? ''}
          onChange={(value) => update({ category: value })}
          options={[
            { value: '', label: t('catalog.all') },
            ...PROCEDURE_ONLINE_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c) })),
          ]}
        />
      </form>
      <p class="catalog__count" role="status" aria-live="polite" data-testid="result-count">
        {t('catalog.count', { count: results.length })}
      </p>
      {results.length === 0 && (
        <div class="catalog__empty">
          <p>{t('catalog.emptyHint')}</p>
        </div>
      )}
      {filtered && (
        <button type="button" class="btn" onClick={clearAll}>
          {t('catalog.clear')}
        </button>
      )}
      <ResultList procedures={results} />
      <p class="link-row">
        <Link href={EXPLAINER_PATH}>{t('catalog.explainerLink')}</Link>
      </p>
      <p class="muted">{t('catalog.published', { date: isoToVn(catalog.publishedOn) })}</p>
    </div>
  );
}
