/**
 * Readers for the two answers of the commune server that the phone parses, push and pull. Every
 * field of every result and change is checked, so what the phone keeps (a dossier code on a
 * receipt, a status, a cursor) is what the protocol promises, whatever answered: a proxy, a
 * captive portal, a broken or hostile server. One wrong field refuses the whole answer (the
 * phone then treats the exchange as failed and tries again later); fields we do not know are
 * ignored, so a newer server may add some. Values are copied into fresh objects: nothing from
 * the input's prototype (`__proto__`, `constructor`) is read or carried along.
 */
import { DOSSIER_CODE } from './dossier-code';
import {
  DOSSIER_STATUSES,
  MAX_PUSH_ITEMS,
  PUSH_OUTCOMES,
  type CurrentStatus,
  type PullResponse,
  type PushResponse,
  type PushResult,
  type StatusChange,
} from './protocol';
import { StrictReader, field, type Rec } from './strict-reader';
import { VALIDATION_CODES, type FieldError } from './validation-codes';

/** Ids are the phone's own UUIDs echoed back; a generous bound keeps a hostile answer small. */
const MAX_ID_LENGTH = 128;
/** Field paths (`members[2].fullName`) are built from form field ids. */
const MAX_FIELD_PATH_LENGTH = 1000;
/**
 * The officer route refuses notes over 2000 characters before normalising them to NFC, which
 * lengthens a few scripts; twice that is more than any note the server stores.
 */
const MAX_NOTE_LENGTH = 4000;
/** More than any form has fields or attachments. */
const MAX_ERRORS = 1000;
const MAX_MISSING = 1000;
/** The server sends at most 500 changes a page; far more is not an answer of ours. */
const MAX_CHANGES = 10_000;
/** The server answers with lowercase hex, the form refs keep. */
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Protocol numbers, seqs and times: whole, non-negative, exactly representable. */
function count(r: StrictReader, value: unknown, path: string, min = 0): number | undefined {
  return r.int(value, path, min, Number.MAX_SAFE_INTEGER);
}

function readId(r: StrictReader, obj: Rec, path: string): string | undefined {
  const id = r.string(field(obj, 'id'), `${path}.id`, undefined, MAX_ID_LENGTH);
  return id === '' ? r.fail(`${path}.id`, 'must not be empty') : id;
}

function readCode(r: StrictReader, obj: Rec, path: string): string | undefined {
  return r.string(field(obj, 'dossierCode'), `${path}.dossierCode`, DOSSIER_CODE);
}

/** The optional current status of a stored or duplicate answer; absent fields stay absent. */
function readCurrentStatus(r: StrictReader, obj: Rec, path: string): CurrentStatus {
  const current: CurrentStatus = {};
  const status = field(obj, 'status');
  const statusSeq = field(obj, 'statusSeq');
  const statusNote = field(obj, 'statusNote');
  if (status !== undefined) {
    const read = r.oneOf(status, DOSSIER_STATUSES, `${path}.status`);
    if (read !== undefined) current.status = read;
  }
  if (statusSeq !== undefined) {
    const read = count(r, statusSeq, `${path}.statusSeq`, 1);
    if (read !== undefined) current.statusSeq = read;
  }
  if (statusNote !== undefined) {
    const read = r.string(statusNote, `${path}.statusNote`, undefined, MAX_NOTE_LENGTH);
    if (read !== undefined) current.statusNote = read;
  }
  return current;
}

function readFieldError(r: StrictReader, value: unknown, path: string): FieldError | undefined {
  const obj = r.record(value, path);
  if (!obj) return undefined;
  // '' is a real path: the answers as a whole.
  const fieldPath = r.string(field(obj, 'field'), `${path}.field`, undefined, MAX_FIELD_PATH_LENGTH);
  const code = r.oneOf(field(obj, 'code'), VALIDATION_CODES, `${path}.code`);
  return fieldPath !== undefined && code !== undefined ? { field: fieldPath, code } : undefined;
}

function readResult(r: StrictReader, value: unknown, path: string): PushResult | undefined {
  const obj = r.record(value, path);
  if (!obj) return undefined;
  const id = readId(r, obj, path);
  const outcome = r.oneOf(field(obj, 'outcome'), PUSH_OUTCOMES, `${path}.outcome`);
  if (id === undefined || outcome === undefined) return undefined;
  switch (outcome) {
    case 'stored':
    case 'duplicate': {
      const dossierCode = readCode(r, obj, path);
      const receivedAt = count(r, field(obj, 'receivedAt'), `${path}.receivedAt`);
      const before = r.errors.length;
      const current = readCurrentStatus(r, obj, path);
      if (dossierCode === undefined || receivedAt === undefined || r.errors.length > before) return undefined;
      return { id, outcome, dossierCode, receivedAt, ...current };
    }
    case 'conflict': {
      // Protocol 2 names the held code only to a device that follows that dossier.
      if (field(obj, 'dossierCode') === undefined) return { id, outcome };
      const dossierCode = readCode(r, obj, path);
      return dossierCode === undefined ? undefined : { id, outcome, dossierCode };
    }
    case 'invalid': {
      const errors = r.items(field(obj, 'errors'), `${path}.errors`, MAX_ERRORS, (v, p) => readFieldError(r, v, p));
      return errors === undefined ? undefined : { id, outcome, errors };
    }
    case 'missing-blobs': {
      const missing = r.list(field(obj, 'missing'), `${path}.missing`, MAX_MISSING, (v, p) => r.string(v, p, SHA256_HEX));
      return missing === undefined ? undefined : { id, outcome, missing };
    }
  }
}

function readChange(r: StrictReader, value: unknown, path: string): StatusChange | undefined {
  const obj = r.record(value, path);
  if (!obj) return undefined;
  const id = readId(r, obj, path);
  const dossierCode = readCode(r, obj, path);
  const status = r.oneOf(field(obj, 'status'), DOSSIER_STATUSES, `${path}.status`);
  const note = field(obj, 'note');
  const readNote = note === undefined ? undefined : r.string(note, `${path}.note`, undefined, MAX_NOTE_LENGTH);
  const changedAt = count(r, field(obj, 'changedAt'), `${path}.changedAt`);
  const seq = count(r, field(obj, 'seq'), `${path}.seq`, 1);
  if (id === undefined || dossierCode === undefined || status === undefined || changedAt === undefined || seq === undefined)
    return undefined;
  if (note !== undefined && readNote === undefined) return undefined;
  const change: StatusChange = { id, dossierCode, status, changedAt, seq };
  if (readNote !== undefined) change.note = readNote;
  return change;
}

/** The answer to POST /api/v1/sync/push, or undefined when any part of it is not one. */
export function readPushResponse(value: unknown): PushResponse | undefined {
  const r = new StrictReader();
  const body = r.record(value, 'response');
  if (!body) return undefined;
  const protocol = count(r, field(body, 'protocol'), 'protocol', 1);
  // One result per pushed item, and a push carries at most MAX_PUSH_ITEMS.
  const results = r.items(field(body, 'results'), 'results', MAX_PUSH_ITEMS, (v, p) => readResult(r, v, p));
  if (protocol === undefined || results === undefined || r.errors.length > 0) return undefined;
  return { protocol, results };
}

/** The answer to GET /api/v1/sync/pull, or undefined when any part of it is not one. */
export function readPullResponse(value: unknown): PullResponse | undefined {
  const r = new StrictReader();
  const body = r.record(value, 'response');
  if (!body) return undefined;
  const protocol = count(r, field(body, 'protocol'), 'protocol', 1);
  const changes = r.items(field(body, 'changes'), 'changes', MAX_CHANGES, (v, p) => readChange(r, v, p));
  const cursor = count(r, field(body, 'cursor'), 'cursor');
  if (protocol === undefined || changes === undefined || cursor === undefined || r.errors.length > 0) return undefined;
  return { protocol, changes, cursor };
}
