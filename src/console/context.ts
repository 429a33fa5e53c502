/** What every console screen gets: the API, the words, the language, the signed-in account, navigation. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { TFunction } from 'i18next';
import type { Lang } from '../domain/localized';
import type { Api } from './api';
import type { ConsoleRoute } from './routes';
import type { Me } from './types';

export interface ConsoleContext {
  api: Api;
  t: TFunction;
  lang: Lang;
  me: Me | null;
  navigate: (route: ConsoleRoute) => void;
  /** Ask the shell to read /auth/me again (after login, logout, password change). */
  refreshMe: () => Promise<void>;
  now: () => number;
}

export const Ctx = createContext<ConsoleContext | null>(null);

export function useConsole(): ConsoleContext {
  return useContext(Ctx)!;
}
