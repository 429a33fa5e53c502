/** Boot: language first (remembered on the phone), then the UI, then sync and the service worker. */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import type { TFunction } from 'i18next';
import type { Lang } from '../domain/localized';
import { changeLanguage, currentLang, initI18n, i18next } from '../i18n';
import { settings } from './settings';
import { I18nContext } from './i18n-context';
import { App } from './App';
import './styles.css';

function Root({ initialT }: { initialT: TFunction }) {
  const [state, setState] = useState({ t: initialT, lang: currentLang() });
  // The choice is written at the tap, and the screen switches once it is kept and the strings are
  // here: a reload right after the switch (or the phone killing the tab) keeps the language.
  const setLang = (lang: Lang) => {
    const kept = settings.setLanguage(lang).catch(() => undefined);
    void Promise.all([changeLanguage(lang), kept]).then(() => setState({ t: i18next.t.bind(i18next), lang }));
  };
  return (
    <I18nContext.Provider value={{ ...state, setLang }}>
      <App />
    </I18nContext.Provider>
  );
}

async function boot(): Promise<void> {
  const lang = await settings.getLanguage().catch(() => 'vi' as const);
  const t = await initI18n(lang);
  const root = document.getElementById('app');
  if (!root) throw new Error('#app missing');
  render(<Root initialT={t} />, root);
  // Sync (Dexie) and the service worker registration (workbox-window) load after the first paint.
  void import('./sync-client').then((sync) => sync.startSync());
  void import('./sw-registration').then((sw) => sw.registerServiceWorker());
  void navigator.storage?.persist?.().catch(() => false);
  // Photos no draft or outbox row needs any more (removed from a form, or a deleted draft).
  void import('./phone').then(({ phone }) => phone().blobs.deleteUnreferencedBlobs({ now: Date.now() })).catch(() => undefined);
}

void boot();
