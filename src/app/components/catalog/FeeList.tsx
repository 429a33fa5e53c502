/**
 * What the procedure costs today at the counter and online, in words and đồng ("15.000 đ"), and
 * the rates that hold today for some applicants only (a waiver), each with its condition, its end
 * date and why. The rule of the day comes from the catalogue's fee periods (domain/fees.ts), so
 * the page changes by itself when a waiver ends.
 */
import type { FeeCondition, FeeLine, FeePeriod, Procedure } from '../../../domain/catalog';
import { type CalendarDate, formatVnDate, isoToVn, vietnamDateOf } from '../../../domain/dates';
import { conditionalPeriodsOn, feesOn } from '../../../domain/fees';
import { describeFee } from '../../../domain/money';
import { pick } from '../../../domain/localized';
import { useI18n } from '../../i18n-context';

function conditionLabel(t: ReturnType<typeof useI18n>['t'], condition: FeeCondition): string {
  switch (condition) {
    case 'vneid-level-2':
      return t('procedure.feeCondition.vneid-level-2');
  }
}

/** One conditional rate: "If you have …: Free", why, until when, on what basis. */
function ConditionalRate({ period, testId }: { period: FeePeriod & { condition: FeeCondition }; testId: string }) {
  const { t, lang } = useI18n();
  const inPerson = period.inPerson && describeFee(period.inPerson, lang);
  const online = period.online && describeFee(period.online, lang);
  const rate =
    inPerson && online && inPerson !== online
      ? `${t('procedure.feeAtCounter')}: ${inPerson}; ${t('procedure.feeOnline')}: ${online}`
      : (inPerson ?? online);
  return (
    <div class="fee-period" data-testid={testId}>
      <p class="fee-period__rate">
        {t('procedure.feeIf', { condition: conditionLabel(t, period.condition) })} <strong class="fee">{rate}</strong>
      </p>
      <p class="fee-period__reason">{pick(period.reason, lang)}</p>
      <p class="muted">
        {period.until && t('procedure.feeUntil', { date: isoToVn(period.until) })}{' '}
        <span lang={lang === 'vi' ? undefined : 'vi'}>{t('procedure.feeBasis', { basis: period.basis })}</span>
      </p>
    </div>
  );
}

/** The counter and online fees of one line (the procedure, or one of its cases) on `today`. */
function FeeLineView({ line, today, testIdPrefix }: { line: FeeLine; today: CalendarDate; testIdPrefix: string }) {
  const { t, lang } = useI18n();
  const counter = feesOn(line, 'inPerson', today).standard;
  const online = feesOn(line, 'online', today).standard;
  const why = (period: FeePeriod | undefined) => period && <span class="facts__note">{pick(period.reason, lang)}</span>;
  return (
    <>
      <dl class="facts">
        <div>
          <dt>{t('procedure.feeAtCounter')}</dt>
          <dd>
            <span class="fee" data-testid={`${testIdPrefix}-counter`}>
              {describeFee(counter.rule, lang)}
            </span>
            {why(counter.period)}
          </dd>
        </div>
        <div>
          <dt>{t('procedure.feeOnline')}</dt>
          <dd>
            <span class="fee" data-testid={`${testIdPrefix}-online`}>
              {describeFee(online.rule, lang)}
            </span>
            {why(online.period)}
          </dd>
        </div>
      </dl>
      {conditionalPeriodsOn(line, today).map((period, i) => (
        <ConditionalRate key={i} period={period} testId={`${testIdPrefix}-if`} />
      ))}
    </>
  );
}

export function FeeList({ procedure: p }: { procedure: Procedure }) {
  const { t, lang } = useI18n();
  const today = vietnamDateOf(Date.now());
  return (
    <section aria-labelledby="fees-title" class="card">
      <h2 id="fees-title">{t('procedure.feesTitle')}</h2>
      <p class="muted" data-testid="fee-date">
        {t('procedure.feesToday', { date: formatVnDate(today) })}
      </p>
      <FeeLineView line={p.fee} today={today} testIdPrefix="fee" />
      {(p.fee.cases ?? []).map((feeCase) => (
        <section key={feeCase.id} class="fee-case" aria-labelledby={`fee-case-${feeCase.id}`}>
          <h3 id={`fee-case-${feeCase.id}`}>{pick(feeCase.name, lang)}</h3>
          <FeeLineView line={feeCase} today={today} testIdPrefix={`fee-case-${feeCase.id}`} />
          {feeCase.note && <p class="muted">{pick(feeCase.note, lang)}</p>}
        </section>
      ))}
      {p.fee.note && <p class="muted">{pick(p.fee.note, lang)}</p>}
    </section>
  );
}
