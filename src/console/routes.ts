/** The console's pages as paths under /can-bo/ (the server answers its index for every one). */
export type ConsoleRoute =
  | { page: 'inbox' }
  | { page: 'setup' }
  | { page: 'dossier'; ref: string }
  | { page: 'print'; ref: string; form: PrintForm }
  | { page: 'register' }
  | { page: 'staff' }
  | { page: 'devices' }
  | { page: 'settings' }
  | { page: 'password' };

export const PRINT_FORMS = ['01', '02', '03'] as const;
export type PrintForm = (typeof PRINT_FORMS)[number];

export const BASE = '/can-bo/';

const SIMPLE: Record<string, ConsoleRoute> = {
  '': { page: 'inbox' },
  'thiet-lap': { page: 'setup' },
  'so-theo-doi': { page: 'register' },
  'tai-khoan': { page: 'staff' },
  'thiet-bi': { page: 'devices' },
  'cai-dat': { page: 'settings' },
  'mat-khau': { page: 'password' },
};

export function parseRoute(pathname: string): ConsoleRoute {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : '';
  const parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'ho-so' && parts[1] && /^[A-Za-z0-9-]{1,64}$/.test(parts[1])) {
    if (parts[2] === 'in' && (PRINT_FORMS as readonly string[]).includes(parts[3] ?? '')) {
      return { page: 'print', ref: parts[1], form: parts[3] as PrintForm };
    }
    return { page: 'dossier', ref: parts[1] };
  }
  return SIMPLE[parts[0] ?? ''] ?? { page: 'inbox' };
}

export function hrefOf(route: ConsoleRoute): string {
  switch (route.page) {
    case 'dossier':
      return `${BASE}ho-so/${encodeURIComponent(route.ref)}`;
    case 'print':
      return `${BASE}ho-so/${encodeURIComponent(route.ref)}/in/${route.form}`;
    default: {
      const key = Object.keys(SIMPLE).find((k) => SIMPLE[k]!.page === route.page) ?? '';
      return `${BASE}${key}`;
    }
  }
}
