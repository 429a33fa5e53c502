/**
 * Dossiers the server has answered for (sent from this phone, or followed by code), with their
 * code and the latest status it reported; each opens its receipt and story.
 */
import { phone } from '../phone';
import { formatVnDateTime } from '../../domain/dates';
import { pick } from '../../domain/localized';
import { findForm } from '../../content/forms';
import { useI18n } from '../i18n-context';
import { useEffect } from 'preact/hooks';
import { useLiveQuery } from '../hooks/use-live-query';
import { FOLLOW_PATH, receiptPath } from '../router';
import { Link } from './Link';

export function DossierList() {
  const { t, lang } = useI18n();
  const rows = useLiveQuery(() => phone().dossiers.listDossiers()) ?? [];
  // Names and notes of dossiers whose job is done leave the phone (the live query then redraws).
  useEffect(() => {
    void phone()
      .dossiers.forgetPersonal(Date.now())
      .catch(() => undefined);
  }, []);
  return (
    <section aria-labelledby="dossiers-title" class="card">
      <h2 id="dossiers-title">{t('dossiers.title')}</h2>
      {rows.length === 0 ? (
        <p class="muted">{t('dossiers.none')}</p>
      ) : (
        <ul class="list">
          {rows.map((row) => {
            const form = findForm(row.formId);
            const title = row.label || (form ? pick(form.title, lang) : t('dossiers.personalGone'));
            return (
              <li key={row.id} class="dossier" data-testid="dossier">
                <strong>{title}</strong>
                <span>
                  {t('dossiers.code')}: <code data-testid="dossier-code">{row.dossierCode}</code>
                </span>
                <span class={`badge badge--${row.status}`} data-testid="dossier-status">
                  {t(`status.${row.status}`)}
                </span>
                {row.note && <span class="muted">{row.note}</span>}
                <span class="muted">{t('dossiers.receivedAt', { time: formatVnDateTime(row.receivedAt) })}</span>
                <Link href={receiptPath(row.id)} class="btn dossier__open" aria-label={`${t('receipt.open')}: ${row.dossierCode}`}>
                  {t('receipt.open')}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      <p>
        <Link href={FOLLOW_PATH}>{t('follow.title')}</Link>
      </p>
    </section>
  );
}
