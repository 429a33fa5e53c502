/** "At the counter: 2 trips; online: 0 trips": the benefit of going online, for one procedure. */
import type { Procedure } from '../../../domain/catalog';
import { useI18n } from '../../i18n-context';
import './trips.css';

export function TripsCompare({ procedure }: { procedure: Procedure }) {
  const { t } = useI18n();
  const online = procedure.onlineCategory !== 'none';
  const saved = procedure.visitsAtCounter - procedure.visitsOnline;
  return (
    <div class="trips">
      <dl class="trips__grid">
        <div class="trips__cell">
          <dt>{t('procedure.atCounter')}</dt>
          <dd data-testid="trips-counter">{t('procedure.trips', { count: procedure.visitsAtCounter })}</dd>
        </div>
        <div class={`trips__cell${online ? ' trips__cell--online' : ''}`}>
          <dt>{t('procedure.online')}</dt>
          <dd data-testid="trips-online">{online ? t('procedure.trips', { count: procedure.visitsOnline }) : t('procedure.notOnline')}</dd>
        </div>
      </dl>
      <p class="trips__summary">{online ? t('procedure.tripsSaved', { count: saved }) : t('procedure.tripsNotOnline')}</p>
    </div>
  );
}
