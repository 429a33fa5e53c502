/**
 * "Getting ready to work offline… 60 %": a small, calm strip while the service worker fills its
 * precache on a first visit, driven by its real progress. It ends in "Ready ✓ (time)" for a few
 * seconds and then hides; if the download fails it says so while the page tries again. The sync
 * panel shows the same state later (ReadinessLine). Screen readers hear the start, a failure and
 * the end, not every percent.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatVnDateTime } from '../../domain/dates';
import { readinessPercent, type Readiness } from '../../domain/offline-readiness';
import { useI18n } from '../i18n-context';
import { onOfflineReadiness } from '../offline-readiness';

/** How long "ready ✓" stays after the download the user watched. */
const READY_SHOWN_MS = 6000;

export function useOfflineReadiness(): Readiness {
  const [state, setState] = useState<Readiness>({ state: 'unknown' });
  useEffect(() => onOfflineReadiness(setState), []);
  return state;
}

export function OfflineReadiness() {
  const { t } = useI18n();
  const state = useOfflineReadiness();
  const [watched, setWatched] = useState(false);
  const [hidden, setHidden] = useState(false);
  useEffect(() => {
    if (state.state === 'loading' || state.state === 'failed') setWatched(true);
    if (state.state !== 'ready') return;
    const timer = setTimeout(() => setHidden(true), READY_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [state.state]);

  if (state.state === 'unknown' || hidden || (state.state === 'ready' && !watched)) return null;
  const percent = state.state === 'ready' ? 100 : readinessPercent(state.done, state.total);
  return (
    <div class={`readiness readiness--${state.state}`} data-testid="offline-readiness">
      {state.state === 'loading' && (
        <>
          <p class="readiness__text">{t('offlineReady.loading', { percent })}</p>
          <progress class="readiness__bar" max={100} value={percent} aria-label={t('offlineReady.label')} />
        </>
      )}
      {state.state === 'failed' && <p class="readiness__text">{t('offlineReady.failed')}</p>}
      {state.state === 'ready' && <p class="readiness__text">{t('offlineReady.ready', { time: formatVnDateTime(state.at) })}</p>}
      {/* Milestones only: the percentage above is not announced. */}
      <p class="visually-hidden" role="status" aria-live="polite">
        {state.state === 'loading'
          ? t('offlineReady.started')
          : state.state === 'failed'
            ? t('offlineReady.failed')
            : t('offlineReady.readyShort')}
      </p>
    </div>
  );
}

/** One line for the sync panel: the same state, always visible there. */
export function ReadinessLine() {
  const { t } = useI18n();
  const state = useOfflineReadiness();
  if (state.state === 'unknown') return null;
  return (
    <p class="readiness-line" data-testid="offline-readiness-line">
      {state.state === 'ready'
        ? t('offlineReady.ready', { time: formatVnDateTime(state.at) })
        : state.state === 'failed'
          ? t('offlineReady.failed')
          : t('offlineReady.loading', { percent: readinessPercent(state.done, state.total) })}
    </p>
  );
}
