/**
 * While the outbox is being sent: which dossier is going (procedure and the applicant's given
 * name), dossiers sent out of the run's total, photo bytes with a bar, and the time left from the
 * measured throughput. When the link drops it says so with the count left instead of a frozen
 * bar, until the next run starts. Screen readers hear the start, a lost link and the end, never
 * each byte. The numbers come from the engine's `progress` events (sync/progress.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import { FORM_START_LIST } from '../../content/form-start-list';
import { pick } from '../../domain/localized';
import { formatBytes, givenName, splitDuration } from '../../domain/send-format';
import type { SendProgress as Progress } from '../../sync/progress';
import { useI18n } from '../i18n-context';
import { onSyncEvent } from '../sync-client';

export function SendProgress() {
  const { t, lang } = useI18n();
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(
    () =>
      onSyncEvent((event) => {
        if (event.type === 'progress') setProgress(event.progress);
      }),
    [],
  );
  const left = progress ? progress.dossiersTotal - progress.dossiersDone : 0;
  const milestone =
    progress === null
      ? ''
      : progress.phase === 'offline'
        ? t('sendProgress.lost', { count: left })
        : progress.phase === 'done'
          ? t('sendProgress.finished', { count: progress.dossiersDone })
          : t('sendProgress.started', { count: progress.dossiersTotal });
  const visible = progress !== null && (progress.phase === 'sending' || (progress.phase === 'offline' && left > 0));

  return (
    <>
      {visible && progress && (
        <div class={`send-progress${progress.phase === 'offline' ? ' send-progress--lost' : ''}`} data-testid="send-progress">
          {progress.phase === 'offline' ? (
            <p class="send-progress__lost">{t('sendProgress.lost', { count: left })}</p>
          ) : (
            <>
              {progress.current && <p class="send-progress__current">{currentText(progress.current, lang, t)}</p>}
              <p data-testid="send-count">{t('sendProgress.count', { done: progress.dossiersDone, total: progress.dossiersTotal })}</p>
              {progress.bytesTotal > 0 && (
                <>
                  <p>
                    {t('sendProgress.bytes', {
                      sent: formatBytes(progress.bytesSent, lang),
                      total: formatBytes(progress.bytesTotal, lang),
                    })}
                  </p>
                  <progress
                    class="send-progress__bar"
                    data-testid="send-bar"
                    max={progress.bytesTotal}
                    value={progress.bytesSent}
                    aria-label={t('sendProgress.label')}
                  />
                </>
              )}
              <p class="muted">{etaText(progress.etaMs, t)}</p>
            </>
          )}
        </div>
      )}
      <p class="visually-hidden" role="status" aria-live="polite">
        {milestone}
      </p>
    </>
  );
}

type T = ReturnType<typeof useI18n>['t'];

function currentText(current: NonNullable<Progress['current']>, lang: 'vi' | 'en', t: T): string {
  const form = FORM_START_LIST.find((f) => f.id === current.formId);
  const procedure = form ? pick(form.title, lang) : current.formId;
  const name = givenName(current.label);
  return name ? t('sendProgress.current', { procedure, name }) : t('sendProgress.currentNoName', { procedure });
}

function etaText(etaMs: number | null, t: T): string {
  if (etaMs === null) return t('sendProgress.etaUnknown');
  const { minutes, seconds } = splitDuration(etaMs);
  const time = minutes > 0 ? t('sendProgress.minutes', { minutes, seconds }) : t('sendProgress.seconds', { count: seconds });
  return t('sendProgress.eta', { time });
}
