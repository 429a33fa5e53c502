/**
 * The console's own i18next instance (never the phone's global one): Vietnamese first and the
 * fallback, English complete. The chosen language is kept in localStorage on the office PC.
 */
import i18next, { type TFunction } from 'i18next';
import type { Lang } from '../../domain/localized';
import { consoleEn } from './en';
import { consoleVi } from './vi';

export const CONSOLE_RESOURCES = { vi: { translation: consoleVi }, en: { translation: consoleEn } } as const;

export async function initConsoleI18n(lang: Lang): Promise<{ t: TFunction; change: (lang: Lang) => Promise<TFunction> }> {
  const instance = i18next.createInstance();
  const t = await instance.init({
    lng: lang,
    fallbackLng: 'vi',
    supportedLngs: ['vi', 'en'],
    resources: CONSOLE_RESOURCES,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return { t, change: (next) => instance.changeLanguage(next) };
}
