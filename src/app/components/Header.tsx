/** App bar: the name, navigation and the language switch (remembered on the phone). */
import { useI18n } from '../i18n-context';
import { navigate } from '../router';

export function Header() {
  const { t, lang, setLang } = useI18n();
  const other = lang === 'vi' ? 'en' : 'vi';
  return (
    <header class="appbar">
      <a
        href="/"
        class="appbar__name"
        onClick={(e) => {
          e.preventDefault();
          navigate('/');
        }}
      >
        {t('app.name')}
      </a>
      <nav aria-label={t('nav.main')} class="appbar__nav">
        <a
          href="/ho-so"
          onClick={(e) => {
            e.preventDefault();
            navigate('/ho-so');
          }}
        >
          {t('nav.dossiers')}
        </a>
        <button type="button" class="btn btn--ghost" lang={other} aria-label={t('lang.switchLabel')} onClick={() => setLang(other)}>
          {t('lang.switchTo')}
        </button>
      </nav>
    </header>
  );
}
