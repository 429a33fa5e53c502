/**
 * The hand-written gate for a push: first the envelope (a bad one refuses the whole request,
 * nothing stored), then each item on its own, so one bad dossier never blocks the others.
 * Pure: no HTTP, no database, the date passed in.
 */
import { attachmentsOf } from '../../domain/attachment-refs';
import type { CalendarDate } from '../../domain/dates';
import type { FormDefinition } from '../../domain/form-schema';
import { MAX_PUSH_ITEMS, type ConsentRecord, type ProtocolError, type PushResult } from '../../domain/protocol';
import { checkSubmission, type FieldError } from '../../domain/validate';
import { FORM_VERSIONS } from '../../content/forms/index';
import { ADMIN_UNITS } from '../../content/admin-units/bundled';
import { isDeviceId, isSupportedProtocol } from './protocol-checks';
import type { AcceptedSubmission } from './sync-repository';

/** Client-made ids as crypto.randomUUID() writes them (canonical lowercase). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** Consent versions are ids like "consent-dossier-2026-11-28" (content/consent.ts). */
const CONSENT_VERSION = /^[A-Za-z0-9._:-]{1,100}$/;
const CONSENT_LANGS: readonly string[] = ['vi', 'en'] satisfies ConsentRecord['lang'][];

export type EnvelopeCheck =
  | { ok: true; deviceId: string; items: Record<string, unknown>[] }
  | { ok: false; status: 400 | 413 | 426; error: ProtocolError; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks the request as a whole. The protocol is checked before the shape, so a client of a
 * future version gets "protocol-unsupported" rather than a confusing "bad-request".
 */
export function checkPushEnvelope(body: unknown): EnvelopeCheck {
  const refuse = (status: 400 | 413 | 426, error: ProtocolError, message: string): EnvelopeCheck => ({ ok: false, status, error, message });
  if (!isRecord(body)) return refuse(400, 'bad-request', 'The body must be a JSON object.');
  if (!isSupportedProtocol(body.protocol)) {
    return refuse(426, 'protocol-unsupported', `Protocol ${String(body.protocol)} is not supported; update the app.`);
  }
  if (!isDeviceId(body.deviceId)) return refuse(400, 'bad-request', 'deviceId must be 1–128 characters [A-Za-z0-9._:-].');
  if (!Array.isArray(body.items)) return refuse(400, 'bad-request', 'items must be an array.');
  if (body.items.length > MAX_PUSH_ITEMS) {
    return refuse(413, 'too-many-items', `At most ${MAX_PUSH_ITEMS} items per push; got ${body.items.length}.`);
  }
  const items: Record<string, unknown>[] = [];
  for (const [index, item] of body.items.entries()) {
    // Without a string id there is no way to answer for the item: a client bug, refuse all.
    if (!isRecord(item) || typeof item.id !== 'string') {
      return refuse(400, 'bad-request', `items[${index}] must be an object with a string id.`);
    }
    items.push(item);
  }
  return { ok: true, deviceId: body.deviceId, items };
}

export interface ItemContext {
  communeCode: string;
  /** Today in Vietnam, for date rules (birth date not in the future). */
  today: CalendarDate;
  /** Every accepted version of every form; the registered content forms (FORM_VERSIONS) by default. */
  forms?: readonly FormDefinition[];
}

export type ItemCheck =
  | { ok: true; submission: AcceptedSubmission }
  | { ok: false; result: Extract<PushResult, { outcome: 'invalid' }> };

/**
 * The resident's consent to process personal data (Nghị định 13/2023/NĐ-CP) is required: a
 * dossier without it is not received. Any well-formed version is accepted, not only the current
 * one: a phone still running an older app version shows, and records, the older text.
 */
function checkConsent(raw: unknown): { consent?: ConsentRecord; error?: FieldError } {
  if (raw === undefined || raw === null) return { error: { field: 'consent', code: 'required' } };
  if (!isRecord(raw)) return { error: { field: 'consent', code: 'wrong-type' } };
  const { version, lang, agreedAt } = raw;
  // Other keys are ignored (not stored), so a later phone may add some without being refused.
  const ok =
    typeof version === 'string' &&
    CONSENT_VERSION.test(version) &&
    typeof lang === 'string' &&
    CONSENT_LANGS.includes(lang) &&
    typeof agreedAt === 'number' &&
    Number.isSafeInteger(agreedAt) &&
    agreedAt >= 0;
  return ok ? { consent: { version, lang: lang as ConsentRecord['lang'], agreedAt } } : { error: { field: 'consent', code: 'wrong-type' } };
}

/** The envelope fields of one item; the form (when known) is returned for the answers check. */
function checkItemFields(
  item: Record<string, unknown>,
  context: ItemContext,
): { errors: FieldError[]; form?: FormDefinition; consent?: ConsentRecord } {
  const errors: FieldError[] = [];
  const forms = context.forms ?? FORM_VERSIONS;
  if (!UUID.test(item.id as string)) errors.push({ field: 'id', code: 'wrong-type' });
  const { formId, formVersion, communeCode, submittedAt } = item;
  let form: FormDefinition | undefined;
  if (typeof formId !== 'string') errors.push({ field: 'formId', code: 'wrong-type' });
  else if (typeof formVersion !== 'number' || !Number.isInteger(formVersion)) errors.push({ field: 'formVersion', code: 'wrong-type' });
  else if (!forms.some((f) => f.id === formId)) errors.push({ field: 'formId', code: 'unknown-form' });
  else {
    form = forms.find((f) => f.id === formId && f.version === formVersion);
    if (!form) errors.push({ field: 'formVersion', code: 'unknown-form' });
  }
  // A dossier for another commune must not land here: it would be received by the wrong office.
  if (typeof communeCode !== 'string') errors.push({ field: 'communeCode', code: 'wrong-type' });
  else if (communeCode !== context.communeCode) errors.push({ field: 'communeCode', code: 'wrong-commune' });
  // Whole milliseconds: a fraction or a number past 2^53 fits SQLite's loose columns but not
  // PostgreSQL's BIGINT, and the two stores must answer alike.
  if (typeof submittedAt !== 'number' || !Number.isSafeInteger(submittedAt) || submittedAt < 0) {
    errors.push({ field: 'submittedAt', code: 'wrong-type' });
  }
  const { consent, error } = checkConsent(item.consent);
  if (error) errors.push(error);
  return { errors, ...(form ? { form } : {}), ...(consent ? { consent } : {}) };
}

/** Checks one item; a valid one comes back with its answers normalised (NFC, tidy). */
export function checkPushItem(item: Record<string, unknown>, context: ItemContext): ItemCheck {
  const id = item.id as string;
  const { errors, form, consent } = checkItemFields(item, context);
  const answers = form ? checkSubmission(form, item.answers, { today: context.today, units: ADMIN_UNITS }) : null;
  if (answers && !answers.ok) errors.push(...answers.errors);
  if (errors.length > 0 || !form || !answers?.ok || !consent) {
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
      submittedAt: item.submittedAt as number,
      consent,
      attachments: attachmentsOf(form, answers.answers),
    },
  };
}
