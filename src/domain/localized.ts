/** Text given in both languages of the app; Vietnamese is the reference. */
export interface Localized {
  vi: string;
  en: string;
}

export type Lang = keyof Localized;

export const LANGS: readonly Lang[] = ['vi', 'en'];

export function pick(text: Localized, lang: Lang): string {
  return text[lang] || text.vi;
}
