/**
 * /tham-ho: the working group's household visit log. The campaign at a glance (households
 * visited this week and this month, against the village's target; follow-ups due), a button for
 * a new visit, and every visit on this phone with where it stands. Works offline from the
 * phone's own visits; online, the village's figures from the server are shown beside them.
 */
import { useEffect, useState } from 'preact/hooks';
import { isoToVn, toIsoDate, vietnamDateOf } from '../../domain/dates';
import { followUpsDue, householdsVisited, monthOf, weekOf } from '../../domain/visit';
import type { CampaignProgress } from '../../domain/campaign-report';
import type { DeviceCredential } from '../../domain/device-credential';
import { fetchProgress } from '../../sync/campaign-progress';
import { Link } from '../components/Link';
import { useI18n } from '../i18n-context';
import { useLiveQuery } from '../hooks/use-live-query';
import { phone } from '../phone';
import { ENROL_PATH, navigate, visitPath } from '../router';
import { settings } from '../settings';
import { useVillages } from '../villages-source';
import '../components/visits/visits.css';

function share(done: number, of: number): number {
  return of > 0 ? Math.min(100, Math.round((done / of) * 100)) : 0;
}

export default function VisitsScreen() {
  const { t } = useI18n();
  const villages = useVillages();
  const rows = useLiveQuery(() => phone().visits.listVisits(), []);
  const pending = useLiveQuery(() => phone().visits.pendingVisitCount(), []);
  const [credential, setCredential] = useState<DeviceCredential | null | undefined>(undefined);
  const [server, setServer] = useState<CampaignProgress | undefined>(undefined);

  useEffect(() => {
    void settings.getCredential().then(async (c) => {
      setCredential(c ?? null);
      if (c?.kind === 'staff' && navigator.onLine) setServer(await fetchProgress((input, init) => fetch(input, init), c));
    });
  }, [rows?.length, pending]);

  if (credential === undefined || rows === undefined) return <p class="muted">…</p>;
  if (credential?.kind !== 'staff') {
    return (
      <>
        <h1>{t('visits.title')}</h1>
        <p class="card">{t('visits.staffOnly')}</p>
        <p>
          <Link href={ENROL_PATH}>{t('visits.enrol')}</Link>
        </p>
      </>
    );
  }

  const today = toIsoDate(vietnamDateOf(Date.now()));
  const visits = rows.map((row) => row.visit);
  const week = householdsVisited(visits, weekOf(today), today);
  const month = householdsVisited(visits, `${monthOf(today)}-01`, today);
  const villageId = credential.staff?.villageId;
  const village = villages?.find((v) => v.id === villageId);
  const target = village?.targetHouseholds || village?.households || 0;
  const monthAll = Math.max(month, server?.month?.householdsVisited ?? 0);
  const due = followUpsDue(visits, today);
  const nameOf = (id: string) => villages?.find((v) => v.id === id)?.name ?? id;

  return (
    <>
      <h1>{t('visits.title')}</h1>
      <p>{t('visits.intro')}</p>
      <button type="button" class="btn btn--primary btn--block" onClick={() => navigate(visitPath(crypto.randomUUID()))}>
        {t('visits.newVisit')}
      </button>
      <section class="card" aria-labelledby="visit-progress-title" data-testid="visit-progress">
        <h2 id="visit-progress-title">
          {t('visits.progressTitle')}
          {village ? `: ${village.name}` : ''}
        </h2>
        <div class="visit-stats">
          <p class="visit-stat">
            {t('visits.thisWeek')}
            <strong>{t('visits.households', { count: week })}</strong>
          </p>
          <p class="visit-stat">
            {t('visits.thisMonth')}
            <strong>{t('visits.households', { count: month })}</strong>
          </p>
        </div>
        {target > 0 && (
          <>
            <p>{t('visits.ofTarget', { done: monthAll, target })}</p>
            <div class="progress-bar" role="img" aria-label={t('visits.ofTarget', { done: monthAll, target })}>
              <span style={{ width: `${share(monthAll, target)}%` }} />
            </div>
          </>
        )}
        <p class="muted">{t('visits.byMe', { count: month })}</p>
        {server?.month && <p class="muted">{t('visits.fromServer', { count: server.month.householdsVisited })}</p>}
        {(pending ?? 0) > 0 && (
          <p data-testid="visit-pending">
            <strong>{t('visits.pending', { count: pending })}</strong>
          </p>
        )}
      </section>
      <section class="card" aria-labelledby="visit-followups-title">
        <h2 id="visit-followups-title">{t('visits.followUpsTitle')}</h2>
        {due.length === 0 ? (
          <p class="muted">{t('visits.noFollowUps')}</p>
        ) : (
          <ul class="visit-list">
            {due.map((v) => (
              <li key={v.id}>
                <Link href={visitPath(v.id)}>
                  <span class="visit-name">{v.householdHead || t('visits.unnamed')}</span>
                  <span>{t('visits.followUpDue', { date: isoToVn(v.followUp!.on) })}</span>
                  {v.followUp?.note && <span class="muted">{v.followUp.note}</span>}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="card" aria-labelledby="visit-list-title">
        <h2 id="visit-list-title">{t('visits.listTitle')}</h2>
        {rows.length === 0 ? (
          <p class="muted">{t('visits.none')}</p>
        ) : (
          <ul class="visit-list" data-testid="visit-list">
            {rows.map((row) => (
              <li key={row.id}>
                <Link href={visitPath(row.id)}>
                  <span class="visit-name">{row.visit.householdHead || t('visits.unnamed')}</span>
                  <span>
                    {isoToVn(row.visit.visitedOn)}
                    {row.visit.villageId ? ` · ${nameOf(row.visit.villageId)}` : ''}
                  </span>
                  <span class={`badge badge--${row.state}`}>{t(`visits.state.${row.state}`)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
