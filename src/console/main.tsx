/** The console's composition root: the one place that reads the clock, the PC's storage and fetch. */
import { render } from 'preact';
import type { Lang } from '../domain/localized';
import { initConsoleI18n } from '../i18n/console';
import { createApi } from './api';
import { Console } from './Console';
import './console.css';

const LANG_KEY = 'mcld-console-lang';

async function start(): Promise<void> {
  const saved = localStorage.getItem(LANG_KEY);
  const lang: Lang = saved === 'en' ? 'en' : 'vi';
  const i18n = await initConsoleI18n(lang);
  const api = createApi((input, init) => fetch(input, init));
  const root = document.getElementById('console')!;
  const show = (t: typeof i18n.t, current: Lang): void => {
    document.documentElement.lang = current;
    render(
      <Console
        api={api}
        t={t}
        lang={current}
        now={Date.now}
        onLang={async (next) => {
          localStorage.setItem(LANG_KEY, next);
          show(await i18n.change(next), next);
        }}
      />,
      root,
    );
  };
  show(i18n.t, lang);
}

void start();
