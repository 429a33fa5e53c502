/**
 * What the one-stop shop records with each lifecycle action, beyond the note, and the commune's
 * settings: shared by the console (its dialogs build these) and the server (it reads them with
 * the same functions before storing anything). Pure and total: a reader returns the clean value
 * or the list of field errors, never throws.
 */
import { DOSSIER_STATUSES, type DossierStatus } from './protocol';
import type { DossierAction } from './dossier-lifecycle';
import { isRecord, field, type Rec } from './strict-reader';
import { unsafeText } from './text-safety';
import { graphemeLength, toNfc } from './text';

/** How the result reaches the applicant (the receipt says which). */
export const RETURN_METHODS = ['counter', 'post', 'online'] as const;
export type ReturnMethod = (typeof RETURN_METHODS)[number];

/** How a document was handed in. */
export const DOCUMENT_FORMS = ['original', 'copy', 'certified-copy'] as const;
export type DocumentForm = (typeof DOCUMENT_FORMS)[number];

/** One line of the receipt's list of documents received. */
export interface ReceivedDocument {
  /** The catalogue's document id, or "other". */
  id: string;
  /** As printed (the catalogue's name in Vietnamese, or what the officer typed). */
  name: string;
  form: DocumentForm;
  count: number;
}

/** Tiếp nhận: what the officer ticked; the server adds the appointment. */
export interface ReceiveInput {
  documents: ReceivedDocument[];
  sets: number;
  returnMethod: ReturnMethod;
}

export interface ReceiveDetails extends ReceiveInput {
  /** Computed by the server from its reception time, the procedure's limit and the calendars. */
  dueAt: number;
  /** A year without an official holiday calendar was counted through: "ngày hẹn dự kiến". */
  estimated: boolean;
  /** The legal time limit as printed, e.g. "03 ngày làm việc". */
  limitText: string;
}

/** Yêu cầu bổ sung / Từ chối: documents missing or wrong, each a line. */
export interface ReasonsInput {
  reasons: string[];
}

/** Có kết quả: what the result is, where to collect it, the fee still to pay. */
export interface ResultInput {
  result: string;
  collectAt: string;
  feeVnd: number;
}

/** Đã trả kết quả: how and to whom. */
export interface ReturnInput {
  method: ReturnMethod;
  to: string;
}

export type ActionDetails =
  | ({ kind: 'receive' } & ReceiveDetails)
  | ({ kind: 'reasons' } & ReasonsInput)
  | ({ kind: 'result' } & ResultInput)
  | ({ kind: 'return' } & ReturnInput);

export const MAX_REASONS = 20;
export const MAX_DOCUMENTS_RECEIVED = 40;
const MAX_LINE = 300;
const MAX_FEE_VND = 100_000_000;

export type Read<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

/** One line of text: NFC, trimmed, no control or direction characters, at most `max` graphemes. */
export function readLine(value: unknown, max = MAX_LINE): string | undefined {
  if (typeof value !== 'string' || value.length > max * 8 || unsafeText(value, { multiline: false })) return undefined;
  const text = toNfc(value).replace(/\s+/g, ' ').trim();
  return graphemeLength(text) <= max ? text : undefined;
}

function oneOf<T extends string>(list: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (list as readonly string[]).includes(value) ? (value as T) : undefined;
}

function intIn(value: unknown, min: number, max: number): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

function readDocuments(value: unknown, errors: Record<string, string>): ReceivedDocument[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > MAX_DOCUMENTS_RECEIVED) {
    errors.documents = `at most ${MAX_DOCUMENTS_RECEIVED} documents`;
    return [];
  }
  const documents: ReceivedDocument[] = [];
  value.forEach((raw: unknown, i) => {
    const doc: Rec = isRecord(raw) ? raw : {};
    const id =
      typeof field(doc, 'id') === 'string' && /^[a-z0-9-]{1,60}$/.test(field(doc, 'id') as string)
        ? (field(doc, 'id') as string)
        : undefined;
    const name = readLine(field(doc, 'name'));
    const form = oneOf(DOCUMENT_FORMS, field(doc, 'form'));
    const count = intIn(field(doc, 'count'), 1, 99);
    if (!id || !name || !form || count === undefined)
      errors[`documents.${i}`] = 'id, name, form (original/copy/certified-copy) and count 1–99';
    else documents.push({ id, name, form, count });
  });
  return documents;
}

function readReasons(body: Rec, errors: Record<string, string>): string[] {
  const raw = field(body, 'reasons');
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length > MAX_REASONS) {
    errors.reasons = `a list of at most ${MAX_REASONS} lines`;
    return [];
  }
  const reasons: string[] = [];
  raw.forEach((line: unknown, i) => {
    const text = readLine(line);
    if (text === undefined) errors[`reasons.${i}`] = `one line of at most ${MAX_LINE} characters`;
    else if (text !== '') reasons.push(text);
  });
  return reasons;
}

/**
 * What an action's body carries beyond `action` and `note`, read for that action. Fields are
 * optional with plain defaults (a receipt without a ticked document still says "01 bộ"), so an
 * older client's bare `{ action }` keeps working; a field that is present must be right.
 */
export function readActionInput(action: DossierAction, body: Rec): Read<ReceiveInput | ReasonsInput | ResultInput | ReturnInput | null> {
  const errors: Record<string, string> = {};
  const done = <T>(value: T): Read<T> => (Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value });
  switch (action) {
    case 'receive': {
      const documents = readDocuments(field(body, 'documents'), errors);
      const setsRaw = field(body, 'sets');
      const sets = setsRaw === undefined ? 1 : intIn(setsRaw, 1, 20);
      if (sets === undefined) errors.sets = 'a whole number from 1 to 20';
      const methodRaw = field(body, 'returnMethod');
      const returnMethod = methodRaw === undefined ? 'counter' : oneOf(RETURN_METHODS, methodRaw);
      if (!returnMethod) errors.returnMethod = RETURN_METHODS.join(', ');
      return done({ documents, sets: sets ?? 1, returnMethod: returnMethod ?? 'counter' });
    }
    case 'request-supplement':
    case 'refuse':
      return done({ reasons: readReasons(body, errors) });
    case 'record-result': {
      const result = field(body, 'result') === undefined ? '' : readLine(field(body, 'result'));
      const collectAt = field(body, 'collectAt') === undefined ? '' : readLine(field(body, 'collectAt'));
      const feeRaw = field(body, 'feeVnd');
      const feeVnd = feeRaw === undefined ? 0 : intIn(feeRaw, 0, MAX_FEE_VND);
      if (result === undefined) errors.result = `one line of at most ${MAX_LINE} characters`;
      if (collectAt === undefined) errors.collectAt = `one line of at most ${MAX_LINE} characters`;
      if (feeVnd === undefined) errors.feeVnd = `whole đồng from 0 to ${MAX_FEE_VND}`;
      return done({ result: result ?? '', collectAt: collectAt ?? '', feeVnd: feeVnd ?? 0 });
    }
    case 'return-result': {
      const methodRaw = field(body, 'method');
      const method = methodRaw === undefined ? 'counter' : oneOf(RETURN_METHODS, methodRaw);
      const to = field(body, 'to') === undefined ? '' : readLine(field(body, 'to'));
      if (!method) errors.method = RETURN_METHODS.join(', ');
      if (to === undefined) errors.to = `one line of at most ${MAX_LINE} characters`;
      return done({ method: method ?? 'counter', to: to ?? '' });
    }
    default:
      return done(null);
  }
}

/** The note the phone shows for a supplement request or a refusal: the reasons as a list, then the free text. */
export function noteWithReasons(reasons: readonly string[], note: string | undefined): string | undefined {
  const lines = reasons.map((r) => `- ${r}`);
  if (note) lines.push(note);
  return lines.length > 0 ? lines.join('\n') : undefined;
}

// ---- the commune's settings ----

export interface CollectionAccount {
  /** The bank's 6-digit NAPAS BIN. */
  bin: string;
  account: string;
  /** As the bank holds it, in capitals without diacritics usually. */
  accountName: string;
}

export interface CommuneSettings {
  /** The receipt header: the office's name and address. */
  officeName: string;
  address: string;
  /** Saturday-morning reception (a reception day, not a working day). */
  saturdayMorningReception: boolean;
  /** Where fees are paid by transfer; null: no VietQR on receipts. */
  collection: CollectionAccount | null;
}

export function defaultCommuneSettings(communeName: string): CommuneSettings {
  return { officeName: `Bộ phận một cửa ${communeName}`, address: '', saturdayMorningReception: false, collection: null };
}

export function readCommuneSettings(raw: unknown): Read<CommuneSettings> {
  const errors: Record<string, string> = {};
  const body: Rec = isRecord(raw) ? raw : {};
  const officeName = readLine(field(body, 'officeName'), 120);
  if (!officeName) errors.officeName = 'the office name, at most 120 characters';
  const address = readLine(field(body, 'address') ?? '', 200);
  if (address === undefined) errors.address = 'at most 200 characters';
  const saturday = field(body, 'saturdayMorningReception');
  if (typeof saturday !== 'boolean') errors.saturdayMorningReception = 'true or false';
  let collection: CollectionAccount | null = null;
  const c = field(body, 'collection');
  if (c !== null && c !== undefined) {
    const rec: Rec = isRecord(c) ? c : {};
    const bin = field(rec, 'bin');
    const account = field(rec, 'account');
    const accountName = readLine(field(rec, 'accountName'), 70);
    if (typeof bin !== 'string' || !/^\d{6}$/.test(bin)) errors['collection.bin'] = 'the bank’s 6-digit BIN';
    if (typeof account !== 'string' || !/^[0-9A-Za-z]{1,19}$/.test(account))
      errors['collection.account'] = 'letters and digits, at most 19';
    if (!accountName) errors['collection.accountName'] = 'the account’s name, at most 70 characters';
    if (typeof bin === 'string' && typeof account === 'string' && accountName) collection = { bin, account, accountName };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { officeName: officeName!, address: address!, saturdayMorningReception: saturday as boolean, collection } };
}

// ---- the inbox ----

export const INBOX_SOURCES = ['resident', 'staff'] as const;
export type InboxSource = (typeof INBOX_SOURCES)[number];
export const INBOX_DUE = ['overdue', 'soon'] as const;
export type InboxDue = (typeof INBOX_DUE)[number];
export const INBOX_PAGE_SIZE = 25;
export const MAX_INBOX_PAGE_SIZE = 100;
/** Statuses whose appointment can pass: received and in processing. */
export const OPEN_STATUSES: readonly DossierStatus[] = ['received', 'processing'];

export interface InboxQuery {
  status?: DossierStatus;
  formId?: string;
  source?: InboxSource;
  villageId?: string;
  due?: InboxDue;
  /** Received from (inclusive) and before (exclusive), ms. */
  from?: number;
  to?: number;
  /** Folded search words (code, name, CCCD, phone). */
  q?: string;
  page: number;
  pageSize: number;
}

export interface InboxItem {
  id: string;
  dossierCode: string;
  formId: string;
  status: DossierStatus;
  receivedAt: number;
  dueAt?: number;
  dueEstimated?: boolean;
  deviceKind?: 'resident' | 'staff';
  villageId?: string;
  applicant: string;
}

export interface InboxPage {
  items: InboxItem[];
  total: number;
  page: number;
  pageSize: number;
  /** Dossiers per status under the same filters except the status. */
  counts: Partial<Record<DossierStatus, number>>;
}

/** Reads the inbox's query string; an unknown value is an error, an absent one no filter. */
export function readInboxQuery(params: Readonly<Record<string, string | undefined>>): Read<InboxQuery> {
  const errors: Record<string, string> = {};
  const query: InboxQuery = { page: 1, pageSize: INBOX_PAGE_SIZE };
  const { status, formId, source, villageId, due, from, to, q, page, pageSize } = params;
  if (status) {
    const s = oneOf(DOSSIER_STATUSES, status);
    if (s) query.status = s;
    else errors.status = DOSSIER_STATUSES.join(', ');
  }
  if (formId) {
    if (/^[a-z0-9-]{1,80}$/.test(formId)) query.formId = formId;
    else errors.formId = 'a form id';
  }
  if (source) {
    const s = oneOf(INBOX_SOURCES, source);
    if (s) query.source = s;
    else errors.source = INBOX_SOURCES.join(', ');
  }
  if (villageId) {
    if (/^[A-Za-z0-9_.-]{1,40}$/.test(villageId)) query.villageId = villageId;
    else errors.villageId = 'a village id';
  }
  if (due) {
    const d = oneOf(INBOX_DUE, due);
    if (d) query.due = d;
    else errors.due = INBOX_DUE.join(', ');
  }
  for (const [key, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!value) continue;
    const n = Number(value);
    if (/^\d{1,15}$/.test(value) && Number.isSafeInteger(n)) query[key] = n;
    else errors[key] = 'milliseconds since the epoch';
  }
  if (q) {
    const text = readLine(q, 100);
    if (text === undefined) errors.q = 'at most 100 characters of plain text';
    else if (text !== '') query.q = text;
  }
  if (page) {
    const n = Number(page);
    if (/^\d{1,6}$/.test(page) && n >= 1) query.page = n;
    else errors.page = 'a page number from 1';
  }
  if (pageSize) {
    const n = Number(pageSize);
    if (/^\d{1,3}$/.test(pageSize) && n >= 1 && n <= MAX_INBOX_PAGE_SIZE) query.pageSize = n;
    else errors.pageSize = `1 to ${MAX_INBOX_PAGE_SIZE}`;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: query };
}

/** The inbox's query string for a query (the console builds its URLs with it). */
export function inboxSearchParams(query: { [K in keyof InboxQuery]?: InboxQuery[K] | undefined }): string {
  return Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
}
