/**
 * The campaign's HTTP routes:
 * - GET  /api/v1/villages            public (names and household counts only), strong ETag
 * - PUT  /api/v1/villages/:id        admin (settings.manage): name, households, target
 * - GET  /api/v1/groups              staff with report.read or staff.manage
 * - PUT  /api/v1/groups/:id          admin (staff.manage): village, name, leader, members
 * - POST /api/v1/sync/visits         an enrolled staff phone: visits, idempotent per (id, version)
 * - GET  /api/v1/campaign/progress   an enrolled staff phone: its own village's week and month
 * - GET  /api/v1/reports/campaign    leader/admin (report.read): JSON; `.csv` for Excel (audited);
 *                                    `.html` the printable one-page summary (this week by default)
 * Bad input answers 400 `campaign-invalid` with the field's `reason`; nothing is stored.
 */
import { createHash } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { readGroupInput, readVillageInput, type GroupsResponse, type VillagesResponse } from '../../domain/campaign';
import { REPORT_GROUPINGS, daysBetween, type CampaignProgress, type ReportGrouping } from '../../domain/campaign-report';
import { parseIsoDate, toIsoDate, vietnamDateOf } from '../../domain/dates';
import { addDays, monthOf, weekOf } from '../../domain/visit';
import type { VisitPushResponse, VisitPushResult } from '../../domain/visit-protocol';
import { hasPermission } from '../../domain/roles';
import { actorOf, type Audit } from '../audit/audit-log';
import type { AppEnv } from '../http/app-env';
import { bodyError, jsonError } from '../http/http-errors';
import { rateLimit, type RateLimiter } from '../http/rate-limit';
import { readJsonBody } from '../http/read-body';
import { requirePermission, staffOf } from '../http/require-permission';
import { protocolHeaderGate } from '../sync/protocol-gate';
import type { AcceptedVisit, CampaignRepository } from './campaign-repository';
import { buildReport } from './report-builder';
import { reportCsv } from './report-csv';
import { reportPage } from './report-page';
import { checkVisitEnvelope, checkVisitItem } from './visit-check';

export interface CampaignDeps {
  campaign: CampaignRepository;
  audit: Audit;
  communeCode: string;
  now: () => number;
  maxBodyBytes: number;
  deviceAuth: MiddlewareHandler<AppEnv>;
  visitPushPerDevice: RateLimiter;
}

/** Longest report range: a bit over a year. */
export const MAX_REPORT_DAYS = 400;

function invalid(c: Context, reason: string, message: string): Response {
  return jsonError(c, 400, 'campaign-invalid', message, { reason });
}

/** An enrolled staff phone only: a resident's own phone logs no visits. */
const requireStaffDevice: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.var.device.staff) {
    await c.req.raw.body?.cancel().catch(() => undefined);
    return jsonError(c, 403, 'staff-device-required', 'Only a phone enrolled for a working group member logs visits.');
  }
  return next();
};

export function villageRoutes(deps: CampaignDeps): Hono<AppEnv> {
  const { campaign, communeCode, now, maxBodyBytes, audit } = deps;
  const routes = new Hono<AppEnv>();
  routes.get('/', async (c) => {
    const body = JSON.stringify({ villages: await campaign.listVillages(communeCode) } satisfies VillagesResponse);
    const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
    const headers = { ETag: etag, 'Cache-Control': 'no-cache' };
    const ifNoneMatch = c.req.header('if-none-match') ?? '';
    if (ifNoneMatch.split(',').some((tag) => tag.trim() === etag)) return c.body(null, 304, headers);
    return c.body(body, 200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
  });
  routes.put('/:id', requirePermission('settings.manage'), async (c) => {
    const body = await readJsonBody(c.req.raw, maxBodyBytes);
    if (!body.ok) return bodyError(c, body.reason, maxBodyBytes);
    const read = readVillageInput(c.req.param('id'), body.value);
    if (!read.ok) return invalid(c, read.reason, 'The village is not valid.');
    const result = await campaign.putVillage(communeCode, read.village, now());
    await audit({ actor: actorOf(c), action: 'village.changed', target: { kind: 'village', id: read.village.id } });
    return c.json({ village: read.village }, result === 'created' ? 201 : 200);
  });
  return routes;
}

export function groupRoutes(deps: CampaignDeps): Hono<AppEnv> {
  const { campaign, communeCode, now, maxBodyBytes, audit } = deps;
  const routes = new Hono<AppEnv>();
  routes.get('/', async (c) => {
    const staff = staffOf(c);
    if (!staff) return jsonError(c, 401, 'unauthorized', 'Sign in first.');
    if (staff.mustChangePassword) return jsonError(c, 403, 'password-change-required', 'Change your password first.');
    if (!hasPermission(staff.role, 'report.read') && !hasPermission(staff.role, 'staff.manage')) {
      return jsonError(c, 403, 'forbidden', 'Your role may not do this.');
    }
    return c.json({ groups: await campaign.listGroups(communeCode) } satisfies GroupsResponse);
  });
  routes.put('/:id', requirePermission('staff.manage'), async (c) => {
    const body = await readJsonBody(c.req.raw, maxBodyBytes);
    if (!body.ok) return bodyError(c, body.reason, maxBodyBytes);
    const read = readGroupInput(c.req.param('id'), body.value);
    if (!read.ok) return invalid(c, read.reason, 'The working group is not valid.');
    const result = await campaign.putGroup(communeCode, read.group, now());
    if (result === 'unknown-village' || result === 'unknown-staff') return invalid(c, result, 'The village or a member does not exist.');
    await audit({ actor: actorOf(c), action: 'group.changed', target: { kind: 'group', id: read.group.id } });
    return c.json({ group: read.group }, result === 'created' ? 201 : 200);
  });
  return routes;
}

export function visitRoutes(deps: CampaignDeps): Hono<AppEnv> {
  const { campaign, communeCode, now, maxBodyBytes } = deps;
  const routes = new Hono<AppEnv>();
  routes.use('*', protocolHeaderGate);
  routes.post(
    '/',
    deps.deviceAuth,
    requireStaffDevice,
    rateLimit(deps.visitPushPerDevice, (c) => c.var.device.id),
    async (c) => {
      const body = await readJsonBody(c.req.raw, maxBodyBytes);
      if (!body.ok) return bodyError(c, body.reason, maxBodyBytes);
      const envelope = checkVisitEnvelope(body.value);
      if (!envelope.ok) return jsonError(c, envelope.status, envelope.error, envelope.message);
      const receivedAt = now();
      const villageIds = new Set((await campaign.listVillages(communeCode)).map((v) => v.id));
      // The phone's calendar may be a day ahead of ours around midnight: tomorrow is still today for it.
      const today = addDays(toIsoDate(vietnamDateOf(receivedAt)), 1);
      const checks = envelope.items.map((item) => checkVisitItem(item, communeCode, { villageIds, today }));
      const accepted: AcceptedVisit[] = checks.flatMap((check) => (check.ok ? [check.accepted] : []));
      const device = c.var.device;
      const stored = await campaign.pushVisits({ deviceId: device.id, staffId: device.staff!.id }, communeCode, accepted, receivedAt);
      let next = 0;
      const results: VisitPushResult[] = checks.map((check) => (check.ok ? stored[next++]! : check.result));
      return c.json({ results } satisfies VisitPushResponse);
    },
  );
  return routes;
}

export type ProgressResponse = CampaignProgress;

/** The outreach phone's own village, this week and this month; never another village's figures. */
export function progressRoutes(deps: CampaignDeps): Hono<AppEnv> {
  const { campaign, communeCode, now } = deps;
  const routes = new Hono<AppEnv>();
  routes.get('/progress', deps.deviceAuth, requireStaffDevice, async (c) => {
    const villageId = c.var.device.staff!.villageId;
    if (villageId === undefined) return c.json({ villageId: null, week: null, month: null } satisfies ProgressResponse);
    const today = toIsoDate(vietnamDateOf(now()));
    const week = await buildReport(campaign, { communeCode, from: weekOf(today), to: today, by: 'total', villageId });
    const month = await buildReport(campaign, { communeCode, from: `${monthOf(today)}-01`, to: today, by: 'total', villageId });
    return c.json({ villageId, week: week.rows[0] ?? null, month: month.rows[0] ?? null } satisfies ProgressResponse);
  });
  return routes;
}

type ReportParams = { ok: true; from: string; to: string; by: ReportGrouping; lang: 'vi' | 'en' } | { ok: false; reason: string };

export function readReportParams(query: (key: string) => string | undefined, today: string): ReportParams {
  const to = query('to') ?? today;
  const from = query('from') ?? `${monthOf(to)}-01`;
  if (!parseIsoDate(from)) return { ok: false, reason: 'bad-from' };
  if (!parseIsoDate(to)) return { ok: false, reason: 'bad-to' };
  if (from > to) return { ok: false, reason: 'from-after-to' };
  if (daysBetween(from, to) > MAX_REPORT_DAYS) return { ok: false, reason: 'range-too-long' };
  const by = query('by') ?? 'week';
  if (!(REPORT_GROUPINGS as readonly string[]).includes(by)) return { ok: false, reason: 'bad-by' };
  const lang = query('lang') ?? 'vi';
  if (lang !== 'vi' && lang !== 'en') return { ok: false, reason: 'bad-lang' };
  return { ok: true, from, to, by: by as ReportGrouping, lang };
}

export function reportRoutes(deps: CampaignDeps): Hono<AppEnv> {
  const { campaign, communeCode, now, audit } = deps;
  const routes = new Hono<AppEnv>();
  const read = (c: Context<AppEnv>): ReportParams => readReportParams((key) => c.req.query(key), toIsoDate(vietnamDateOf(now())));
  routes.get('/campaign', requirePermission('report.read'), async (c) => {
    const params = read(c);
    if (!params.ok) return invalid(c, params.reason, 'The report range is not valid.');
    return c.json(await buildReport(campaign, { communeCode, from: params.from, to: params.to, by: params.by }));
  });
  routes.get('/campaign.html', requirePermission('report.read'), async (c) => {
    const today = toIsoDate(vietnamDateOf(now()));
    const params = readReportParams(
      (key) => c.req.query(key) ?? (key === 'from' ? weekOf(today) : key === 'by' ? 'total' : undefined),
      today,
    );
    if (!params.ok) return invalid(c, params.reason, 'The report range is not valid.');
    const report = await buildReport(campaign, { communeCode, from: params.from, to: params.to, by: 'total' });
    return c.html(reportPage(report, params.lang));
  });
  routes.get('/campaign.csv', requirePermission('report.read'), async (c) => {
    const params = read(c);
    if (!params.ok) return invalid(c, params.reason, 'The report range is not valid.');
    const report = await buildReport(campaign, { communeCode, from: params.from, to: params.to, by: params.by });
    await audit({ actor: actorOf(c), action: 'report.exported' });
    return c.body(reportCsv(report, params.lang), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="bao-cao-tuyen-truyen-${params.from}-${params.to}.csv"`,
    });
  });
  return routes;
}
