/**
 * What the resident needs at the counter: the expected result date (estimated from the
 * procedure's legal time limit and the holiday data, from the day it reached the commune, or
 * today while it waits on the phone), the fee, and the papers to bring.
 */
import type { Procedure } from '../../../domain/catalog';
import { legalTimeLimit } from '../../../domain/catalog';
import { formatVnDate, vietnamDateOf } from '../../../domain/dates';
import { pick } from '../../../domain/localized';
import { appointmentFor } from '../../../domain/working-days';
import { HOLIDAY_CALENDARS } from '../../../content/holidays';
import { useI18n } from '../../i18n-context';
import { FeeList } from '../catalog/FeeList';

export function ExpectedDate({ procedure, from }: { procedure: Procedure; from: number }) {
  const { t } = useI18n();
  const limit = legalTimeLimit(procedure.timeLimit);
  const due = limit ? appointmentFor(from, limit, HOLIDAY_CALENDARS, { saturdayMorningReception: false }) : null;
  return (
    <div>
      <dt>{t('receipt.expected')}</dt>
      <dd data-testid="receipt-expected">
        {due ? t('receipt.expectedEstimated', { date: formatVnDate(vietnamDateOf(due.dueAt)) }) : t('receipt.expectedNone')}
      </dd>
    </div>
  );
}

export function BringList({ procedure }: { procedure: Procedure }) {
  const { t, lang } = useI18n();
  if (procedure.documents.length === 0) return null;
  return (
    <section class="card" aria-labelledby="bring-title">
      <h2 id="bring-title">{t('receipt.bringTitle')}</h2>
      <ul class="bring">
        {procedure.documents.map((doc) => (
          <li key={doc.id}>
            {pick(doc.name, lang)}
            {doc.copies && <span class="muted"> ({doc.copies})</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ReceiptFee({ procedure }: { procedure: Procedure }) {
  return <FeeList procedure={procedure} />;
}
