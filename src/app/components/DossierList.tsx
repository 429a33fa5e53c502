/** Dossiers the server has answered for, with their code and the latest status it reported. */
import { phone } from '../phone';
import { formatVnDateTime } from '../../domain/dates';
import { useI18n } from '../i18n-context';
import { useEffect } from 'preact/hooks';
import { useLiveQuery } from '../hooks/use-live-query';

export function DossierList() {
  const { t } = useI18n();
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
          {rows.map((row) => (
            <li key={row.id} class="dossier" data-testid="dossier">
              <strong>{row.label || t('dossiers.personalGone')}</strong>
              <span>
                {t('dossiers.code')}: <code data-testid="dossier-code">{row.dossierCode}</code>
              </span>
              <span class={`badge badge--${row.status}`} data-testid="dossier-status">
                {t(`status.${row.status}`)}
              </span>
              {row.note && <span class="muted">{row.note}</span>}
              <span class="muted">{t('dossiers.receivedAt', { time: formatVnDateTime(row.receivedAt) })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
