/** Re-renders the tree when the language changes; components read `t` and `lang` from here. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { TFunction } from 'i18next';
import type { Lang } from '../domain/localized';

export interface I18nValue {
  t: TFunction;
  lang: Lang;
  setLang: (lang: Lang) => void;
}

export const I18nContext = createContext<I18nValue | null>(null);

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nContext');
  return value;
}
