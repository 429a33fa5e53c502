/** The dossier's story as an ordered list: each step in plain words with its date, the last one marked as now. */
import { formatVnDateTime } from '../../../domain/dates';
import type { StoryStep } from '../../../domain/dossier-story';
import { useI18n } from '../../i18n-context';

export function Timeline({ steps }: { steps: readonly StoryStep[] }) {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby="story-title">
      <h2 id="story-title">{t('receipt.storyTitle')}</h2>
      <ol class="timeline" data-testid="timeline">
        {steps.map((step, i) => {
          const now = i === steps.length - 1;
          return (
            <li
              key={`${step.kind}-${i}`}
              class={`timeline__step timeline__step--${step.kind}${now ? ' timeline__step--now' : ''}`}
              aria-current={now ? 'step' : undefined}
              data-testid="timeline-step"
            >
              <strong>{t(`receipt.steps.${step.kind}`)}</strong>
              {step.at !== undefined && <span class="muted">{formatVnDateTime(step.at)}</span>}
              {step.note && <span class="timeline__note">{t('receipt.reasons', { note: step.note })}</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
