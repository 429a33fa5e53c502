/**
 * The village-meeting slides, built from the explainer content: one idea per slide, in the order
 * a talk goes (levels, today's categories, benefits, a worked example, then the quick check).
 */
import type { Benefit, OnlineCategory, ServiceLevel } from '../../../domain/service-levels';
import type { Procedure } from '../../../domain/catalog';

export type Slide =
  | { kind: 'intro' }
  | { kind: 'level'; level: ServiceLevel }
  | { kind: 'category'; category: OnlineCategory }
  | { kind: 'mapping' }
  | { kind: 'benefit'; benefit: Benefit; n: number; total: number }
  | { kind: 'trips'; procedure: Procedure }
  | { kind: 'quiz' };

export interface SlideContent {
  levels: readonly ServiceLevel[];
  categories: readonly OnlineCategory[];
  benefits: readonly Benefit[];
  example?: Procedure | undefined;
}

export function buildSlides({ levels, categories, benefits, example }: SlideContent): Slide[] {
  return [
    { kind: 'intro' },
    ...levels.map((level): Slide => ({ kind: 'level', level })),
    ...categories.map((category): Slide => ({ kind: 'category', category })),
    { kind: 'mapping' },
    ...benefits.map((benefit, i): Slide => ({ kind: 'benefit', benefit, n: i + 1, total: benefits.length })),
    ...(example ? [{ kind: 'trips', procedure: example } as const] : []),
    { kind: 'quiz' },
  ];
}

/** Keeps a slide number from the URL inside 1..count. */
export function clampSlide(n: number, count: number): number {
  return Math.min(Math.max(1, Math.trunc(n) || 1), Math.max(1, count));
}
