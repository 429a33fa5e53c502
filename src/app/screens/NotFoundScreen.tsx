/** An address the app does not have: say so, and offer the way home (never a blank page or the home screen in disguise). */
import { Link } from '../components/Link';
import { useI18n } from '../i18n-context';
import { CATALOG_PATH, FOLLOW_PATH } from '../router';

export default function NotFoundScreen() {
  const { t } = useI18n();
  return (
    <section class="card" data-testid="not-found">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link href="/" class="btn btn--primary btn--block">
          {t('notFound.home')}
        </Link>
      </p>
      <ul class="link-list">
        <li>
          <Link href={CATALOG_PATH}>{t('nav.catalog')}</Link>
        </li>
        <li>
          <Link href={FOLLOW_PATH}>{t('follow.title')}</Link>
        </li>
      </ul>
    </section>
  );
}
