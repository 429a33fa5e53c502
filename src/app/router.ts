/** A tiny path router: the service worker answers every navigation with the app shell. */
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { name: 'home' }
  | { name: 'form'; draftId: string }
  | { name: 'dossiers' }
  | { name: 'not-found' };

const FORM_PATH = /^\/to-khai\/([0-9a-f-]{36})$/;

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' };
  if (pathname === '/ho-so') return { name: 'dossiers' };
  const form = FORM_PATH.exec(pathname);
  if (form?.[1]) return { name: 'form', draftId: form[1] };
  return { name: 'not-found' };
}

export function formPath(draftId: string): string {
  return `/to-khai/${draftId}`;
}

export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname));
    addEventListener('popstate', update);
    return () => removeEventListener('popstate', update);
  }, []);
  return route;
}
