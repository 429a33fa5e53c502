/**
 * The one-stop shop's own routes (the console at /can-bo/ calls them):
 * - GET /api/v1/inbox (dossier.read): a page of dossiers with filters, search and counts.
 * - GET /api/v1/register.csv?from=&to= (dossier.export): the register for a period, audited as
 *   `dossier.exported` with the number of dossiers (never their contents).
 * - GET /api/v1/settings (any signed-in staff: the console prints the header) and
 *   PUT /api/v1/settings (settings.manage, audited as `settings.changed`).
 * Refusals are `400 bad-request` with `fields` naming what is wrong; nothing is stored.
 */
import { Hono } from 'hono';
import type { Catalog } from '../../domain/catalog';
import { readCommuneSettings, readInboxQuery } from '../../domain/office';
import type { HolidayCalendar } from '../../domain/working-days';
import { readObject } from '../accounts/auth-routes';
import type { Audit } from '../audit/audit-log';
import type { AppEnv } from '../http/app-env';
import { jsonError } from '../http/http-errors';
import { requirePermission, requireStaff, staffOf } from '../http/require-permission';
import { soonUntil } from './appointment';
import type { OfficeRepository } from './office-repository';
import { registerCsv } from './register-csv';
import { communeSettings } from './settings';

export interface OfficeRouteDeps {
  office: OfficeRepository;
  audit: Audit;
  communeCode: string;
  catalog: Catalog;
  calendars: readonly HolidayCalendar[];
  now: () => number;
  maxBodyBytes: number;
}

/** A register longer than this is refused: ask for a shorter period. */
export const MAX_REGISTER_ROWS = 50_000;
const DAY_MS = 86_400_000;

export function officeRoutes(deps: OfficeRouteDeps): Hono<AppEnv> {
  const { office, audit, communeCode, now, maxBodyBytes } = deps;
  const routes = new Hono<AppEnv>();

  routes.get('/inbox', requirePermission('dossier.read'), async (c) => {
    const query = readInboxQuery(c.req.query());
    if (!query.ok) return jsonError(c, 400, 'bad-request', 'Some filters are not understood.', { fields: query.errors });
    const at = now();
    const settings = await communeSettings(office, communeCode);
    return c.json(await office.inbox({ ...query.value, communeCode, now: at, soonUntil: soonUntil(at, deps.calendars, settings) }));
  });

  routes.get('/register.csv', requirePermission('dossier.export'), async (c) => {
    const from = Number(c.req.query('from'));
    const to = Number(c.req.query('to'));
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || to <= from || to - from > 366 * DAY_MS) {
      return jsonError(c, 400, 'bad-request', 'from and to are instants (ms), to after from, at most a year apart.', {
        fields: { from: 'ms since the epoch', to: 'ms since the epoch, after from' },
      });
    }
    const rows = await office.register(communeCode, from, to, MAX_REGISTER_ROWS + 1);
    if (rows.length > MAX_REGISTER_ROWS) return jsonError(c, 400, 'bad-request', 'Too many dossiers: choose a shorter period.');
    const staff = staffOf(c)!;
    await audit({ actor: { kind: 'staff', id: staff.id }, action: 'dossier.exported', detail: { count: rows.length } });
    return c.body(registerCsv(rows, deps.catalog), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="so-theo-doi-ho-so.csv"',
    });
  });

  routes.get('/settings', requireStaff, async (c) => c.json(await communeSettings(office, communeCode)));

  routes.put('/settings', requirePermission('settings.manage'), async (c) => {
    const body = await readObject(c, maxBodyBytes);
    if (body instanceof Response) return body;
    const settings = readCommuneSettings(body);
    if (!settings.ok) return jsonError(c, 400, 'bad-request', 'Some settings are not valid.', { fields: settings.errors });
    const staff = staffOf(c)!;
    await office.putSettings(communeCode, settings.value, staff.id, now());
    await audit({ actor: { kind: 'staff', id: staff.id }, action: 'settings.changed', target: { kind: 'commune', id: communeCode } });
    return c.json(settings.value);
  });

  return routes;
}
