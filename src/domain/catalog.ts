/**
 * The procedure catalogue: what a commune procedure needs, costs and takes. The app ships a
 * bundled copy (src/content/catalog) and the server may send a newer one, so every catalogue
 * coming from outside goes through validateCatalog before the app trusts it.
 *
 * Fees are data with a validity period: `fee.inPerson` / `fee.online` are the standing rules, and
 * `fee.periods` replace them for a time or for the applicants meeting a condition (a waiver until
 * 28/02/2027 for holders of a level-2 VNeID account); domain/fees.ts picks the rule of a given
 * day. Both fields are additive, so a catalogue of the older shape (no periods, no cases) still
 * reads, and an older app reading a newer catalogue drops them and shows the standing rules.
 */
import type { Localized } from './localized';
import type { LegalTimeLimit } from './working-days';
import { StrictReader, field } from './strict-reader';

export type HandledBy = 'ubnd-xa' | 'cong-an-xa';
export type ProcedureOnlineCategory = 'toan-trinh' | 'mot-phan' | 'none';
export type ResultChannel = 'counter' | 'post' | 'online';
/** `half-day`: at most half a working day (amount 0, like `same-day`). */
export type TimeUnit = 'working-days' | 'hours' | 'same-day' | 'half-day';
/** What a fixed fee is counted per (shown as "/trường hợp", "/hợp đồng", "/người"…). */
export type FeeUnit = 'case' | 'contract' | 'copy' | 'person';
/** Who a fee period is for, beyond its dates; each has its words in the locales (procedure.feeCondition). */
export type FeeCondition = 'vneid-level-2';
export type FeeChannel = 'inPerson' | 'online';

export const HANDLERS: readonly HandledBy[] = ['ubnd-xa', 'cong-an-xa'];
export const PROCEDURE_ONLINE_CATEGORIES: readonly ProcedureOnlineCategory[] = ['toan-trinh', 'mot-phan', 'none'];
export const RESULT_CHANNELS: readonly ResultChannel[] = ['counter', 'post', 'online'];
export const TIME_UNITS: readonly TimeUnit[] = ['working-days', 'hours', 'same-day', 'half-day'];
export const FEE_UNITS: readonly FeeUnit[] = ['case', 'contract', 'copy', 'person'];
export const FEE_CONDITIONS: readonly FeeCondition[] = ['vneid-level-2'];
export const FEE_CHANNELS: readonly FeeChannel[] = ['inPerson', 'online'];

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

/**
 * A rate that replaces the standing rule of the channels it names, from `from` to `until`
 * (inclusive ISO dates, open when absent), for everyone or only for applicants meeting `condition`.
 */
export interface FeePeriod {
  from?: string;
  until?: string;
  condition?: FeeCondition;
  inPerson?: FeeRule;
  online?: FeeRule;
  /** Why this rate, shown next to it ("Miễn lệ phí cho công dân có tài khoản định danh mức độ 2…"). */
  reason: Localized;
  /** The text that sets it, e.g. "Thông tư 117/2026/TT-BTC, Điều 1 khoản 3". */
  basis: string;
}

/** What a fee is made of: standing rules per channel and the periods that replace them. */
export interface FeeLine {
  inPerson: FeeRule;
  online: FeeRule;
  periods?: FeePeriod[];
}

/** Another case of the same procedure with its own rate, e.g. registration by list. */
export interface FeeCase extends FeeLine {
  id: string;
  name: Localized;
  note?: Localized;
}

export interface ProcedureFee extends FeeLine {
  note?: Localized;
  cases?: FeeCase[];
}

export interface TimeLimit {
  /** 0 for 'same-day' and 'half-day', otherwise at least 1. */
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

/** The limit as the working-day calculator counts it; null for limits in hours (not counted in days). */
export function legalTimeLimit(limit: TimeLimit): LegalTimeLimit | null {
  switch (limit.unit) {
    case 'working-days':
      return { unit: 'working-days', amount: limit.amount };
    case 'same-day':
      return { unit: 'same-day' };
    case 'half-day':
      return { unit: 'half-day' };
    case 'hours':
      return null;
  }
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

const MAX_PERIODS = 20;
const MAX_CASES = 10;

function readOptionalRule(c: StrictReader, obj: Record<string, unknown>, key: FeeChannel, path: string): FeeRule | undefined | null {
  const value = field(obj, key);
  if (value === undefined) return undefined;
  return readFeeRule(c, value, `${path}.${key}`) ?? null;
}

function readFeePeriod(c: StrictReader, value: unknown, path: string): FeePeriod | undefined {
  const obj = c.record(value, path);
  if (!obj) return undefined;
  const before = c.errors.length;
  const from = field(obj, 'from') === undefined ? undefined : c.date(field(obj, 'from'), `${path}.from`);
  const until = field(obj, 'until') === undefined ? undefined : c.date(field(obj, 'until'), `${path}.until`);
  const condition =
    field(obj, 'condition') === undefined ? undefined : c.oneOf(field(obj, 'condition'), FEE_CONDITIONS, `${path}.condition`);
  const inPerson = readOptionalRule(c, obj, 'inPerson', path);
  const online = readOptionalRule(c, obj, 'online', path);
  const reason = c.localized(field(obj, 'reason'), `${path}.reason`);
  const basis = c.text(field(obj, 'basis'), `${path}.basis`, undefined, 300);
  if (c.errors.length > before || !reason || basis === undefined || inPerson === null || online === null) return undefined;
  if (!inPerson && !online) return c.fail(path, 'must set inPerson, online or both');
  if (from && until && from > until) return c.fail(`${path}.until`, 'is before from');
  return {
    ...(from ? { from } : {}),
    ...(until ? { until } : {}),
    ...(condition ? { condition } : {}),
    ...(inPerson ? { inPerson } : {}),
    ...(online ? { online } : {}),
    reason,
    basis,
  };
}

/** inPerson, online and the optional periods: what a procedure and each of its cases have. */
function readFeeLine(c: StrictReader, obj: Record<string, unknown>, path: string): FeeLine | undefined {
  const before = c.errors.length;
  const inPerson = readFeeRule(c, field(obj, 'inPerson'), `${path}.inPerson`);
  const online = readFeeRule(c, field(obj, 'online'), `${path}.online`);
  const periods =
    field(obj, 'periods') === undefined
      ? undefined
      : c.items(field(obj, 'periods'), `${path}.periods`, MAX_PERIODS, (v, p) => readFeePeriod(c, v, p));
  if (c.errors.length > before || !inPerson || !online) return undefined;
  return { inPerson, online, ...(periods && periods.length > 0 ? { periods } : {}) };
}

function readFeeCase(c: StrictReader, value: unknown, path: string): FeeCase | undefined {
  const obj = c.record(value, path);
  if (!obj) return undefined;
  const before = c.errors.length;
  const id = c.text(field(obj, 'id'), `${path}.id`, SLUG, 60);
  const name = c.localized(field(obj, 'name'), `${path}.name`);
  const note = c.optionalLocalized(field(obj, 'note'), `${path}.note`);
  const line = readFeeLine(c, obj, path);
  if (c.errors.length > before || id === undefined || !name || !line) return undefined;
  return { id, name, ...line, ...(note ? { note } : {}) };
}

function readFee(c: StrictReader, value: unknown, path: string): ProcedureFee | undefined {
  const obj = c.record(value, path);
  if (!obj) return undefined;
  const before = c.errors.length;
  const line = readFeeLine(c, obj, path);
  const note = c.optionalLocalized(field(obj, 'note'), `${path}.note`);
  const cases =
    field(obj, 'cases') === undefined
      ? undefined
      : c.items(field(obj, 'cases'), `${path}.cases`, MAX_CASES, (v, p) => readFeeCase(c, v, p));
  if (c.errors.length > before || !line) return undefined;
  return { ...line, ...(note ? { note } : {}), ...(cases && cases.length > 0 ? { cases } : {}) };
}

/** A fee line agrees with whether the procedure is offered online at all. */
function checkFeeLine(c: StrictReader, p: Procedure, line: FeeLine, path: string): void {
  const offline = p.onlineCategory === 'none';
  if (line.inPerson.kind === 'unavailable') c.fail(`${path}.inPerson`, 'the counter is always available');
  if (offline !== (line.online.kind === 'unavailable')) {
    c.fail(`${path}.online`, 'must be "unavailable" exactly when onlineCategory is "none"');
  }
  (line.periods ?? []).forEach((period, i) => {
    if (period.inPerson?.kind === 'unavailable') c.fail(`${path}.periods[${i}].inPerson`, 'the counter is always available');
    if (period.online && offline !== (period.online.kind === 'unavailable')) {
      c.fail(`${path}.periods[${i}].online`, 'must be "unavailable" exactly when onlineCategory is "none"');
    }
  });
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
  const noAmount = p.timeLimit.unit === 'same-day' || p.timeLimit.unit === 'half-day';
  if (noAmount ? p.timeLimit.amount !== 0 : p.timeLimit.amount < 1) {
    c.fail(`${path}.timeLimit.amount`, 'must be 0 for same-day and half-day, and at least 1 otherwise');
  }
  checkFeeLine(c, p, p.fee, `${path}.fee`);
  (p.fee.cases ?? []).forEach((feeCase, i) => checkFeeLine(c, p, feeCase, `${path}.fee.cases[${i}]`));
  c.unique(
    (p.fee.cases ?? []).map((f) => f.id),
    `${path}.fee.cases`,
    'fee case id',
  );
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
  const fee = readFee(c, field(obj, 'fee'), `${path}.fee`);
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
    fee: fee!,
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
