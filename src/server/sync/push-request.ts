/**
 * The gate for a push, read with the same StrictReader the phone uses for the server's answers:
 * first the envelope (a bad one refuses the whole request, nothing stored), then each item on
 * its own, so one bad dossier never blocks the others. Only own properties are read, so nothing
 * comes from a prototype (`__proto__`, `constructor`). The reader's "path: reason" texts stay
 * here: the protocol answers an HTTP status and `error` code for the envelope, and per item the
 * FieldError codes the phone translates. Pure: no HTTP, no database, the date passed in.
 */
import { attachmentsOf } from '../../domain/attachment-refs';
import type { CalendarDate } from '../../domain/dates';
import type { FormDefinition } from '../../domain/form-schema';
import { MAX_PUSH_ITEMS, type ConsentRecord, type ProtocolError, type PushResult } from '../../domain/protocol';
import { StrictReader, field, type Rec } from '../../domain/strict-reader';
import { implausibleTimes } from '../../domain/submission-times';
import { checkSubmission, type FieldError } from '../../domain/validate';
import { FORM_VERSIONS } from '../../content/forms/index';
import { ADMIN_UNITS } from '../../content/admin-units/bundled';
import { SUPPORTED_PROTOCOLS } from './protocol-checks';
import type { AcceptedSubmission } from './sync-repository';

/** Client-made ids as crypto.randomUUID() writes them (canonical lowercase). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** Consent versions are ids like "consent-dossier-2026-11-28" (content/consent.ts). */
const CONSENT_VERSION = /^[A-Za-z0-9._:-]{1,100}$/;
const CONSENT_LANGS: readonly ConsentRecord['lang'][] = ['vi', 'en'];
/**
 * Whole, non-negative milliseconds: a fraction or a number past 2^53 fits SQLite's loose columns
 * but not PostgreSQL's BIGINT, and the two stores must answer alike.
 */
const MAX_MS = Number.MAX_SAFE_INTEGER;

export type EnvelopeCheck = { ok: true; items: Rec[] } | { ok: false; status: 400 | 413 | 426; error: ProtocolError; message: string };

/**
 * Checks the request as a whole. The protocol is checked before the shape, so a client of a
 * future version gets "protocol-unsupported" rather than a confusing "bad-request". The device
 * is the one the credential names (protocol 2): a `deviceId` in the body is ignored, unread.
 */
export function checkPushEnvelope(body: unknown): EnvelopeCheck {
  const refuse = (status: 400 | 413 | 426, error: ProtocolError, message: string): EnvelopeCheck => ({ ok: false, status, error, message });
  const r = new StrictReader();
  const envelope = r.record(body, 'body');
  if (!envelope) return refuse(400, 'bad-request', 'The body must be a JSON object.');
  const protocol = field(envelope, 'protocol');
  if (r.oneOf(protocol, SUPPORTED_PROTOCOLS, 'protocol') === undefined) {
    return refuse(426, 'protocol-unsupported', `Protocol ${String(protocol)} is not supported; update the app.`);
  }
  const raw = r.array(field(envelope, 'items'), 'items');
  if (!raw) return refuse(400, 'bad-request', 'items must be an array.');
  if (raw.length > MAX_PUSH_ITEMS) return refuse(413, 'too-many-items', `At most ${MAX_PUSH_ITEMS} items per push; got ${raw.length}.`);
  const items: Rec[] = [];
  for (const [index, value] of raw.entries()) {
    // Without a string id there is no way to answer for the item: a client bug, refuse all.
    const item = r.record(value, `items[${index}]`);
    if (!item || r.string(field(item, 'id'), `items[${index}].id`) === undefined) {
      return refuse(400, 'bad-request', `items[${index}] must be an object with a string id.`);
    }
    items.push(item);
  }
  return { ok: true, items };
}

export interface ItemContext {
  communeCode: string;
  /** Today in Vietnam, for date rules (birth date not in the future). */
  today: CalendarDate;
  /** The server's clock (ms), against which the phone's timestamps must be plausible. */
  now: number;
  /** Every accepted version of every form; the registered content forms (FORM_VERSIONS) by default. */
  forms?: readonly FormDefinition[];
}

export type ItemCheck = { ok: true; submission: AcceptedSubmission } | { ok: false; result: Extract<PushResult, { outcome: 'invalid' }> };

interface ItemFields {
  errors: FieldError[];
  form?: FormDefinition;
  submittedAt?: number;
  consent?: ConsentRecord;
}

/**
 * The resident’s consent to process personal data (Luật 91/2025/QH15, Nghị định 356/2025/NĐ-CP) is required: a
 * dossier without it is not received. Any well-formed version is accepted, not only the current
 * one: a phone still running an older app version shows, and records, the older text. Other keys
 * are ignored (not stored), so a later phone may add some without being refused.
 */
function readConsent(r: StrictReader, raw: unknown): { consent?: ConsentRecord; error?: FieldError } {
  if (raw === undefined || raw === null) return { error: { field: 'consent', code: 'required' } };
  const obj = r.record(raw, 'consent');
  if (!obj) return { error: { field: 'consent', code: 'wrong-type' } };
  const version = r.string(field(obj, 'version'), 'consent.version', CONSENT_VERSION);
  const lang = r.oneOf(field(obj, 'lang'), CONSENT_LANGS, 'consent.lang');
  const agreedAt = r.int(field(obj, 'agreedAt'), 'consent.agreedAt', 0, MAX_MS);
  if (version === undefined || lang === undefined || agreedAt === undefined) return { error: { field: 'consent', code: 'wrong-type' } };
  return { consent: { version, lang, agreedAt } };
}

/** The fields of one item around its answers, in the order their errors are answered; the form (when known) checks the answers. */
function readItemFields(item: Rec, context: ItemContext): ItemFields {
  const r = new StrictReader();
  const errors: FieldError[] = [];
  const wrongType = (path: string): void => {
    errors.push({ field: path, code: 'wrong-type' });
  };
  const forms = context.forms ?? FORM_VERSIONS;
  if (r.string(field(item, 'id'), 'id', UUID) === undefined) wrongType('id');
  const formId = r.string(field(item, 'formId'), 'formId');
  let form: FormDefinition | undefined;
  if (formId === undefined) wrongType('formId');
  else {
    const formVersion = r.int(field(item, 'formVersion'), 'formVersion');
    if (formVersion === undefined) wrongType('formVersion');
    else if (!forms.some((f) => f.id === formId)) errors.push({ field: 'formId', code: 'unknown-form' });
    else {
      form = forms.find((f) => f.id === formId && f.version === formVersion);
      if (!form) errors.push({ field: 'formVersion', code: 'unknown-form' });
    }
  }
  // A dossier for another commune must not land here: it would be received by the wrong office.
  const communeCode = r.string(field(item, 'communeCode'), 'communeCode');
  if (communeCode === undefined) wrongType('communeCode');
  else if (communeCode !== context.communeCode) errors.push({ field: 'communeCode', code: 'wrong-commune' });
  const submittedAt = r.int(field(item, 'submittedAt'), 'submittedAt', 0, MAX_MS);
  if (submittedAt === undefined) wrongType('submittedAt');
  const { consent, error } = readConsent(r, field(item, 'consent'));
  if (error) errors.push(error);
  if (submittedAt !== undefined) errors.push(...implausibleTimes({ submittedAt, agreedAt: consent?.agreedAt }, context.now));
  return { errors, ...(form ? { form } : {}), ...(submittedAt !== undefined ? { submittedAt } : {}), ...(consent ? { consent } : {}) };
}

/**
 * Checks one item (an object with a string id, as the envelope passed it); a valid one comes
 * back with its answers normalised (NFC, tidy).
 */
export function checkPushItem(item: Rec, context: ItemContext): ItemCheck {
  const id = field(item, 'id') as string;
  const { errors, form, submittedAt, consent } = readItemFields(item, context);
  const answers = form ? checkSubmission(form, field(item, 'answers'), { today: context.today, units: ADMIN_UNITS }) : null;
  if (answers && !answers.ok) errors.push(...answers.errors);
  if (errors.length > 0 || !form || !answers?.ok || submittedAt === undefined || !consent) {
    return { ok: false, result: { id, outcome: 'invalid', errors } };
  }
  return {
    ok: true,
    submission: {
      id,
      formId: form.id,
      formVersion: form.version,
      communeCode: context.communeCode,
      answers: answers.answers,
      submittedAt,
      consent,
      attachments: attachmentsOf(form, answers.answers),
    },
  };
}
