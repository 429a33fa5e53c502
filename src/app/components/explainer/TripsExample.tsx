/** The benefit made concrete: pick a procedure, see the trips at the counter against online. */
import { useState } from 'preact/hooks';
import type { Procedure } from '../../../domain/catalog';
import { pick } from '../../../domain/localized';
import { useI18n } from '../../i18n-context';
import { procedurePath } from '../../router';
import { Link } from '../Link';
import { TripsCompare } from '../catalog/TripsCompare';

export function TripsExample({ procedures, initial }: { procedures: readonly Procedure[]; initial: Procedure | undefined }) {
  const { t, lang } = useI18n();
  const [slug, setSlug] = useState(initial?.slug ?? procedures[0]?.slug ?? '');
  const chosen = procedures.find((p) => p.slug === slug);
  if (!chosen) return null;
  return (
    <div class="trips-example">
      <div class="field">
        <label for="trips-procedure">{t('explainer.tripsChoose')}</label>
        <select id="trips-procedure" value={slug} onChange={(e) => setSlug(e.currentTarget.value)}>
          {procedures.map((p) => (
            <option key={p.slug} value={p.slug}>
              {pick(p.name, lang)}
            </option>
          ))}
        </select>
      </div>
      <TripsCompare procedure={chosen} />
      <p>
        <Link href={procedurePath(chosen.slug)}>{t('explainer.seeProcedure')}</Link>
      </p>
    </div>
  );
}
