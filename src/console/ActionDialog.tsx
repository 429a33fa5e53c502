/**
 * The dialog of one lifecycle action. Tiếp nhận ticks the procedure's checklist from the
 * catalogue (original or copy, how many), the number of sets and how the result is returned;
 * the server computes the appointment. Yêu cầu bổ sung and Từ chối take reasons (catalogue
 * documents ticked as missing, plus free lines) and a note. What was typed stays in the dialog
 * when the server is unreachable or refuses; the message says why, next to the fields.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { BUNDLED_CATALOG } from '../content/catalog';
import { procedureForForm } from '../domain/appointment-text';
import type { DossierAction } from '../domain/dossier-lifecycle';
import { pick } from '../domain/localized';
import { DOCUMENT_FORMS, RETURN_METHODS, type DocumentForm, type ReturnMethod } from '../domain/office';
import type { DossierStatus } from '../domain/protocol';
import { useConsole } from './context';
import { Notice, refusalText } from './Notice';
import type { ActionAnswer, DossierDetail } from './types';

interface Props {
  action: DossierAction;
  dossier: DossierDetail;
  onClose: () => void;
  onDone: (status: DossierStatus) => void;
}

interface DocLine {
  id: string;
  name: string;
  ticked: boolean;
  form: DocumentForm;
  count: number;
}

export function ActionDialog({ action, dossier, onClose, onDone }: Props) {
  const { api, t, lang } = useConsole();
  const procedure = procedureForForm(BUNDLED_CATALOG, dossier.dossier.formId);
  const [docs, setDocs] = useState<DocLine[]>(() =>
    (procedure?.documents ?? []).map((d) => ({ id: d.id, name: pick(d.name, 'vi'), ticked: false, form: 'original', count: 1 })),
  );
  const [sets, setSets] = useState(1);
  const [returnMethod, setReturnMethod] = useState<ReturnMethod>('counter');
  const [reasonLines, setReasonLines] = useState('');
  const [note, setNote] = useState('');
  const [result, setResult] = useState('');
  const [collectAt, setCollectAt] = useState('');
  const [feeVnd, setFeeVnd] = useState(0);
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => ref.current?.querySelector<HTMLElement>('input, textarea, select, button')?.focus(), []);

  const reasonsAction = action === 'request-supplement' || action === 'refuse';

  function body(): Record<string, unknown> {
    const base: Record<string, unknown> = { action };
    if (note.trim()) base.note = note;
    if (action === 'receive') {
      base.documents = docs.filter((d) => d.ticked).map(({ id, name, form, count }) => ({ id, name, form, count }));
      base.sets = sets;
      base.returnMethod = returnMethod;
    }
    if (reasonsAction) {
      const missing = docs.filter((d) => d.ticked).map((d) => d.name);
      const typed = reasonLines
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      base.reasons = [...missing, ...typed];
    }
    if (action === 'record-result') Object.assign(base, { result, collectAt, feeVnd });
    if (action === 'return-result') Object.assign(base, { method: returnMethod, to });
    return base;
  }

  async function submit(e: Event): Promise<void> {
    e.preventDefault();
    const payload = body();
    if (reasonsAction && (payload.reasons as string[]).length === 0 && !note.trim()) {
      setError(t('action.noteRequired'));
      return;
    }
    setBusy(true);
    const answer = await api.send<ActionAnswer>('POST', `/api/v1/dossiers/${dossier.dossier.id}/actions`, payload);
    setBusy(false);
    if (answer.ok) onDone(answer.value.change.status);
    else setError(refusalText(t, answer));
  }

  const methodSelect = (
    <label>
      {t('action.returnMethod')}
      <select value={returnMethod} onChange={(e) => setReturnMethod(e.currentTarget.value as ReturnMethod)}>
        {RETURN_METHODS.map((m) => (
          <option key={m} value={m}>
            {t(`action.${m}`)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div class="backdrop">
      <dialog
        open
        ref={ref}
        class="dialog"
        aria-labelledby="action-title"
        aria-modal="true"
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <form onSubmit={(e) => void submit(e)}>
          <h2 id="action-title">
            {t(`action.${action}`)} · {dossier.dossier.dossierCode}
          </h2>
          {(action === 'receive' || reasonsAction) && docs.length > 0 && (
            <fieldset>
              <legend>{action === 'receive' ? t('action.documents') : t('action.reasons')}</legend>
              {docs.map((d, i) => (
                <div class="doc-line" key={d.id}>
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={d.ticked}
                      onChange={(e) => setDocs(docs.map((x, j) => (j === i ? { ...x, ticked: e.currentTarget.checked } : x)))}
                    />
                    {procedure ? pick(procedure.documents[i]!.name, lang) : d.name}
                  </label>
                  {action === 'receive' && (
                    <>
                      <select
                        aria-label={`${t('action.documents')}: ${d.name}`}
                        value={d.form}
                        onChange={(e) => setDocs(docs.map((x, j) => (j === i ? { ...x, form: e.currentTarget.value as DocumentForm } : x)))}
                      >
                        {DOCUMENT_FORMS.map((f) => (
                          <option key={f} value={f}>
                            {t(`action.${f}`)}
                          </option>
                        ))}
                      </select>
                      <input
                        type="number"
                        min={1}
                        max={99}
                        aria-label={`${t('action.count')}: ${d.name}`}
                        value={d.count}
                        onInput={(e) => setDocs(docs.map((x, j) => (j === i ? { ...x, count: Number(e.currentTarget.value) || 1 } : x)))}
                      />
                    </>
                  )}
                </div>
              ))}
            </fieldset>
          )}
          {action === 'receive' && (
            <div class="row">
              <label>
                {t('action.sets')}
                <input type="number" min={1} max={20} value={sets} onInput={(e) => setSets(Number(e.currentTarget.value) || 1)} />
              </label>
              {methodSelect}
            </div>
          )}
          {reasonsAction && (
            <label>
              {docs.length > 0 ? '' : t('action.reasons')}
              <textarea
                rows={3}
                aria-label={t('action.reasons')}
                value={reasonLines}
                onInput={(e) => setReasonLines(e.currentTarget.value)}
              />
            </label>
          )}
          {action === 'record-result' && (
            <>
              <label>
                {t('action.result')}
                <input value={result} onInput={(e) => setResult(e.currentTarget.value)} />
              </label>
              <label>
                {t('action.collectAt')}
                <input value={collectAt} onInput={(e) => setCollectAt(e.currentTarget.value)} />
              </label>
              <label>
                {t('action.fee')}
                <input type="number" min={0} step={1000} value={feeVnd} onInput={(e) => setFeeVnd(Number(e.currentTarget.value) || 0)} />
              </label>
            </>
          )}
          {action === 'return-result' && (
            <div class="row">
              {methodSelect}
              <label>
                {t('action.to')}
                <input value={to} onInput={(e) => setTo(e.currentTarget.value)} />
              </label>
            </div>
          )}
          <label>
            {t('action.note')}
            <textarea rows={2} name="note" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          <Notice kind="error" text={error} />
          <div class="dialog-buttons">
            <button type="button" class="secondary" onClick={onClose}>
              {t('action.cancel')}
            </button>
            <button type="submit" disabled={busy} class={action === 'refuse' ? 'danger' : ''}>
              {t('action.confirm')}: {t(`action.${action}`)}
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
