/**
 * A household visit by a village working group (tổ công tác Đề án 06): who was visited, what was
 * explained, and what came of it. One shape and one validator for the phone (the visit form) and
 * the server (the visit push): a visit the phone accepted is never refused for its content.
 *
 * A visit has a UUID made on the phone (the idempotency key) and a `version`: an edit after the
 * visit was sent is a new version of the same id, so nothing sent is ever overwritten or lost.
 * Schema version 1; a later shape adds VISIT_SCHEMA_VERSIONS entries, never edits this one.
 *
 * Never an OTP or a passcode: a worker helping to activate VNeID may be tempted to note the code
 * the resident received. The form says not to, and the validator refuses a name or a note that
 * holds a run of 6–8 digits (VNeID's OTPs and passcodes have 6; single spaces or dashes inside
 * count as one run). A phone number (10 digits), a year or a date passes; the address is not
 * checked at all.
 */
import { parseIsoDate, toIsoDate, type CalendarDate } from './dates';
import { cleanText, foldDiacritics, graphemeLength } from './text';
import { hasLetter, isInvisible, unsafeText } from './text-safety';
import type { FieldError, ValidationCode } from './validation-codes';

export const VISIT_SCHEMA_VERSION = 1;

/** What the household's VNeID came to during the visit. */
export const VNEID_RESULTS = [
  /** Already had an active VNeID account (level 1 or 2). */
  'already-active',
  /** Helped to activate level 1 in the app during the visit. */
  'helped-level1',
  /** Level 2 activated with the worker's help (after the police approved it). */
  'helped-level2',
  /** Level 2 needs the resident at the commune police (photo, fingerprints): appointment made. */
  'police-appointment',
  /** Not possible today (no smartphone, declined, not at home). */
  'not-possible',
] as const;
export type VneidResult = (typeof VNEID_RESULTS)[number];

/** Results that count as "VNeID activation helped" in reports. */
export const VNEID_HELPED: readonly VneidResult[] = ['helped-level1', 'helped-level2'];

/** What the worker explained (the plan's talking points). */
export const VISIT_TOPICS = ['service-levels', 'benefits', 'vneid', 'national-portal', 'procedures'] as const;
export type VisitTopic = (typeof VISIT_TOPICS)[number];

export const MAX_VISIT_DOSSIERS = 20;
export const MAX_VISIT_PROCEDURES = 20;
export const MAX_NAME = 100;
export const MAX_ADDRESS = 200;
export const MAX_NOTE = 1000;

export interface VisitFollowUp {
  /** yyyy-mm-dd, on or after the visit. */
  on: string;
  note?: string;
}

export interface Visit {
  /** UUID made on the phone when the visit was started. */
  id: string;
  /** 1 for the first send, +1 for each edit after it was sent. */
  version: number;
  schemaVersion: number;
  communeCode: string;
  villageId: string;
  /** Head of household (chủ hộ): personal data. */
  householdHead: string;
  /** House number, lane, group (tổ); personal data. */
  addressDetail: string;
  /** yyyy-mm-dd (Vietnam calendar). */
  visitedOn: string;
  topics: VisitTopic[];
  /** Procedure ids explained (catalogue ids). */
  procedures: string[];
  vneid: VneidResult;
  appInstalled: boolean;
  /** Client ids of dossiers filed online during the visit. */
  dossierIds: string[];
  followUp?: VisitFollowUp;
  note?: string;
  /** When this version was saved on the phone (ms). */
  recordedAt: number;
}

export interface VisitContext {
  /** Village ids of this commune (from GET /api/v1/villages); undefined: not checked (no list yet). */
  villageIds?: ReadonlySet<string>;
  /** Today in Vietnam, yyyy-mm-dd: a visit cannot be in the future. */
  today: string;
}

/** A run of digits, single spaces or dashes inside allowed ("482 913", "48-29-13"). */
const DIGIT_RUN = /\d(?:[ -]?\d)*/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SLUG = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** True when the text holds a run of digits that looks like a one-time code or passcode. */
export function looksLikeOtp(value: string): boolean {
  for (const run of value.match(DIGIT_RUN) ?? []) {
    const digits = run.replace(/\D/g, '').length;
    if (digits >= 6 && digits <= 8) return true;
  }
  return false;
}

function textError(value: string, options: { max: number; name?: boolean; multiline?: boolean; otp?: boolean }): ValidationCode | null {
  const unsafe = unsafeText(value, { multiline: options.multiline ?? false });
  if (unsafe) return unsafe;
  if (isInvisible(value)) return 'invisible-text';
  if (graphemeLength(value) > options.max) return 'too-long';
  if (options.name && !hasLetter(value)) return 'name-no-letter';
  if (options.otp && looksLikeOtp(value)) return 'looks-like-otp';
  return null;
}

/** Add `days` to an ISO date. */
export function addDays(iso: string, days: number): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return toIsoDate({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
}

/** The Monday of the ISO week holding `iso` (yyyy-mm-dd): the key reports group weeks by. */
export function weekOf(iso: string): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  const weekday = (new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() + 6) % 7; // Monday 0
  return addDays(iso, -weekday);
}

/** yyyy-mm of a yyyy-mm-dd date. */
export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

/**
 * Which household a visit is about, for "households visited" (a household visited twice counts
 * once): the village, the head's name and the address, folded (no diacritics, case, spacing).
 */
export function householdKey(visit: Pick<Visit, 'villageId' | 'householdHead' | 'addressDetail'>): string {
  const fold = (s: string): string =>
    foldDiacritics(cleanText(s))
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return `${visit.villageId}|${fold(visit.householdHead)}|${fold(visit.addressDetail)}`;
}

/** The visit with every text in NFC, trimmed and collapsed; lists deduplicated. */
export function normalizeVisit(visit: Visit): Visit {
  const out: Visit = {
    ...visit,
    householdHead: cleanText(visit.householdHead),
    addressDetail: cleanText(visit.addressDetail),
    topics: [...new Set(visit.topics)],
    procedures: [...new Set(visit.procedures)],
    dossierIds: [...new Set(visit.dossierIds)],
  };
  if (visit.note !== undefined) {
    const note = visit.note.normalize('NFC').trim();
    if (note === '') delete out.note;
    else out.note = note;
  }
  if (visit.followUp) {
    const note = visit.followUp.note?.normalize('NFC').trim();
    out.followUp = note ? { on: visit.followUp.on, note } : { on: visit.followUp.on };
  }
  return out;
}

function dateOrder(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Every problem with a visit, by field; [] when it may be stored. Takes a normalised visit. */
export function validateVisit(visit: Visit, context: VisitContext): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, code: ValidationCode | null): void => {
    if (code) errors.push({ field, code });
  };
  if (visit.villageId === '') add('villageId', 'required');
  else if (!SLUG.test(visit.villageId) || (context.villageIds && !context.villageIds.has(visit.villageId)))
    add('villageId', 'unknown-village');
  if (visit.householdHead === '') add('householdHead', 'required');
  else add('householdHead', textError(visit.householdHead, { max: MAX_NAME, name: true, otp: true }));
  if (visit.addressDetail === '') add('addressDetail', 'required');
  else add('addressDetail', textError(visit.addressDetail, { max: MAX_ADDRESS }));
  const visited = parseIsoDate(visit.visitedOn);
  const today = parseIsoDate(context.today);
  if (visit.visitedOn === '') add('visitedOn', 'required');
  else if (!visited) add('visitedOn', 'date-format');
  else if (today && dateOrder(visited, today) > 0) add('visitedOn', 'date-future');
  else if (visited.year < 2025) add('visitedOn', 'date-too-early');
  if (!(VNEID_RESULTS as readonly string[]).includes(visit.vneid)) add('vneid', 'choice-unknown');
  if (visit.topics.some((t) => !(VISIT_TOPICS as readonly string[]).includes(t))) add('topics', 'choice-unknown');
  if (visit.procedures.length > MAX_VISIT_PROCEDURES) add('procedures', 'too-many');
  if (visit.procedures.some((p) => !SLUG.test(p))) add('procedures', 'choice-unknown');
  if (visit.dossierIds.length > MAX_VISIT_DOSSIERS) add('dossierIds', 'too-many');
  if (visit.dossierIds.some((id) => !UUID.test(id))) add('dossierIds', 'wrong-type');
  if (visit.followUp) {
    const on = parseIsoDate(visit.followUp.on);
    if (visit.followUp.on === '') add('followUp.on', 'required');
    else if (!on) add('followUp.on', 'date-format');
    else if (visited && dateOrder(on, visited) < 0) add('followUp.on', 'date-order');
    if (visit.followUp.note !== undefined)
      add('followUp.note', textError(visit.followUp.note, { max: MAX_NOTE, multiline: true, otp: true }));
  }
  if (visit.note !== undefined) add('note', textError(visit.note, { max: MAX_NOTE, multiline: true, otp: true }));
  return errors;
}

/** Distinct households among visits made from `from` to `to` (yyyy-mm-dd, inclusive). */
export function householdsVisited(visits: readonly Visit[], from: string, to: string): number {
  return new Set(visits.filter((v) => v.visitedOn >= from && v.visitedOn <= to).map(householdKey)).size;
}

/**
 * Follow-ups due on or before `today` (or within `aheadDays` after it), soonest first: the
 * newest visit to a household decides, so a household visited again is no longer due.
 */
export function followUpsDue(visits: readonly Visit[], today: string, aheadDays = 7): Visit[] {
  const newest = new Map<string, Visit>();
  for (const visit of visits) {
    const key = householdKey(visit);
    const seen = newest.get(key);
    if (!seen || visit.visitedOn > seen.visitedOn || (visit.visitedOn === seen.visitedOn && visit.recordedAt > seen.recordedAt))
      newest.set(key, visit);
  }
  const until = addDays(today, aheadDays);
  return [...newest.values()]
    .filter((v) => v.followUp && v.followUp.on <= until)
    .sort((a, b) => (a.followUp!.on < b.followUp!.on ? -1 : 1));
}
