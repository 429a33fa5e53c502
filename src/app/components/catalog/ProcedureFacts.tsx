/** A procedure's key facts: code, office, legal time limit, how the result returns, online category. */
import type { Procedure } from '../../../domain/catalog';
import { pick } from '../../../domain/localized';
import { useI18n } from '../../i18n-context';
import { EXPLAINER_PATH } from '../../router';
import { Link } from '../Link';
import { categoryLabel, handlerLabel, resultChannelLabel, timeLimitLabel } from './labels';

export function ProcedureFacts({ procedure: p }: { procedure: Procedure }) {
  const { t, lang } = useI18n();
  const category = categoryLabel(t, p.onlineCategory);
  return (
    <dl class="facts facts--procedure">
      <div>
        <dt>{t('procedure.code')}</dt>
        <dd>{p.code ? <code>{p.code}</code> : t('catalog.noCode')}</dd>
      </div>
      <div>
        <dt>{t('procedure.handledBy')}</dt>
        <dd>{handlerLabel(t, p.handledBy)}</dd>
      </div>
      <div>
        <dt>{t('procedure.timeLimit')}</dt>
        <dd>
          {timeLimitLabel(t, p.timeLimit)}
          {p.timeLimit.note && <span class="facts__note">{pick(p.timeLimit.note, lang)}</span>}
        </dd>
      </div>
      <div>
        <dt>{t('procedure.resultReturn')}</dt>
        <dd>
          <ul class="inline-list">
            {p.resultReturn.map((channel) => (
              <li key={channel}>{resultChannelLabel(t, channel)}</li>
            ))}
          </ul>
        </dd>
      </div>
      <div>
        <dt>{t('procedure.onlineCategory')}</dt>
        <dd>
          <span class={`tag tag--${p.onlineCategory}`}>{category}</span>{' '}
          {p.onlineCategory === 'none' ? (
            <Link href={EXPLAINER_PATH}>{t('procedure.whatAreLevels')}</Link>
          ) : (
            <Link href={`${EXPLAINER_PATH}#${p.onlineCategory}`}>{t('procedure.whatIs', { category })}</Link>
          )}
        </dd>
      </div>
    </dl>
  );
}
