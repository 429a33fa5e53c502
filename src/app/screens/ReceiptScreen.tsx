/**
 * /ho-so/:id: the receipt a resident can show, right after "Gửi" and later from the dossier list.
 * The same screen while the dossier waits on the phone ("Đã lưu trên máy, sẽ tự gửi khi có mạng")
 * and once the server answered (the dossier code in large type): it follows the outbox and the
 * dossiers table live, so the code appears without a reload. Printable (receipt.css hides the
 * app's chrome) and shareable.
 */
import type { Procedure } from '../../domain/catalog';
import { dossierStory } from '../../domain/dossier-story';
import { pick } from '../../domain/localized';
import { findForm } from '../../content/forms';
import { useCatalog } from '../catalog-source';
import { Link } from '../components/Link';
import { ReceiptActions } from '../components/receipt/ReceiptActions';
import { BringList, ExpectedDate, ReceiptFee } from '../components/receipt/ReceiptFacts';
import { Timeline } from '../components/receipt/Timeline';
import { useLiveQuery } from '../hooks/use-live-query';
import { useI18n } from '../i18n-context';
import { phone } from '../phone';
import { DOSSIERS_PATH } from '../router';
import '../components/catalog/catalog.css';
import '../components/receipt/receipt.css';

export default function ReceiptScreen({ dossierId }: { dossierId: string }) {
  const { t, lang } = useI18n();
  const catalog = useCatalog();
  const found = useLiveQuery(async () => {
    const [queued, dossier] = await Promise.all([phone().outbox.getOutboxItem(dossierId), phone().dossiers.getDossier(dossierId)]);
    return { queued, dossier };
  }, [dossierId]);
  if (!found) return <h1>{t('receipt.title')}</h1>;
  const { queued, dossier } = found;
  if (!queued && !dossier) {
    return (
      <>
        <h1>{t('receipt.title')}</h1>
        <p class="card">{t('receipt.notFound')}</p>
        <p>
          <Link href={DOSSIERS_PATH}>{t('receipt.backToList')}</Link>
        </p>
      </>
    );
  }
  const formId = dossier?.formId ?? queued!.submission.formId;
  const procedure: Procedure | undefined = catalog.procedures.find((p) => p.formId === formId);
  const form = findForm(formId);
  const procedureName = procedure ? pick(procedure.name, lang) : form ? pick(form.title, lang) : formId;
  const label = dossier?.label || queued?.label || '';
  const queuedAt = queued?.queuedAt ?? dossier!.submittedAt;
  const steps = dossierStory({
    queuedAt,
    sending: queued?.state === 'sending',
    followed: dossier?.followed === true,
    ...(dossier ? { sentAt: dossier.receivedAt, events: dossier.history ?? [], status: dossier.status, statusAt: dossier.updatedAt } : {}),
  });
  const stuck = queued && queued.state !== 'queued' && queued.state !== 'sending';

  return (
    <article class="receipt" data-testid="receipt">
      <h1>{t('receipt.title')}</h1>
      <section class="card receipt__head" aria-live="polite">
        {dossier ? (
          <>
            <p class="receipt__label">{t('receipt.code')}</p>
            <p class="receipt__code" data-testid="receipt-code">
              {dossier.dossierCode}
            </p>
            <p class="hint">{dossier.followed ? t('receipt.followedHint') : t('receipt.codeHint')}</p>
          </>
        ) : (
          <p class={stuck ? 'receipt__waiting receipt__waiting--stuck' : 'receipt__waiting'} data-testid="receipt-waiting">
            {stuck ? t('receipt.needsAttention') : queued?.state === 'sending' ? t('receipt.sendingNow') : t('receipt.savedOnPhone')}
          </p>
        )}
        <dl class="facts">
          <div>
            <dt>{t('receipt.procedure')}</dt>
            <dd data-testid="receipt-procedure">{procedureName}</dd>
          </div>
          {label && (
            <div>
              <dt>{t('receipt.applicant')}</dt>
              <dd data-testid="receipt-applicant">{label}</dd>
            </div>
          )}
          {procedure && <ExpectedDate procedure={procedure} from={dossier?.receivedAt ?? queuedAt} />}
        </dl>
        {dossier && <ReceiptActions code={dossier.dossierCode} procedure={procedureName} />}
      </section>
      <Timeline steps={steps} />
      {procedure && <BringList procedure={procedure} />}
      {procedure && <ReceiptFee procedure={procedure} />}
      <p class="no-print">
        <Link href={DOSSIERS_PATH}>{t('receipt.backToList')}</Link>
      </p>
    </article>
  );
}
