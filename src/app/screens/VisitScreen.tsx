/**
 * /tham-ho/:id: one household visit, filled with the resident at the door. Every change is saved
 * on the phone at once (no network needed); "Lưu và gửi" checks it with the shared validator,
 * shows each reason next to its field (the text stays), and queues it as its next version. An
 * edit of a visit already sent goes as a new version; the old one stays on the server.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { DEFAULT_COMMUNE } from '../../content/commune';
import { formatVnDateTime } from '../../domain/dates';
import type { FieldError } from '../../domain/validation-codes';
import { VISIT_TOPICS, VNEID_RESULTS, type Visit, type VisitTopic } from '../../domain/visit';
import { Link } from '../components/Link';
import { useI18n } from '../i18n-context';
import { useLiveQuery } from '../hooks/use-live-query';
import { phone } from '../phone';
import { VISITS_PATH, navigate } from '../router';
import { settings } from '../settings';
import { requestSync } from '../sync-client';
import { blankVisit, submitVisit } from '../use-cases/visit-form';
import { useVillages } from '../villages-source';
import '../components/visits/visits.css';

const fid = (field: string): string => `visit-${field.replace(/\./g, '-')}`;

export default function VisitScreen({ visitId }: { visitId: string }) {
  const { t } = useI18n();
  const villages = useVillages();
  const [visit, setVisit] = useState<Visit | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const row = useLiveQuery(() => phone().visits.getVisit(visitId), [visitId]);
  const dossiers = useLiveQuery(() => phone().dossiers.listDossiers(), []);
  const queued = useLiveQuery(() => phone().outbox.listOutbox(), []);

  useEffect(() => {
    let live = true;
    void (async () => {
      const stored = await phone().visits.getVisit(visitId);
      if (!live) return;
      if (stored) {
        setVisit(stored.visit);
        setErrors(stored.errors ?? []);
        return;
      }
      const credential = await settings.getCredential();
      if (live) setVisit(blankVisit(visitId, DEFAULT_COMMUNE.code, credential?.staff?.villageId, Date.now()));
    })();
    return () => {
      live = false;
    };
  }, [visitId]);

  const errorOf = useMemo(() => new Map(errors.map((e) => [e.field, t(`errors.${e.code}`)])), [errors, t]);
  if (!visit) return <p class="muted">…</p>;

  function change(next: Visit) {
    setVisit(next);
    const now = Date.now();
    void phone()
      .visits.saveVisit(next, now)
      .then(() => setSavedAt(now));
  }
  const set = <K extends keyof Visit>(key: K, value: Visit[K]) => change({ ...visit!, [key]: value });

  async function onSubmit(e: Event) {
    e.preventDefault();
    setBusy(true);
    const villageIds = villages && villages.length > 0 ? new Set(villages.map((v) => v.id)) : undefined;
    const result = await submitVisit(phone().visits, visit!, { villageIds, now: Date.now() });
    setBusy(false);
    if (!result.ok) {
      setErrors(result.errors);
      document.getElementById(fid(result.errors[0]!.field))?.focus();
      return;
    }
    requestSync('button');
    navigate(VISITS_PATH);
  }

  const text = (field: 'householdHead' | 'addressDetail', label: string, autocomplete: string) => {
    const error = errorOf.get(field);
    return (
      <div class={`field${error ? ' field--error' : ''}`}>
        <label for={fid(field)}>{label}</label>
        <input
          id={fid(field)}
          type="text"
          autocomplete={autocomplete}
          value={visit[field]}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${fid(field)}-error` : undefined}
          onInput={(e) => set(field, e.currentTarget.value)}
        />
        {error && (
          <p class="error" id={`${fid(field)}-error`}>
            {error}
          </p>
        )}
      </div>
    );
  };
  const errorText = (field: string) =>
    errorOf.get(field) ? (
      <p class="error" id={`${fid(field)}-error`}>
        {errorOf.get(field)}
      </p>
    ) : null;
  const described = (field: string, hint?: string) =>
    [hint, errorOf.get(field) ? `${fid(field)}-error` : ''].filter(Boolean).join(' ') || undefined;
  const linkable = [
    ...(queued ?? []).map((q) => ({ id: q.id, label: q.label })),
    ...(dossiers ?? []).map((d) => ({ id: d.id, label: `${d.label} · ${d.dossierCode}` })),
  ];
  const toggleTopic = (topic: VisitTopic, on: boolean) =>
    set(
      'topics',
      VISIT_TOPICS.filter((x) => (x === topic ? on : visit.topics.includes(x))),
    );

  return (
    <>
      <p>
        <Link href={VISITS_PATH}>← {t('visits.back')}</Link>
      </p>
      <h1>{t('visits.formTitle')}</h1>
      {row?.state === 'sent' && <p class="flash">{t('visits.editSent')}</p>}
      {row?.state === 'rejected' && (
        <p class="summary" role="alert">
          {(row.errors ?? []).length > 0 ? t('visits.rejected') : t('visits.conflict')}
        </p>
      )}
      <form class="form visit-form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <div class={`field${errorOf.get('villageId') ? ' field--error' : ''}`}>
          <label for={fid('villageId')}>{t('visits.village')}</label>
          {villages && villages.length === 0 && (
            <p class="hint" id="visit-village-hint">
              {t('visits.noVillages')}
            </p>
          )}
          <select
            id={fid('villageId')}
            value={visit.villageId}
            aria-invalid={errorOf.get('villageId') ? true : undefined}
            aria-describedby={described('villageId', villages?.length === 0 ? 'visit-village-hint' : undefined)}
            onChange={(e) => set('villageId', e.currentTarget.value)}
          >
            <option value="">{t('visits.chooseVillage')}</option>
            {(villages ?? []).map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
          {errorText('villageId')}
        </div>
        {text('householdHead', t('visits.householdHead'), 'off')}
        {text('addressDetail', t('visits.addressDetail'), 'off')}
        <div class={`field${errorOf.get('visitedOn') ? ' field--error' : ''}`}>
          <label for={fid('visitedOn')}>{t('visits.visitedOn')}</label>
          <input
            id={fid('visitedOn')}
            type="date"
            value={visit.visitedOn}
            aria-invalid={errorOf.get('visitedOn') ? true : undefined}
            aria-describedby={described('visitedOn')}
            onInput={(e) => set('visitedOn', e.currentTarget.value)}
          />
          {errorText('visitedOn')}
        </div>
        <fieldset class="field" id={fid('topics')}>
          <legend>{t('visits.topics')}</legend>
          <div class="choices choices--stack">
            {VISIT_TOPICS.map((topic) => (
              <label class="choice" key={topic}>
                <input
                  type="checkbox"
                  checked={visit.topics.includes(topic)}
                  onChange={(e) => toggleTopic(topic, e.currentTarget.checked)}
                />
                <span>{t(`visits.topic.${topic}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset class="field" id={fid('vneid')}>
          <legend>{t('visits.vneid')}</legend>
          <p class="otp-warning" id="visit-otp-warning">
            {t('visits.otpWarning')}
          </p>
          <div class="choices choices--stack" role="radiogroup" aria-describedby="visit-otp-warning">
            {VNEID_RESULTS.map((result) => (
              <label class="choice" key={result}>
                <input type="radio" name="vneid" checked={visit.vneid === result} onChange={() => set('vneid', result)} />
                <span>{t(`visits.vneidResult.${result}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div class="field">
          <label class="choice">
            <input type="checkbox" checked={visit.appInstalled} onChange={(e) => set('appInstalled', e.currentTarget.checked)} />
            <span>{t('visits.appInstalled')}</span>
          </label>
        </div>
        <fieldset class="field" id={fid('dossierIds')}>
          <legend>{t('visits.dossiers')}</legend>
          {linkable.length === 0 ? (
            <p class="muted">{t('visits.noDossiers')}</p>
          ) : (
            <div class="choices choices--stack">
              {linkable.map((d) => (
                <label class="choice" key={d.id}>
                  <input
                    type="checkbox"
                    checked={visit.dossierIds.includes(d.id)}
                    onChange={(e) =>
                      set('dossierIds', e.currentTarget.checked ? [...visit.dossierIds, d.id] : visit.dossierIds.filter((x) => x !== d.id))
                    }
                  />
                  <span>{d.label}</span>
                </label>
              ))}
            </div>
          )}
          {errorText('dossierIds')}
        </fieldset>
        <div class="field">
          <label class="choice">
            <input
              type="checkbox"
              checked={visit.followUp !== undefined}
              onChange={(e) => {
                if (e.currentTarget.checked) set('followUp', { on: visit.visitedOn });
                else {
                  const { followUp: _f, ...rest } = visit;
                  change(rest);
                }
              }}
            />
            <span>{t('visits.followUp')}</span>
          </label>
        </div>
        {visit.followUp && (
          <>
            <div class={`field${errorOf.get('followUp.on') ? ' field--error' : ''}`}>
              <label for={fid('followUp.on')}>{t('visits.followUpOn')}</label>
              <input
                id={fid('followUp.on')}
                type="date"
                value={visit.followUp.on}
                aria-invalid={errorOf.get('followUp.on') ? true : undefined}
                aria-describedby={described('followUp.on')}
                onInput={(e) => set('followUp', { ...visit.followUp!, on: e.currentTarget.value })}
              />
              {errorText('followUp.on')}
            </div>
            <div class={`field${errorOf.get('followUp.note') ? ' field--error' : ''}`}>
              <label for={fid('followUp.note')}>{t('visits.followUpNote')}</label>
              <input
                id={fid('followUp.note')}
                type="text"
                value={visit.followUp.note ?? ''}
                aria-invalid={errorOf.get('followUp.note') ? true : undefined}
                aria-describedby={described('followUp.note')}
                onInput={(e) => set('followUp', { ...visit.followUp!, note: e.currentTarget.value })}
              />
              {errorText('followUp.note')}
            </div>
          </>
        )}
        <div class={`field${errorOf.get('note') ? ' field--error' : ''}`}>
          <label for={fid('note')}>{t('visits.note')}</label>
          <textarea
            id={fid('note')}
            rows={3}
            value={visit.note ?? ''}
            aria-invalid={errorOf.get('note') ? true : undefined}
            aria-describedby={described('note', 'visit-otp-warning')}
            onInput={(e) => set('note', e.currentTarget.value)}
          />
          {errorText('note')}
        </div>
        <p class="save-state" role="status">
          {savedAt !== null ? t('visits.savedDraft', { time: formatVnDateTime(savedAt) }) : ''}
        </p>
        <button type="submit" class="btn btn--primary btn--block" disabled={busy}>
          {busy ? t('visits.saving') : t('visits.save')}
        </button>
      </form>
    </>
  );
}
