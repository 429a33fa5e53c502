/**
 * The procedure catalogue: what a commune procedure needs, costs and takes. The app ships a
 * bundled copy (src/content/catalog) and the server may send a newer one, so every catalogue
 * coming from outside goes through validateCatalog before the app trusts it.
 */
import type { Localized } from './localized';
import { StrictReader, field } from './strict-reader';

export type HandledBy = 'ubnd-xa' | 'cong-an-xa';
export type ProcedureOnlineCategory = 'toan-trinh' | 'mot-phan' | 'none';
export type ResultChannel = 'counter' | 'post' | 'online';
export type TimeUnit = 'working-days' | 'hours' | 'same-day';
/** What a fixed fee is counted per (shown as "/trường hợp", "/hợp đồng"…). */
export type FeeUnit = 'case' | 'contract' | 'copy';

export const HANDLERS: readonly HandledBy[] = ['ubnd-xa', 'cong-an-xa'];
export const PROCEDURE_ONLINE_CATEGORIES: readonly ProcedureOnlineCategory[] = ['toan-trinh', 'mot-phan', 'none'];
export const RESULT_CHANNELS: readonly ResultChannel[] = ['counter', 'post', 'online'];
export const TIME_UNITS: readonly TimeUnit[] = ['working-days', 'hours', 'same-day'];
export const FEE_UNITS: readonly FeeUnit[] = ['case', 'contract', 'copy'];

/** How a fee is set. Amounts are whole đồng. `unavailable`: the channel (online) is not offered. */
export type FeeRule =
  | { kind: 'free' }
  | { kind: 'fixed'; amountVnd: number; per?: FeeUnit }
  | { kind: 'set-by-province' }
  | {
      kind: 'per-page';
      /** The first `firstPages` pages cost `firstPageVnd` each, later pages `laterPageVnd`. */
      firstPages: number;
      firstPageVnd: number;
      laterPageVnd: number;
      /** Ceiling for one copy, whatever its length. */
      maxPerCopyVnd: number;
    }
  | { kind: 'text'; text: Localized }
  | { kind: 'unavailable' };

export interface RequiredDocument {
  id: string;
  name: Localized;
  /** e.g. "01 bản chính". */
  copies?: string;
  note?: Localized;
  required: boolean;
}

export interface ProcedureFee {
  inPerson: FeeRule;
  online: FeeRule;
  note?: Localized;
}

export interface TimeLimit {
  /** 0 for 'same-day', otherwise at least 1. */
  amount: number;
  unit: TimeUnit;
  note?: Localized;
}

export interface Procedure {
  /** National procedure code, e.g. "1.004194"; null where we are not sure of one. */
  code: string | null;
  slug: string;
  name: Localized;
  handledBy: HandledBy;
  documents: RequiredDocument[];
  fee: ProcedureFee;
  timeLimit: TimeLimit;
  resultReturn: ResultChannel[];
  onlineCategory: ProcedureOnlineCategory;
  /** Trips to the office when done at the counter vs online (the "2 trips vs 0" benefit). */
  visitsAtCounter: number;
  visitsOnline: number;
  /** A form the app can fill today (see src/content/forms). */
  formId?: string;
  /** A form that is planned but not written yet: never offered to the user. */
  plannedFormId?: string;
  /** General remark, e.g. what varies by province or still needs checking. */
  note?: Localized;
  legalBasis: string[];
  source: string;
  /** ISO date the figures were last checked. */
  verifiedOn: string;
  keywords?: string[];
}

export interface Catalog {
  /** Content version, bumped on every publication. */
  version: number;
  /** ISO date. */
  publishedOn: string;
  procedures: Procedure[];
}

export type CatalogCheck = { ok: true; catalog: Catalog } | { ok: false; errors: string[] };

export const PROCEDURE_CODE = /^\d\.\d{6}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_PROCEDURES = 500;
const MAX_DOCUMENTS = 40;
const MAX_LIST = 30;
const MAX_VND = 100_000_000;

/** Looks a procedure up by national code or slug. */
export function findProcedure(catalog: Catalog, key: string): Procedure | undefined {
  return catalog.procedures.find((p) => p.code === key || p.slug === key);
}

// ---- the validator: pure and total; unknown keys are dropped, text is normalised to NFC ----

function readFeeRule(c: StrictReader, value: unknown, path: string): FeeRule | undefined {
  const obj = c.record(value, path);
  if (!obj) return undefined;
  const kind = field(obj, 'kind');
  switch (kind) {
    case 'free':
    case 'set-by-province':
    case 'unavailable':
      return { kind };
    case 'fixed': {
      const amountVnd = c.int(field(obj, 'amountVnd'), `${path}.amountVnd`, 0, MAX_VND);
      const per = field(obj, 'per') === undefined ? undefined : c.oneOf(field(obj, 'per'), FEE_UNITS, `${path}.per`);
      if (amountVnd === undefined || (field(obj, 'per') !== undefined && per === undefined)) return undefined;
      return per ? { kind, amountVnd, per } : { kind, amountVnd };
    }
    case 'per-page': {
      const firstPages = c.int(field(obj, 'firstPages'), `${path}.firstPages`, 0, 1000);
      const firstPageVnd = c.int(field(obj, 'firstPageVnd'), `${path}.firstPageVnd`, 0, MAX_VND);
      const laterPageVnd = c.int(field(obj, 'laterPageVnd'), `${path}.laterPageVnd`, 0, MAX_VND);
      const maxPerCopyVnd = c.int(field(obj, 'maxPerCopyVnd'), `${path}.maxPerCopyVnd`, 0, MAX_VND);
      if (firstPages === undefined || firstPageVnd === undefined || laterPageVnd === undefined || maxPerCopyVnd === undefined)
        return undefined;
      return { kind, firstPages, firstPageVnd, laterPageVnd, maxPerCopyVnd };
    }
    case 'text': {
      const text = c.localized(field(obj, 'text'), `${path}.text`);
      return text ? { kind, text } : undefined;
    }
    default:
      return c.fail(`${path}.kind`, 'unknown fee kind');
  }
}

function readDocument(c: StrictReader, value: unknown, path: string): RequiredDocument | undefined {
  const obj = c.record(value, path);
  if (!obj) return undefined;
  const id = c.text(field(obj, 'id'), `${path}.id`, SLUG, 60);
  const name = c.localized(field(obj, 'name'), `${path}.name`);
  const copies = c.optionalText(field(obj, 'copies'), `${path}.copies`);
  const note = c.optionalLocalized(field(obj, 'note'), `${path}.note`);
  const required = c.bool(field(obj, 'required'), `${path}.required`);
  if (id === undefined || !name || required === undefined) return undefined;
  if ((field(obj, 'copies') !== undefined && copies === undefined) || (field(obj, 'note') !== undefined && !note)) return undefined;
  return { id, name, required, ...(copies ? { copies } : {}), ...(note ? { note } : {}) };
}

/** Rules that tie fields together, so the UI never shows "0 trips" for an offline-only procedure. */
function checkCoherence(c: StrictReader, p: Procedure, path: string): void {
  if (p.timeLimit.unit === 'same-day' ? p.timeLimit.amount !== 0 : p.timeLimit.amount < 1) {
    c.fail(`${path}.timeLimit.amount`, 'must be 0 for same-day and at least 1 otherwise');
  }
  if (p.fee.inPerson.kind === 'unavailable') c.fail(`${path}.fee.inPerson`, 'the counter is always available');
  if ((p.onlineCategory === 'none') !== (p.fee.online.kind === 'unavailable')) {
    c.fail(`${path}.fee.online`, 'must be "unavailable" exactly when onlineCategory is "none"');
  }
  if (p.onlineCategory === 'none' && p.visitsOnline !== p.visitsAtCounter) {
    c.fail(`${path}.visitsOnline`, 'must equal visitsAtCounter when the procedure is not online');
  }
  if (p.visitsOnline > p.visitsAtCounter) c.fail(`${path}.visitsOnline`, 'cannot exceed visitsAtCounter');
  if (p.onlineCategory === 'toan-trinh') {
    if (p.visitsOnline !== 0) c.fail(`${path}.visitsOnline`, 'must be 0 for toan-trinh');
    if (!p.resultReturn.includes('online') && !p.resultReturn.includes('post')) {
      c.fail(`${path}.resultReturn`, 'toan-trinh returns the result online or by post');
    }
  }
  c.unique(
    p.documents.map((d) => d.id),
    `${path}.documents`,
    'document id',
  );
  c.unique(p.resultReturn, `${path}.resultReturn`, 'channel');
}

function readProcedure(c: StrictReader, value: unknown, path: string): Procedure | undefined {
  const obj = c.record(value, path);
  if (!obj) return undefined;
  const before = c.errors.length;
  const rawCode = field(obj, 'code');
  const code = rawCode === null ? null : c.text(rawCode, `${path}.code`, PROCEDURE_CODE);
  const slug = c.text(field(obj, 'slug'), `${path}.slug`, SLUG, 80);
  const name = c.localized(field(obj, 'name'), `${path}.name`);
  const handledBy = c.oneOf(field(obj, 'handledBy'), HANDLERS, `${path}.handledBy`);
  const documents = c.list(field(obj, 'documents'), `${path}.documents`, MAX_DOCUMENTS, (v, p) => readDocument(c, v, p));
  const feeObj = c.record(field(obj, 'fee'), `${path}.fee`);
  const inPerson = feeObj && readFeeRule(c, field(feeObj, 'inPerson'), `${path}.fee.inPerson`);
  const online = feeObj && readFeeRule(c, field(feeObj, 'online'), `${path}.fee.online`);
  const feeNote = feeObj && c.optionalLocalized(field(feeObj, 'note'), `${path}.fee.note`);
  const limitObj = c.record(field(obj, 'timeLimit'), `${path}.timeLimit`);
  const amount = limitObj && c.int(field(limitObj, 'amount'), `${path}.timeLimit.amount`, 0, 365);
  const unit = limitObj && c.oneOf(field(limitObj, 'unit'), TIME_UNITS, `${path}.timeLimit.unit`);
  const limitNote = limitObj && c.optionalLocalized(field(limitObj, 'note'), `${path}.timeLimit.note`);
  const resultReturn = c.list(field(obj, 'resultReturn'), `${path}.resultReturn`, 3, (v, p) => c.oneOf(v, RESULT_CHANNELS, p));
  const onlineCategory = c.oneOf(field(obj, 'onlineCategory'), PROCEDURE_ONLINE_CATEGORIES, `${path}.onlineCategory`);
  const visitsAtCounter = c.int(field(obj, 'visitsAtCounter'), `${path}.visitsAtCounter`, 0, 10);
  const visitsOnline = c.int(field(obj, 'visitsOnline'), `${path}.visitsOnline`, 0, 10);
  const formId = field(obj, 'formId') === undefined ? undefined : c.text(field(obj, 'formId'), `${path}.formId`, SLUG, 80);
  const plannedFormId =
    field(obj, 'plannedFormId') === undefined ? undefined : c.text(field(obj, 'plannedFormId'), `${path}.plannedFormId`, SLUG, 80);
  const note = c.optionalLocalized(field(obj, 'note'), `${path}.note`);
  const legalBasis = c.list(field(obj, 'legalBasis'), `${path}.legalBasis`, MAX_LIST, (v, p) => c.text(v, p, undefined, 300));
  const source = c.text(field(obj, 'source'), `${path}.source`, undefined, 500);
  const verifiedOn = c.date(field(obj, 'verifiedOn'), `${path}.verifiedOn`);
  const keywords =
    field(obj, 'keywords') === undefined
      ? undefined
      : c.list(field(obj, 'keywords'), `${path}.keywords`, MAX_LIST, (v, p) => c.text(v, p, undefined, 100));
  if (c.errors.length > before) return undefined;
  // Every read above succeeded (no new errors), so the values below are all present.
  const procedure: Procedure = {
    code: code ?? null,
    slug: slug!,
    name: name!,
    handledBy: handledBy!,
    documents: documents!,
    fee: { inPerson: inPerson!, online: online!, ...(feeNote ? { note: feeNote } : {}) },
    timeLimit: { amount: amount!, unit: unit!, ...(limitNote ? { note: limitNote } : {}) },
    resultReturn: resultReturn!,
    onlineCategory: onlineCategory!,
    visitsAtCounter: visitsAtCounter!,
    visitsOnline: visitsOnline!,
    ...(formId ? { formId } : {}),
    ...(plannedFormId ? { plannedFormId } : {}),
    ...(note ? { note } : {}),
    legalBasis: legalBasis!,
    source: source!,
    verifiedOn: verifiedOn!,
    ...(keywords ? { keywords } : {}),
  };
  checkCoherence(c, procedure, path);
  return c.errors.length > before ? undefined : procedure;
}

function check(input: unknown): CatalogCheck {
  const c = new StrictReader();
  const obj = c.record(input, 'catalog');
  if (!obj) return { ok: false, errors: c.errors };
  const version = c.int(field(obj, 'version'), 'version', 1, Number.MAX_SAFE_INTEGER);
  const publishedOn = c.date(field(obj, 'publishedOn'), 'publishedOn');
  const procedures = c.list(field(obj, 'procedures'), 'procedures', MAX_PROCEDURES, (v, p) => readProcedure(c, v, p));
  if (procedures) {
    c.unique(
      procedures.map((p) => p.slug),
      'procedures',
      'slug',
    );
    c.unique(
      procedures.flatMap((p) => (p.code === null ? [] : [p.code])),
      'procedures',
      'code',
    );
  }
  if (c.errors.length > 0 || version === undefined || publishedOn === undefined || !procedures) {
    return { ok: false, errors: c.errors };
  }
  return { ok: true, catalog: { version, publishedOn, procedures } };
}

/**
 * Strict, total check of a catalogue from outside (server, cache). Never throws: even a hostile
 * object (throwing getter, proxy) becomes an error. Returns a clean copy with NFC text.
 */
export function validateCatalog(input: unknown): CatalogCheck {
  try {
    return check(input);
  } catch {
    return { ok: false, errors: ['catalog: unreadable input'] };
  }
}
