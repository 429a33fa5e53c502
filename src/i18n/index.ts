/**
 * i18next set up for the page. Vietnamese is the default and the fallback; the choice of
 * language is remembered on the phone (storage/settings) by the caller.
 */
import i18next, { type TFunction } from 'i18next';
import type { Lang } from '../domain/localized';
import { vi } from './locales/vi';
import { en } from './locales/en';

export const DEFAULT_LANG: Lang = 'vi';

export const RESOURCES = { vi: { translation: vi }, en: { translation: en } } as const;

export async function initI18n(lang: Lang): Promise<TFunction> {
  const t = await i18next.init({
    lng: lang,
    fallbackLng: DEFAULT_LANG,
    supportedLngs: ['vi', 'en'],
    resources: RESOURCES,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lang;
  return t;
}

export async function changeLanguage(lang: Lang): Promise<void> {
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export function currentLang(): Lang {
  return i18next.language === 'en' ? 'en' : 'vi';
}

export { i18next };
