/**
 * The console's shell: who is signed in (GET /auth/me), the role-aware menu, the page for the
 * path, and the language switch. Pages are paths under /can-bo/ (history API), so a receipt or
 * a dossier has its own address to reopen or print.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { TFunction } from 'i18next';
import type { Lang } from '../domain/localized';
import { hasPermission, type Permission } from '../domain/roles';
import type { Api } from './api';
import { Ctx, type ConsoleContext } from './context';
import { hrefOf, parseRoute, type ConsoleRoute } from './routes';
import type { Me } from './types';
import { LoginScreen } from './screens/LoginScreen';
import { SetupScreen } from './screens/SetupScreen';
import { PasswordScreen } from './screens/PasswordScreen';
import { InboxScreen } from './screens/InboxScreen';
import { DossierScreen } from './screens/DossierScreen';
import { PrintScreen } from './screens/PrintScreen';
import { RegisterScreen } from './screens/RegisterScreen';
import { StaffScreen } from './screens/StaffScreen';
import { DevicesScreen } from './screens/DevicesScreen';
import { SettingsScreen } from './screens/SettingsScreen';

interface Props {
  api: Api;
  t: TFunction;
  lang: Lang;
  now: () => number;
  onLang: (lang: Lang) => void;
}

const MENU: { route: ConsoleRoute; label: string; permission?: Permission }[] = [
  { route: { page: 'inbox' }, label: 'menu.inbox', permission: 'dossier.read' },
  { route: { page: 'register' }, label: 'menu.register', permission: 'dossier.export' },
  { route: { page: 'staff' }, label: 'menu.staff', permission: 'staff.manage' },
  { route: { page: 'devices' }, label: 'menu.devices', permission: 'device.manage' },
  { route: { page: 'settings' }, label: 'menu.settings', permission: 'settings.manage' },
  { route: { page: 'password' }, label: 'menu.password' },
];

export function Console({ api, t, lang, now, onLang }: Props) {
  const [route, setRoute] = useState<ConsoleRoute>(() => parseRoute(location.pathname));
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [offline, setOffline] = useState(false);

  const refreshMe = useCallback(async () => {
    const answer = await api.get<{ staff: Me }>('/api/v1/auth/me');
    if (answer.ok) setMe(answer.value.staff);
    else if (answer.kind === 'offline') setOffline(true);
    else setMe(null);
  }, [api]);

  useEffect(() => {
    void refreshMe();
    const onPop = () => setRoute(parseRoute(location.pathname));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, [refreshMe]);

  const navigate = useCallback((next: ConsoleRoute) => {
    history.pushState(null, '', hrefOf(next));
    setRoute(next);
    scrollTo(0, 0);
  }, []);

  const ctx: ConsoleContext = { api, t, lang, me: me ?? null, navigate, refreshMe, now };
  const printing = route.page === 'print';

  async function logout(): Promise<void> {
    await api.send('POST', '/api/v1/auth/logout', {});
    setMe(null);
    navigate({ page: 'inbox' });
  }

  let page;
  if (route.page === 'setup' && !me) page = <SetupScreen />;
  else if (me === undefined) page = <p class="muted">{offline ? t('app.offline') : t('app.loading')}</p>;
  else if (me === null) page = <LoginScreen />;
  else if (me.mustChangePassword || route.page === 'password') page = <PasswordScreen />;
  else if (route.page === 'dossier') page = <DossierScreen ref_={route.ref} />;
  else if (route.page === 'print') page = <PrintScreen ref_={route.ref} form={route.form} />;
  else if (route.page === 'register') page = <RegisterScreen />;
  else if (route.page === 'staff') page = <StaffScreen />;
  else if (route.page === 'devices') page = <DevicesScreen />;
  else if (route.page === 'settings') page = <SettingsScreen />;
  else if (hasPermission(me.role, 'dossier.read')) page = <InboxScreen />;
  else page = <PasswordScreen />;

  return (
    <Ctx.Provider value={ctx}>
      <a class="skip" href="#main">
        {t('app.skip')}
      </a>
      <header class={`bar${printing ? ' no-print' : ''}`}>
        <strong class="brand">{t('app.name')}</strong>
        {me && (
          <nav aria-label={t('menu.label')}>
            <ul>
              {MENU.filter((m) => !m.permission || hasPermission(me.role, m.permission)).map((m) => (
                <li key={m.label}>
                  <a
                    href={hrefOf(m.route)}
                    aria-current={m.route.page === route.page ? 'page' : undefined}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(m.route);
                    }}
                  >
                    {t(m.label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div class="bar-end">
          {me && <span class="who">{t('menu.signedInAs', { name: me.displayName, role: t(`role.${me.role}`) })}</span>}
          <button
            type="button"
            class="link"
            lang={lang === 'vi' ? 'en' : 'vi'}
            title={t('app.switchLangLabel')}
            onClick={() => onLang(lang === 'vi' ? 'en' : 'vi')}
          >
            {t('app.switchLang')}
          </button>
          {me && (
            <button type="button" class="secondary" onClick={() => void logout()}>
              {t('menu.logout')}
            </button>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {page}
      </main>
    </Ctx.Provider>
  );
}
