/** App bar: the name, navigation and the language switch (remembered on the phone). */
import { useI18n } from '../i18n-context';
import { CATALOG_PATH } from '../router';
import { Link } from './Link';

export function Header() {
  const { t, lang, setLang } = useI18n();
  const other = lang === 'vi' ? 'en' : 'vi';
  return (
    <header class="appbar">
      <Link href="/" class="appbar__name">
        {t('app.name')}
      </Link>
      <nav aria-label={t('nav.main')} class="appbar__nav">
        <Link href={CATALOG_PATH}>{t('nav.catalog')}</Link>
        <Link href="/ho-so">{t('nav.dossiers')}</Link>
        {/* The name starts with the visible word (WCAG 2.5.3), each part marked with its language. */}
        <button type="button" class="btn btn--ghost" onClick={() => setLang(other)}>
          <span lang={other}>{t('lang.switchTo')}</span>
          <span class="visually-hidden">: {t('lang.switchLabel')}</span>
        </button>
      </nav>
    </header>
  );
}
