/**
 * Shapes of the service-level explainer (Decree 43/2011 levels 1–4 and the Decree 42/2022
 * categories). The texts themselves are data in src/content/.
 */
import type { Localized } from './localized';

export type LevelNumber = 1 | 2 | 3 | 4;

/** Decree 42/2022/NĐ-CP category a level roughly corresponds to; levels 1–2 are information only. */
export type LevelCategory = 'information' | 'mot-phan' | 'toan-trinh';

export interface ServiceLevel {
  level: LevelNumber;
  title: Localized;
  /** One sentence for a home-screen card. */
  short: Localized;
  /** What is done online. */
  online: Localized;
  /** What still needs a trip to the office. */
  visit: Localized;
  /** How the fee is paid. */
  fee: Localized;
  /** How the result comes back. */
  result: Localized;
  category: LevelCategory;
}

export interface OnlineCategory {
  id: 'toan-trinh' | 'mot-phan';
  title: Localized;
  explain: Localized;
  /** Old levels this category is closest to. */
  levels: readonly LevelNumber[];
}

/** Where a piece of explainer content comes from and when it was last checked (ISO date). */
export interface ContentSource {
  source: string;
  verifiedOn: string;
}

export interface Benefit {
  id: string;
  title: Localized;
  body: Localized;
}

export interface QuizOption {
  id: string;
  label: Localized;
}

/** A check-your-understanding question; answers are never stored or sent (not personal data). */
export interface QuizQuestion {
  id: string;
  question: Localized;
  options: readonly QuizOption[];
  correctOptionId: string;
  explanation: Localized;
}
