/**
 * The visit form's use cases: a blank visit for a new id (the worker's village and today), and
 * "Lưu và gửi": normalise, validate with the shared validator (the server runs the same), then
 * queue the next version and ask for a sync. The clock and the commune are passed in.
 */
import { toIsoDate, vietnamDateOf } from '../../domain/dates';
import { VISIT_SCHEMA_VERSION, normalizeVisit, validateVisit, type Visit } from '../../domain/visit';
import type { FieldError } from '../../domain/validation-codes';
import type { Visits } from '../../storage/visits';

export function blankVisit(id: string, communeCode: string, villageId: string | undefined, now: number): Visit {
  return {
    id,
    version: 1,
    schemaVersion: VISIT_SCHEMA_VERSION,
    communeCode,
    villageId: villageId ?? '',
    householdHead: '',
    addressDetail: '',
    visitedOn: toIsoDate(vietnamDateOf(now)),
    topics: [],
    procedures: [],
    vneid: 'not-possible',
    appInstalled: false,
    dossierIds: [],
    recordedAt: now,
  };
}

export type SubmitVisit = { ok: true; version: number } | { ok: false; errors: FieldError[] };

export async function submitVisit(
  visits: Pick<Visits, 'saveVisit' | 'queueVisit'>,
  visit: Visit,
  context: { villageIds: ReadonlySet<string> | undefined; now: number },
): Promise<SubmitVisit> {
  const normalized = normalizeVisit(visit);
  const today = toIsoDate(vietnamDateOf(context.now));
  const errors = validateVisit(normalized, { today, ...(context.villageIds ? { villageIds: context.villageIds } : {}) });
  if (errors.length > 0) return { ok: false, errors };
  await visits.saveVisit(normalized, context.now);
  return { ok: true, version: await visits.queueVisit(normalized.id, context.now) };
}
