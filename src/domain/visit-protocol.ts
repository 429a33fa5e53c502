/**
 * The visit lane of the sync protocol: `POST /api/v1/sync/visits` with at most
 * MAX_VISIT_PUSH_ITEMS visits, answered per item, in one transaction, like dossier pushes:
 * - stored: this (id, version) is new and now kept;
 * - duplicate: the same (id, version) with the same content was kept already (a retry);
 * - conflict: the same (id, version) was kept with different content: nothing changed;
 * - invalid: the visit's content is refused (field errors as the form shows them).
 * The phone removes a visit from its queue only on stored or duplicate. The readers here turn
 * untrusted JSON into these shapes without throwing (server: the request; phone: the answer).
 */
import { StrictReader, field, isRecord } from './strict-reader';
import { VALIDATION_CODES, type FieldError } from './validation-codes';
import { VISIT_TOPICS, VNEID_RESULTS, type Visit, type VisitFollowUp } from './visit';

export const MAX_VISIT_PUSH_ITEMS = 50;

export const VISIT_OUTCOMES = ['stored', 'duplicate', 'conflict', 'invalid'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

export interface VisitPushRequest {
  protocol: number;
  items: Visit[];
}

export type VisitPushResult =
  | { id: string; version: number; outcome: 'stored' | 'duplicate' | 'conflict' }
  | { id: string; version: number; outcome: 'invalid'; errors: FieldError[] };

export interface VisitPushResponse {
  results: VisitPushResult[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ID_LIKE = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** Raw text as sent (the validator says what is wrong with it, by field); '' allowed. */
function rawText(r: StrictReader, value: unknown, path: string, max: number): string | undefined {
  return r.string(value, path, undefined, max);
}

/** One visit from untrusted JSON; undefined (errors in `r`) when its shape is wrong. */
export function readVisit(r: StrictReader, value: unknown, path: string): Visit | undefined {
  const obj = r.record(value, path);
  if (!obj) return undefined;
  const before = r.errors.length;
  const id = r.string(field(obj, 'id'), `${path}.id`, UUID);
  const version = r.int(field(obj, 'version'), `${path}.version`, 1, 10_000);
  const schemaVersion = r.int(field(obj, 'schemaVersion'), `${path}.schemaVersion`, 1, 1);
  const communeCode = r.string(field(obj, 'communeCode'), `${path}.communeCode`, /^\d{5}$/);
  const villageId = rawText(r, field(obj, 'villageId'), `${path}.villageId`, 40);
  const householdHead = rawText(r, field(obj, 'householdHead'), `${path}.householdHead`, 1000);
  const addressDetail = rawText(r, field(obj, 'addressDetail'), `${path}.addressDetail`, 2000);
  const visitedOn = rawText(r, field(obj, 'visitedOn'), `${path}.visitedOn`, 20);
  const topics = r.items(field(obj, 'topics'), `${path}.topics`, VISIT_TOPICS.length, (v, p) => r.oneOf(v, VISIT_TOPICS, p));
  const procedures = r.items(field(obj, 'procedures'), `${path}.procedures`, 100, (v, p) => r.string(v, p, ID_LIKE));
  const vneid = r.oneOf(field(obj, 'vneid'), VNEID_RESULTS, `${path}.vneid`);
  const appInstalled = r.bool(field(obj, 'appInstalled'), `${path}.appInstalled`);
  const dossierIds = r.items(field(obj, 'dossierIds'), `${path}.dossierIds`, 100, (v, p) => r.string(v, p, UUID));
  const recordedAt = r.int(field(obj, 'recordedAt'), `${path}.recordedAt`, 0);
  let followUp: VisitFollowUp | undefined;
  const rawFollow = field(obj, 'followUp');
  if (rawFollow !== undefined) {
    const f = r.record(rawFollow, `${path}.followUp`);
    if (f) {
      const on = rawText(r, field(f, 'on'), `${path}.followUp.on`, 20);
      const note = field(f, 'note') === undefined ? undefined : rawText(r, field(f, 'note'), `${path}.followUp.note`, 5000);
      if (on !== undefined) followUp = note !== undefined ? { on, note } : { on };
    }
  }
  const note = field(obj, 'note') === undefined ? undefined : rawText(r, field(obj, 'note'), `${path}.note`, 5000);
  if (r.errors.length > before) return undefined;
  const visit: Visit = {
    id: id!,
    version: version!,
    schemaVersion: schemaVersion!,
    communeCode: communeCode!,
    villageId: villageId!,
    householdHead: householdHead!,
    addressDetail: addressDetail!,
    visitedOn: visitedOn!,
    topics: topics!,
    procedures: procedures!,
    vneid: vneid!,
    appInstalled: appInstalled!,
    dossierIds: dossierIds!,
    recordedAt: recordedAt!,
  };
  if (followUp) visit.followUp = followUp;
  if (note !== undefined) visit.note = note;
  return visit;
}

/** The server's answer to a visit push, read on the phone; undefined when it is not one. */
export function readVisitPushResponse(body: unknown): VisitPushResponse | undefined {
  const r = new StrictReader();
  if (!isRecord(body)) return undefined;
  const results = r.items(field(body, 'results'), 'results', MAX_VISIT_PUSH_ITEMS, (value, path): VisitPushResult | undefined => {
    const obj = r.record(value, path);
    if (!obj) return undefined;
    const id = r.string(field(obj, 'id'), `${path}.id`, UUID);
    const version = r.int(field(obj, 'version'), `${path}.version`, 1);
    const outcome = r.oneOf(field(obj, 'outcome'), VISIT_OUTCOMES, `${path}.outcome`);
    if (id === undefined || version === undefined || outcome === undefined) return undefined;
    if (outcome !== 'invalid') return { id, version, outcome };
    const errors = r.items(field(obj, 'errors'), `${path}.errors`, 100, (e, p): FieldError | undefined => {
      const err = r.record(e, p);
      if (!err) return undefined;
      const f = r.string(field(err, 'field'), `${p}.field`, undefined, 200);
      const code = r.oneOf(field(err, 'code'), VALIDATION_CODES, `${p}.code`);
      return f !== undefined && code !== undefined ? { field: f, code } : undefined;
    });
    return errors ? { id, version, outcome, errors } : undefined;
  });
  return results && r.errors.length === 0 ? { results } : undefined;
}
