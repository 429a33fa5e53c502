/**
 * The inbox: server-side paging, filters (status tabs with counts, procedure, source, due, date
 * range), search without diacritics, sorted by appointment. Polls every 20 seconds so new
 * dossiers appear without a reload; the filters live in the page's query string so a reload or
 * the back button keeps them.
 */
import { useEffect, useState } from 'preact/hooks';
import { FORMS } from '../../content/forms';
import { pick } from '../../domain/localized';
import { inboxSearchParams, type InboxPage, type InboxQuery } from '../../domain/office';
import { DOSSIER_STATUSES } from '../../domain/protocol';
import { useConsole } from '../context';
import { isoDayOf, startOfVnDay, vnDateTime } from '../format';
import { Notice, refusalText } from '../Notice';

export const INBOX_POLL_MS = 20_000;
const DAY = 86_400_000;

type Loose<T> = { [K in keyof T]?: T[K] | undefined };
type Filters = Loose<Omit<InboxQuery, 'from' | 'to'> & { fromDay: string; toDay: string }>;

function readFilters(): Filters {
  const p = new URLSearchParams(location.search);
  const f: Filters = {};
  for (const key of ['status', 'formId', 'source', 'due', 'q', 'fromDay', 'toDay'] as const) {
    const v = p.get(key);
    if (v) (f as Record<string, string>)[key] = v;
  }
  const page = Number(p.get('page'));
  if (page >= 1) f.page = page;
  return f;
}

function queryOf(f: Filters): string {
  const { fromDay, toDay, ...rest } = f;
  const from = fromDay ? startOfVnDay(fromDay) : undefined;
  const toStart = toDay ? startOfVnDay(toDay) : undefined;
  return inboxSearchParams({ ...rest, from, to: toStart !== undefined ? toStart + DAY : undefined });
}

export function InboxScreen() {
  const { api, t, lang, navigate, now } = useConsole();
  const [filters, setFilters] = useState<Filters>(readFilters);
  const [q, setQ] = useState(filters.q ?? '');
  const [page, setPage] = useState<InboxPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);

  useEffect(() => {
    let alive = true;
    const load = async () => {
      const answer = await api.get<InboxPage>(`/api/v1/inbox?${queryOf(filters)}`);
      if (!alive) return;
      if (answer.ok) {
        setPage(answer.value);
        setError(null);
        setUpdatedAt(now());
      } else setError(refusalText(t, answer));
    };
    void load();
    const timer = setInterval(() => void load(), INBOX_POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [api, filters, t, now]);

  function apply(next: Filters): void {
    const clean = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined && v !== '')) as Filters;
    const search = new URLSearchParams(Object.entries(clean).map(([k, v]) => [k, String(v)])).toString();
    history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
    setFilters(clean);
  }
  const set = (patch: Filters) => apply({ ...filters, ...patch, page: undefined });

  const pages = page ? Math.max(1, Math.ceil(page.total / page.pageSize)) : 1;
  const allCount = page ? Object.values(page.counts).reduce((a, b) => a + (b ?? 0), 0) : 0;
  const at = now();

  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title">{t('inbox.title')}</h1>
      <div class="tabs" role="group" aria-label={t('inbox.state')}>
        {[undefined, ...DOSSIER_STATUSES].map((status) => (
          <button type="button" key={status ?? 'all'} class="tab" aria-pressed={filters.status === status} onClick={() => set({ status })}>
            {t(status ? `status.${status}` : 'status.all')} <span class="count">{status ? (page?.counts[status] ?? 0) : allCount}</span>
          </button>
        ))}
      </div>
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          set({ q });
        }}
      >
        <label class="grow">
          {t('inbox.search')}
          <input type="search" name="q" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('inbox.searchButton')}</button>
        <label>
          {t('inbox.procedure')}
          <select value={filters.formId ?? ''} onChange={(e) => set({ formId: e.currentTarget.value || undefined })}>
            <option value="">{t('inbox.anyProcedure')}</option>
            {FORMS.map((f) => (
              <option key={f.id} value={f.id}>
                {pick(f.title, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('inbox.source')}
          <select value={filters.source ?? ''} onChange={(e) => set({ source: (e.currentTarget.value || undefined) as Filters['source'] })}>
            <option value="">{t('inbox.anySource')}</option>
            <option value="resident">{t('inbox.resident')}</option>
            <option value="staff">{t('inbox.staff')}</option>
          </select>
        </label>
        <label>
          {t('inbox.due')}
          <select value={filters.due ?? ''} onChange={(e) => set({ due: (e.currentTarget.value || undefined) as Filters['due'] })}>
            <option value="">{t('inbox.anyDue')}</option>
            <option value="overdue">{t('inbox.overdue')}</option>
            <option value="soon">{t('inbox.soon')}</option>
          </select>
        </label>
        <label>
          {t('inbox.from')}
          <input type="date" value={filters.fromDay ?? ''} max={isoDayOf(at)} onChange={(e) => set({ fromDay: e.currentTarget.value })} />
        </label>
        <label>
          {t('inbox.to')}
          <input type="date" value={filters.toDay ?? ''} onChange={(e) => set({ toDay: e.currentTarget.value })} />
        </label>
      </form>
      <Notice kind="error" text={error} />
      {page && (
        <>
          <p class="muted" aria-live="polite">
            {t('inbox.total', { count: page.total })}
            {updatedAt !== null && ` · ${t('inbox.updated', { time: vnDateTime(updatedAt) })}`}
          </p>
          {page.items.length === 0 ? (
            <p>{t('inbox.empty')}</p>
          ) : (
            <table class="inbox">
              <thead>
                <tr>
                  <th scope="col">{t('inbox.code')}</th>
                  <th scope="col">{t('inbox.applicant')}</th>
                  <th scope="col">{t('inbox.procedure')}</th>
                  <th scope="col">{t('inbox.receivedAt')}</th>
                  <th scope="col">{t('inbox.dueAt')}</th>
                  <th scope="col">{t('inbox.state')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((item) => {
                  const overdue =
                    item.dueAt !== undefined && item.dueAt < at && (item.status === 'received' || item.status === 'processing');
                  const form = FORMS.find((f) => f.id === item.formId);
                  return (
                    <tr key={item.id} class={overdue ? 'overdue' : undefined}>
                      <td>
                        <a
                          href={`/can-bo/ho-so/${item.dossierCode}`}
                          onClick={(e) => {
                            e.preventDefault();
                            navigate({ page: 'dossier', ref: item.dossierCode });
                          }}
                        >
                          {item.dossierCode}
                        </a>
                      </td>
                      <td>{item.applicant}</td>
                      <td>
                        {form ? pick(form.title, lang) : item.formId}
                        <br />
                        <span class="muted small">
                          {t(item.deviceKind === 'staff' ? 'inbox.staff' : 'inbox.resident')}
                          {item.villageId && ` · ${t('inbox.village', { village: item.villageId })}`}
                        </span>
                      </td>
                      <td>{vnDateTime(item.receivedAt)}</td>
                      <td>
                        {item.dueAt !== undefined ? vnDateTime(item.dueAt) : '—'}
                        {item.dueEstimated && <span class="muted"> ({t('inbox.estimated')})</span>}
                        {overdue && <strong class="flag"> {t('inbox.overdueFlag')}</strong>}
                      </td>
                      <td>
                        <span class={`status status--${item.status}`}>{t(`status.${item.status}`)}</span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <nav class="pager" aria-label={t('inbox.page', { page: page.page, pages })}>
            <button type="button" class="secondary" disabled={page.page <= 1} onClick={() => apply({ ...filters, page: page.page - 1 })}>
              {t('inbox.prev')}
            </button>
            <span>{t('inbox.page', { page: page.page, pages })}</span>
            <button
              type="button"
              class="secondary"
              disabled={page.page >= pages}
              onClick={() => apply({ ...filters, page: page.page + 1 })}
            >
              {t('inbox.next')}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
