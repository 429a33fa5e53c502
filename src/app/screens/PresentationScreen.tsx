/** Presentation mode for village meetings: one idea per slide, large type, keys, swipes and buttons. */
import { useMemo, useRef } from 'preact/hooks';
import { BENEFITS } from '../../content/benefits';
import { ONLINE_CATEGORIES, SERVICE_LEVELS } from '../../content/service-levels';
import { useI18n } from '../i18n-context';
import { useCatalog } from '../catalog-source';
import { EXPLAINER_PATH, navigate, presentationPath } from '../router';
import { buildSlides, clampSlide } from '../components/explainer/slides';
import { SlideView } from '../components/explainer/SlideView';
import { pickExampleProcedure } from '../components/explainer/example';
import { useSlideKeys, useSwipe } from '../components/explainer/use-slide-controls';
import { useFullscreen } from '../components/explainer/use-fullscreen';
import '../components/explainer/present.css';

export default function PresentationScreen({ slide }: { slide: number }) {
  const { t } = useI18n();
  const catalog = useCatalog();
  const slides = useMemo(
    () =>
      buildSlides({
        levels: SERVICE_LEVELS,
        categories: ONLINE_CATEGORIES,
        benefits: BENEFITS,
        example: pickExampleProcedure(catalog.procedures),
      }),
    [catalog],
  );
  const count = slides.length;
  const current = clampSlide(slide, count);
  const rootRef = useRef<HTMLDivElement>(null);
  const fullscreen = useFullscreen(rootRef);

  // The URL carries the slide, so a reload or a shared link opens the same one.
  const go = (n: number) => {
    const next = clampSlide(n, count);
    if (next !== current) navigate(presentationPath(next), true);
  };
  const leave = () => navigate(EXPLAINER_PATH);
  useSlideKeys({ go, current, count, leave });
  const swipe = useSwipe((direction) => go(current + direction));

  const shown = slides[current - 1];
  return (
    <div class="present" ref={rootRef}>
      <h1 class="visually-hidden">{t('present.title')}</h1>
      <div
        class="present__stage"
        data-testid="slide-stage"
        aria-live="polite"
        onPointerDown={swipe.onPointerDown}
        onPointerUp={swipe.onPointerUp}
        onPointerCancel={swipe.onPointerCancel}
      >
        {shown && <SlideView key={current} slide={shown} />}
      </div>
      <p class="present__help">{t('present.help')}</p>
      <div class="present__bar">
        <div class="present__nav">
          <button type="button" class="btn btn--light" aria-disabled={current === 1} onClick={() => go(current - 1)}>
            <span aria-hidden="true">←</span> <span class="present__label">{t('present.prev')}</span>
          </button>
          <p class="present__counter" data-testid="slide-counter">
            <span class="visually-hidden">{t('present.slide')} </span>
            {`${current} / ${count}`}
          </p>
          <button type="button" class="btn btn--light" aria-disabled={current === count} onClick={() => go(current + 1)}>
            <span class="present__label">{t('present.next')}</span> <span aria-hidden="true">→</span>
          </button>
        </div>
        <div class="present__tools">
          {fullscreen.supported && (
            <button type="button" class="btn btn--ghost-light" aria-pressed={fullscreen.active} onClick={() => void fullscreen.toggle()}>
              {fullscreen.active ? t('present.exitFullscreen') : t('present.fullscreen')}
            </button>
          )}
          <button type="button" class="btn btn--ghost-light" aria-label={t('present.exitLabel')} onClick={leave}>
            {t('present.exit')}
          </button>
        </div>
      </div>
    </div>
  );
}
