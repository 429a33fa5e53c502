/** One procedure in full: facts, trips, the document checklist, fees, legal basis and its source. */
import { findProcedure } from '../../domain/catalog';
import { isoToVn } from '../../domain/dates';
import { pick } from '../../domain/localized';
import { procedureForm } from '../../content/catalog';
import { useI18n } from '../i18n-context';
import { useCatalog } from '../catalog-source';
import { CATALOG_PATH } from '../router';
import { Link } from '../components/Link';
import { ProcedureFacts } from '../components/catalog/ProcedureFacts';
import { TripsCompare } from '../components/catalog/TripsCompare';
import { DocumentChecklist } from '../components/catalog/DocumentChecklist';
import { FeeList } from '../components/catalog/FeeList';
import { FillFormButton } from '../components/catalog/FillFormButton';
import '../components/catalog/catalog.css';

function BackLink() {
  const { t } = useI18n();
  return (
    <p class="back">
      <Link href={CATALOG_PATH}>
        <span aria-hidden="true">←</span>
        {t('procedure.back')}
      </Link>
    </p>
  );
}

export default function ProcedureScreen({ procedureKey }: { procedureKey: string }) {
  const { t, lang } = useI18n();
  const catalog = useCatalog();
  const procedure = findProcedure(catalog, procedureKey);
  if (!procedure) {
    return (
      <div class="procedure">
        <BackLink />
        <h1>{t('procedure.notFoundTitle')}</h1>
        <p role="alert">{t('procedure.notFound')}</p>
      </div>
    );
  }
  const form = procedureForm(procedure);
  // Legal texts and sources exist in Vietnamese only; mark them so screen readers pronounce them right.
  const viOnly = lang === 'vi' ? undefined : 'vi';
  return (
    <div class="procedure">
      <BackLink />
      <h1>{pick(procedure.name, lang)}</h1>
      {lang !== 'vi' && (
        <p class="procedure__vi" lang="vi">
          {procedure.name.vi}
        </p>
      )}
      <ProcedureFacts procedure={procedure} />
      {form && <FillFormButton form={form} />}

      <section aria-labelledby="trips-title" class="card">
        <h2 id="trips-title">{t('procedure.tripsTitle')}</h2>
        <TripsCompare procedure={procedure} />
      </section>

      <DocumentChecklist procedure={procedure} />
      <FeeList procedure={procedure} />

      {procedure.note && (
        <section aria-labelledby="note-title" class="card card--note">
          <h2 id="note-title">{t('procedure.noteTitle')}</h2>
          <p>{pick(procedure.note, lang)}</p>
        </section>
      )}

      <section aria-labelledby="legal-title" class="card">
        <h2 id="legal-title">{t('procedure.legalTitle')}</h2>
        <ul class="legal" lang={viOnly}>
          {procedure.legalBasis.map((basis) => (
            <li key={basis}>{basis}</li>
          ))}
        </ul>
        <dl class="source">
          <div>
            <dt>{t('procedure.source')}</dt>
            <dd lang={viOnly}>{procedure.source}</dd>
          </div>
          <div>
            <dt>{t('procedure.verifiedOn')}</dt>
            <dd>{isoToVn(procedure.verifiedOn)}</dd>
          </div>
        </dl>
      </section>
      <BackLink />
    </div>
  );
}
