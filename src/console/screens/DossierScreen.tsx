/**
 * One dossier as the officer works on it: every answer as the form's labelled review rows (the
 * same code as the phone's review step, src/ui/review), photos as thumbnails with a viewer (each
 * view is a GET the server audits), the consent record, who sent it, the history, and the
 * actions the lifecycle table allows this role now (the server decides again).
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { findForm } from '../../content/forms';
import { attachmentsOf } from '../../domain/attachment-refs';
import type { DossierAction } from '../../domain/dossier-lifecycle';
import { pick } from '../../domain/localized';
import { normalizeAnswers } from '../../domain/validate';
import { itemTitleOf } from '../../ui/review/path-labels';
import { ReviewList } from '../../ui/review/ReviewList';
import { reviewRows } from '../../ui/review/review-rows';
import { ActionDialog } from '../ActionDialog';
import { useConsole } from '../context';
import { vnDateTime } from '../format';
import { Notice, refusalText } from '../Notice';
import type { DossierDetail } from '../types';

export function DossierScreen({ ref_ }: { ref_: string }) {
  const { api, t, lang, navigate } = useConsole();
  const [detail, setDetail] = useState<DossierDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [acting, setActing] = useState<DossierAction | null>(null);
  const [photo, setPhoto] = useState<string | null>(null);

  const load = useCallback(async () => {
    const answer = await api.get<DossierDetail>(`/api/v1/dossiers/${encodeURIComponent(ref_)}`);
    if (answer.ok) {
      setDetail(answer.value);
      setError(null);
    } else setError(refusalText(t, answer));
  }, [api, ref_, t]);
  useEffect(() => void load(), [load]);

  const form = detail ? findForm(detail.dossier.formId, detail.dossier.formVersion) : undefined;
  const rows = useMemo(() => {
    if (!detail || !form) return [];
    return reviewRows({
      form,
      answers: detail.dossier.answers,
      tidy: normalizeAnswers(form, detail.dossier.answers),
      lang,
      itemTitle: (group, index) =>
        itemTitleOf(group, index, lang, (label, n) => (label ? t('review.item', { label, n }) : t('review.itemDefault', { n }))),
      words: {
        yes: t('review.yes'),
        no: t('review.no'),
        years: (count) => t('review.years', { count }),
        files: (count) => t('review.files', { count }),
      },
    });
  }, [detail, form, lang, t]);

  if (!detail) return error ? <Notice kind="error" text={error} /> : <p class="muted">{t('app.loading')}</p>;
  const d = detail.dossier;
  const photos = form ? attachmentsOf(form, d.answers) : [];
  const printable = (['01', '02', '03'] as const).filter((f) =>
    detail.history.some((h) => h.action === { '01': 'receive', '02': 'request-supplement', '03': 'refuse' }[f]),
  );

  return (
    <article class="dossier" aria-labelledby="dossier-title">
      <p>
        <a
          href="/can-bo/"
          onClick={(e) => {
            e.preventDefault();
            navigate({ page: 'inbox' });
          }}
        >
          ← {t('dossier.back')}
        </a>
      </p>
      <h1 id="dossier-title">
        {d.dossierCode} · {form ? pick(form.title, lang) : d.formId}
      </h1>
      <p>
        <span class={`status status--${d.status}`}>{t(`status.${d.status}`)}</span> ·{' '}
        {t('dossier.receivedAt', { at: vnDateTime(d.receivedAt) })}
        {d.dueAt !== undefined && (
          <>
            {' · '}
            <strong>{t('dossier.due', { at: vnDateTime(d.dueAt) })}</strong>
            {d.dueEstimated && ` (${t('inbox.estimated')})`}
          </>
        )}
      </p>
      <Notice kind="error" text={error} />
      <Notice kind="ok" text={done} />
      <div class="columns">
        <section aria-labelledby="answers-title" class="card">
          <h2 id="answers-title">{t('dossier.answers')}</h2>
          <ReviewList rows={rows} words={{ empty: t('dossier.empty'), noItems: t('dossier.noItems') }} />
          {photos.length > 0 && (
            <>
              <h3>{t('review.photos')}</h3>
              <ul class="thumbs">
                {photos.map((p, i) => (
                  <li key={p.ref.sha256}>
                    <button type="button" class="thumb" aria-label={t('review.open', { n: i + 1 })} onClick={() => setPhoto(p.ref.sha256)}>
                      <img src={`/api/v1/blobs/${p.ref.sha256}`} alt="" width={120} height={90} loading="lazy" />
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <div class="side">
          <section aria-labelledby="actions-title" class="card">
            <h2 id="actions-title">{t('dossier.actions')}</h2>
            {detail.actions.length === 0 && <p class="muted">{t('dossier.noActions')}</p>}
            <div class="actions">
              {detail.actions.map((action) => (
                <button
                  type="button"
                  key={action}
                  class={action === 'refuse' ? 'danger' : action === 'receive' ? '' : 'secondary'}
                  onClick={() => setActing(action)}
                >
                  {t(`action.${action}`)}
                </button>
              ))}
            </div>
            {printable.map((f) => (
              <p key={f}>
                <a
                  href={`/can-bo/ho-so/${d.dossierCode}/in/${f}`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate({ page: 'print', ref: d.dossierCode, form: f });
                  }}
                >
                  🖨 {t(`print.form${f}`)}
                </a>
              </p>
            ))}
          </section>
          <section aria-labelledby="sender-title" class="card">
            <h2 id="sender-title">{t('dossier.sender')}</h2>
            <p>
              {t(d.deviceKind === 'staff' ? 'dossier.sentBy.staff' : 'dossier.sentBy.resident')}
              {d.villageId && ` · ${t('inbox.village', { village: d.villageId })}`}
            </p>
            <p class="muted small">{t('dossier.device', { id: d.deviceId.slice(0, 8) })}</p>
            <p class="small">
              {d.consent
                ? t('dossier.consent', { version: d.consent.version, at: vnDateTime(d.consent.agreedAt) })
                : t('dossier.noConsent')}
            </p>
          </section>
          <section aria-labelledby="history-title" class="card">
            <h2 id="history-title">{t('dossier.history')}</h2>
            <ol class="history">
              {detail.history.map((h) => (
                <li key={h.seq}>
                  <strong>{vnDateTime(h.changedAt)}</strong> · {h.from ? `${t(`status.${h.from}`)} → ` : ''}
                  {t(`status.${h.status}`)} · {h.by ? t('dossier.historyBy', { name: h.by.displayName }) : t('dossier.historySystem')}
                  {h.note && <p class="note">{h.note}</p>}
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
      {acting && (
        <ActionDialog
          action={acting}
          dossier={detail}
          onClose={() => setActing(null)}
          onDone={(status) => {
            setActing(null);
            setDone(t('action.done', { status: t(`status.${status}`) }));
            void load();
          }}
        />
      )}
      {photo && (
        <dialog open class="viewer" aria-label={t('review.photos')}>
          <img src={`/api/v1/blobs/${photo}`} alt={t('review.photos')} />
          <button type="button" onClick={() => setPhoto(null)}>
            {t('review.close')}
          </button>
        </dialog>
      )}
    </article>
  );
}
