/** A tiny path router: the service worker answers every navigation with the app shell. */
import { useEffect, useState } from 'preact/hooks';

/** Catalogue filters as they appear in the URL; '' means "all". */
export interface CatalogQuery {
  q: string;
  handledBy: string;
  category: string;
}

/** Filling a draft, or reviewing it before it is submitted. */
export type FormStep = 'fill' | 'review';

export type Route =
  | { name: 'home' }
  | { name: 'form'; draftId: string; step: FormStep }
  | { name: 'dossiers' }
  | { name: 'receipt'; dossierId: string }
  | { name: 'follow' }
  | { name: 'handoff' }
  | { name: 'enrol' }
  | { name: 'security' }
  | { name: 'explainer' }
  | { name: 'presentation'; slide: number }
  | { name: 'quiz' }
  | { name: 'catalog'; query: CatalogQuery }
  | { name: 'procedure'; key: string }
  | { name: 'visits' }
  | { name: 'visit'; id: string }
  | { name: 'not-found' };

const FORM_PATH = /^\/to-khai\/([0-9a-f-]{36})(\/xem-lai)?$/;
const RECEIPT_PATH = /^\/ho-so\/([0-9a-f-]{36})$/;
const PROCEDURE_PATH = /^\/thu-tuc\/([^/]+)\/?$/;
/** The household visit log of the outreach campaign, and one visit in it. */
export const VISITS_PATH = '/tham-ho';
const VISIT_PATH = /^\/tham-ho\/([0-9a-f-]{36})$/;

export const EXPLAINER_PATH = '/muc-do';
export const PRESENTATION_PATH = '/muc-do/trinh-chieu';
export const QUIZ_PATH = '/muc-do/kiem-tra';
/** Hand-off of unsent dossiers through an encrypted file. */
export const HANDOFF_PATH = '/chuyen-giao';
/** Enrolment of an outreach phone; the code may follow in the fragment (/dang-ky-may#CODE), never in the query. */
export const ENROL_PATH = '/dang-ky-may';
export const CATALOG_PATH = '/thu-tuc';
export const DOSSIERS_PATH = '/ho-so';
/** "Theo dõi hồ sơ": follow a dossier from any phone, by its code and the applicant's last digits. */
export const FOLLOW_PATH = '/theo-doi';
/** PIN, lock and wipe of this phone. */
export const SECURITY_PATH = '/bao-mat';

/** URL parameter names of the catalogue (Vietnamese, like the paths). */
const CATALOG_PARAMS = { q: 'q', handledBy: 'co-quan', category: 'truc-tuyen' } as const;

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Slide numbers in the URL count from 1, as the on-screen counter does; anything odd is slide 1. */
function slideOf(params: URLSearchParams): number {
  const n = Number(params.get('slide'));
  return Number.isSafeInteger(n) && n >= 1 ? n : 1;
}

export function parseRoute(pathname: string, search = ''): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
  const params = new URLSearchParams(search);
  if (path === '/' || path === '') return { name: 'home' };
  if (path === DOSSIERS_PATH) return { name: 'dossiers' };
  if (path === FOLLOW_PATH) return { name: 'follow' };
  if (path === HANDOFF_PATH) return { name: 'handoff' };
  if (path === ENROL_PATH) return { name: 'enrol' };
  if (path === SECURITY_PATH) return { name: 'security' };
  if (path === EXPLAINER_PATH) return { name: 'explainer' };
  if (path === PRESENTATION_PATH) return { name: 'presentation', slide: slideOf(params) };
  if (path === QUIZ_PATH) return { name: 'quiz' };
  if (path === CATALOG_PATH) {
    return {
      name: 'catalog',
      query: {
        q: params.get(CATALOG_PARAMS.q) ?? '',
        handledBy: params.get(CATALOG_PARAMS.handledBy) ?? '',
        category: params.get(CATALOG_PARAMS.category) ?? '',
      },
    };
  }
  if (path === VISITS_PATH) return { name: 'visits' };
  const visit = VISIT_PATH.exec(path);
  if (visit?.[1]) return { name: 'visit', id: visit[1] };
  const form = FORM_PATH.exec(path);
  if (form?.[1]) return { name: 'form', draftId: form[1], step: form[2] ? 'review' : 'fill' };
  const receipt = RECEIPT_PATH.exec(path);
  if (receipt?.[1]) return { name: 'receipt', dossierId: receipt[1] };
  const procedure = PROCEDURE_PATH.exec(path);
  const key = procedure?.[1] ? decode(procedure[1]) : null;
  if (key) return { name: 'procedure', key };
  return { name: 'not-found' };
}

/** Identifies the screen a route shows; query changes (typing, next slide) keep the same key. */
export function screenKey(route: Route): string {
  if (route.name === 'form') return `form:${route.draftId}:${route.step}`;
  if (route.name === 'procedure') return `procedure:${route.key}`;
  if (route.name === 'receipt') return `receipt:${route.dossierId}`;
  if (route.name === 'visit') return `visit:${route.id}`;
  return route.name;
}

export function formPath(draftId: string): string {
  return `/to-khai/${draftId}`;
}

/** The review step of a draft: its own URL, so Back returns to the form. */
/** A dossier's receipt and story: the same URL while it is queued and once the server answered. */
export function receiptPath(dossierId: string): string {
  return `${DOSSIERS_PATH}/${dossierId}`;
}

export function reviewPath(draftId: string): string {
  return `${formPath(draftId)}/xem-lai`;
}

export function visitPath(id: string): string {
  return `${VISITS_PATH}/${id}`;
}

export function procedurePath(slugOrCode: string): string {
  return `${CATALOG_PATH}/${encodeURIComponent(slugOrCode)}`;
}

export function presentationPath(slide: number): string {
  return `${PRESENTATION_PATH}?slide=${slide}`;
}

export function catalogPath(query: Partial<CatalogQuery> = {}): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'handledBy', 'category'] as const) {
    const value = query[key];
    if (value) params.set(CATALOG_PARAMS[key], value);
  }
  const search = params.toString();
  return search ? `${CATALOG_PATH}?${search}` : CATALOG_PATH;
}

export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname, location.search));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname, location.search));
    addEventListener('popstate', update);
    return () => removeEventListener('popstate', update);
  }, []);
  return route;
}
