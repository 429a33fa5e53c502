/** What the procedure costs at the counter and online, in words and đồng ("15.000 đ"). */
import type { Procedure } from '../../../domain/catalog';
import { describeFee } from '../../../domain/money';
import { pick } from '../../../domain/localized';
import { useI18n } from '../../i18n-context';

export function FeeList({ procedure: p }: { procedure: Procedure }) {
  const { t, lang } = useI18n();
  return (
    <section aria-labelledby="fees-title" class="card">
      <h2 id="fees-title">{t('procedure.feesTitle')}</h2>
      <dl class="facts">
        <div>
          <dt>{t('procedure.feeAtCounter')}</dt>
          <dd class="fee" data-testid="fee-counter">
            {describeFee(p.fee.inPerson, lang)}
          </dd>
        </div>
        <div>
          <dt>{t('procedure.feeOnline')}</dt>
          <dd class="fee" data-testid="fee-online">
            {describeFee(p.fee.online, lang)}
          </dd>
        </div>
      </dl>
      {p.fee.note && <p class="muted">{pick(p.fee.note, lang)}</p>}
    </section>
  );
}
