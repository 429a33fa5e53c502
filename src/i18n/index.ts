/**
 * i18next set up for the page. Vietnamese is the default and the fallback, and the only locale in
 * the first script; English (and any later locale) is its own chunk, loaded when chosen (the
 * service worker precaches it, so switching works offline). The choice of language is remembered
 * on the phone (storage/settings) by the caller.
 */
import i18next, { type TFunction } from 'i18next';
import type { Lang } from '../domain/localized';
import type { LocaleStrings } from './locales/types';
import { vi } from './locales/vi';

export const DEFAULT_LANG: Lang = 'vi';

/** Every locale but the reference one, each loaded on demand. */
const LOADERS: Readonly<Record<Exclude<Lang, 'vi'>, () => Promise<LocaleStrings>>> = {
  en: () => import('./locales/en').then((m) => m.en),
};

async function ensureLoaded(lang: Lang): Promise<void> {
  if (lang === 'vi' || i18next.hasResourceBundle(lang, 'translation')) return;
  i18next.addResourceBundle(lang, 'translation', await LOADERS[lang]());
}

export async function initI18n(lang: Lang): Promise<TFunction> {
  const other = lang === 'vi' ? null : await LOADERS[lang]().catch(() => null);
  const t = await i18next.init({
    lng: other ? lang : DEFAULT_LANG,
    fallbackLng: DEFAULT_LANG,
    supportedLngs: ['vi', 'en'],
    resources: { vi: { translation: vi }, ...(other ? { [lang]: { translation: other } } : {}) },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = currentLang();
  return t;
}

export async function changeLanguage(lang: Lang): Promise<void> {
  await ensureLoaded(lang);
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export function currentLang(): Lang {
  return i18next.language === 'en' ? 'en' : 'vi';
}

export { i18next };
