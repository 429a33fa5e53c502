/**
 * The visit push gate: the envelope is refused whole (like dossier pushes), each item is read,
 * normalised and validated by the same domain code as the phone's form, and answered `invalid`
 * on its own when its content is wrong. What passes carries its household key and content hash.
 */
import { createHash } from 'node:crypto';
import type { ProtocolError } from '../../domain/protocol';
import { StrictReader, field, isRecord } from '../../domain/strict-reader';
import { householdKey, normalizeVisit, validateVisit, type VisitContext } from '../../domain/visit';
import { MAX_VISIT_PUSH_ITEMS, type VisitPushResult } from '../../domain/visit-protocol';
import { readVisit } from '../../domain/visit-protocol';
import { canonicalJson } from '../sync/content-hash';
import { SUPPORTED_PROTOCOLS } from '../sync/protocol-checks';
import type { AcceptedVisit } from './campaign-repository';

export type VisitEnvelope = { ok: true; items: unknown[] } | { ok: false; status: 400 | 413 | 426; error: ProtocolError; message: string };

export function checkVisitEnvelope(body: unknown): VisitEnvelope {
  if (!isRecord(body)) return { ok: false, status: 400, error: 'bad-request', message: 'The body must be a JSON object.' };
  const r = new StrictReader();
  const protocol = field(body, 'protocol');
  if (r.oneOf(protocol, SUPPORTED_PROTOCOLS, 'protocol') === undefined) {
    return {
      ok: false,
      status: 426,
      error: 'protocol-unsupported',
      message: `Protocol ${String(protocol)} is not supported; update the app.`,
    };
  }
  const items = field(body, 'items');
  if (!Array.isArray(items)) return { ok: false, status: 400, error: 'bad-request', message: 'items must be an array.' };
  if (items.length > MAX_VISIT_PUSH_ITEMS) {
    return { ok: false, status: 413, error: 'too-many-items', message: `At most ${MAX_VISIT_PUSH_ITEMS} visits per push.` };
  }
  for (const [index, item] of items.entries()) {
    const id = isRecord(item) ? field(item, 'id') : undefined;
    const version = isRecord(item) ? field(item, 'version') : undefined;
    if (typeof id !== 'string' || typeof version !== 'number') {
      return { ok: false, status: 400, error: 'bad-request', message: `items[${index}] must be an object with an id and a version.` };
    }
  }
  return { ok: true, items };
}

/** sha256 of the canonical JSON of what the visit says; recordedAt left out (a retry from a corrected clock is the same visit). */
export function visitContentHash(visit: AcceptedVisit['visit']): string {
  const { recordedAt: _recordedAt, ...declared } = visit;
  return createHash('sha256').update(canonicalJson(declared)).digest('hex');
}

export type VisitCheck = { ok: true; accepted: AcceptedVisit } | { ok: false; result: VisitPushResult };

export function checkVisitItem(item: unknown, communeCode: string, context: VisitContext): VisitCheck {
  const raw = item as { id: string; version: number };
  const r = new StrictReader();
  const read = readVisit(r, item, 'item');
  if (!read)
    return { ok: false, result: { id: raw.id, version: raw.version, outcome: 'invalid', errors: [{ field: '', code: 'wrong-type' }] } };
  if (read.communeCode !== communeCode) {
    return {
      ok: false,
      result: { id: read.id, version: read.version, outcome: 'invalid', errors: [{ field: 'communeCode', code: 'wrong-commune' }] },
    };
  }
  const visit = normalizeVisit(read);
  const errors = validateVisit(visit, context);
  if (errors.length > 0) return { ok: false, result: { id: visit.id, version: visit.version, outcome: 'invalid', errors } };
  return { ok: true, accepted: { visit, householdKey: householdKey(visit), contentHash: visitContentHash(visit) } };
}
