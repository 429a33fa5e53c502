/**
 * /api/v1/dossiers for the one-stop shop's staff (JSON; the console's screens come later):
 * read a dossier with its history (dossier.read, audited), and move it through its lifecycle
 * (dossier.process): POST /:ref/actions { action, note? }. The move is decided by
 * domain/dossier-lifecycle.ts inside the repository's transaction: an impossible one answers
 * 409 invalid-transition, a role the table does not allow 403 forbidden, and nothing changes.
 */
import { Hono } from 'hono';
import { DOSSIER_ACTIONS, isDossierAction, possibleActions, transitionOf, type DossierAction } from '../../domain/dossier-lifecycle';
import type { Catalog } from '../../domain/catalog';
import type { Answers } from '../../domain/form-schema';
import {
  noteWithReasons,
  readActionInput,
  type ActionDetails,
  type ReasonsInput,
  type ReceiveInput,
  type ResultInput,
  type ReturnInput,
} from '../../domain/office';
import type { HolidayCalendar } from '../../domain/working-days';
import type { ConsentRecord, DeviceKind, DossierStatus, StatusChange } from '../../domain/protocol';
import { field } from '../../domain/strict-reader';
import { unsafeText } from '../../domain/text-safety';
import { graphemeLength, toNfc } from '../../domain/text';
import { readObject } from '../accounts/auth-routes';
import type { Audit } from '../audit/audit-log';
import type { AppEnv } from '../http/app-env';
import { jsonError } from '../http/http-errors';
import { requirePermission, staffOf } from '../http/require-permission';
import { receiveDetails } from '../office/appointment';
import type { OfficeRepository } from '../office/office-repository';
import { communeSettings } from '../office/settings';
import type { DossierRepository, HistoryEntry } from './dossier-repository';

export interface DossierRouteDeps {
  dossiers: DossierRepository;
  audit: Audit;
  communeCode: string;
  now: () => number;
  maxBodyBytes: number;
  office: OfficeRepository;
  catalog: Catalog;
  calendars: readonly HolidayCalendar[];
}

export const MAX_NOTE_LENGTH = 2000;
/** A dossier id (UUID) or dossier code; anything else cannot name a dossier. */
const DOSSIER_REF = /^[A-Za-z0-9-]{1,64}$/;

/** GET /api/v1/dossiers/:ref. */
export interface DossierDetail {
  dossier: {
    id: string;
    dossierCode: string;
    formId: string;
    formVersion: number;
    status: DossierStatus;
    submittedAt: number;
    receivedAt: number;
    answers: Answers;
    consent?: ConsentRecord;
    /** resident: sent from the resident's own phone; staff: by staffId's phone. */
    deviceKind?: DeviceKind;
    villageId?: string;
    /** The first device that sent it, and the staff account it belongs to (staff devices). */
    deviceId: string;
    staffId?: string;
    /** The appointment, once an officer received it. */
    dueAt?: number;
    dueEstimated?: boolean;
  };
  history: HistoryEntry[];
  /** What the signed-in role may do next. */
  actions: DossierAction[];
}

export interface ActionResponse {
  change: StatusChange;
  from: DossierStatus;
  details?: ActionDetails;
}

type NoteRead = { ok: true; note?: string } | { ok: false; message: string };

/** NFC and trimmed, line breaks kept (a supplement request is often a list); no control or bidi characters. */
function readNote(raw: unknown): NoteRead {
  if (raw === undefined || raw === null) return { ok: true };
  const bad = `note must be text of at most ${MAX_NOTE_LENGTH} characters, without control or direction-changing characters.`;
  if (typeof raw !== 'string' || raw.length > MAX_NOTE_LENGTH * 8 || unsafeText(raw, { multiline: true }))
    return { ok: false, message: bad };
  const note = toNfc(raw).replace(/\r\n?/g, '\n').trim();
  if (graphemeLength(note) > MAX_NOTE_LENGTH) return { ok: false, message: bad };
  return note === '' ? { ok: true } : { ok: true, note };
}

export function dossierRoutes(deps: DossierRouteDeps): Hono<AppEnv> {
  const { dossiers, audit, communeCode, now, maxBodyBytes } = deps;
  const routes = new Hono<AppEnv>();
  const staffActions = DOSSIER_ACTIONS.filter((action) => transitionOf(action).by.kind === 'staff');

  routes.get('/:ref', requirePermission('dossier.read'), async (c) => {
    const ref = c.req.param('ref');
    const dossier = DOSSIER_REF.test(ref) ? await dossiers.getDossier(ref) : null;
    if (!dossier || dossier.communeCode !== communeCode) return jsonError(c, 404, 'not-found', 'No dossier with this id or code.');
    const staff = staffOf(c)!;
    await audit({ actor: { kind: 'staff', id: staff.id }, action: 'dossier.viewed', target: { kind: 'dossier', id: dossier.id } });
    const detail: DossierDetail = {
      dossier: {
        id: dossier.id,
        dossierCode: dossier.dossierCode,
        formId: dossier.formId,
        formVersion: dossier.formVersion,
        status: dossier.status,
        submittedAt: dossier.submittedAt,
        receivedAt: dossier.receivedAt,
        answers: dossier.answers,
        ...(dossier.consent ? { consent: dossier.consent } : {}),
        ...(dossier.deviceKind ? { deviceKind: dossier.deviceKind } : {}),
        ...(dossier.villageId !== undefined ? { villageId: dossier.villageId } : {}),
        deviceId: dossier.deviceId,
        ...(dossier.staffId !== undefined ? { staffId: dossier.staffId } : {}),
        ...(dossier.dueAt !== undefined ? { dueAt: dossier.dueAt, dueEstimated: dossier.dueEstimated ?? false } : {}),
      },
      history: await dossiers.history(dossier.id),
      actions: possibleActions(dossier.status, { kind: 'staff', role: staff.role }),
    };
    return c.json(detail);
  });

  routes.post('/:ref/actions', requirePermission('dossier.process'), async (c) => {
    const ref = c.req.param('ref');
    const body = await readObject(c, maxBodyBytes);
    if (body instanceof Response) return body;
    const action = field(body, 'action');
    if (!isDossierAction(action) || !staffActions.includes(action)) {
      return jsonError(c, 400, 'bad-request', `action must be one of: ${staffActions.join(', ')}.`);
    }
    const typed = readNote(field(body, 'note'));
    if (!typed.ok) return jsonError(c, 400, 'bad-request', typed.message, { fields: { note: typed.message } });
    const input = readActionInput(action, body);
    if (!input.ok) return jsonError(c, 400, 'bad-request', 'Some fields are not valid.', { fields: input.errors });
    const reasons = action === 'request-supplement' || action === 'refuse' ? (input.value as ReasonsInput).reasons : [];
    const note = { note: noteWithReasons(reasons, typed.note) };
    if (note.note !== undefined && note.note.length > MAX_NOTE_LENGTH * 8) {
      return jsonError(c, 400, 'bad-request', 'The reasons are too long.', { fields: { reasons: 'too long' } });
    }
    if (transitionOf(action).noteRequired && note.note === undefined) {
      return jsonError(c, 400, 'bad-request', 'Say why in a note: the resident will read it.', { fields: { note: 'required' } });
    }
    if (!DOSSIER_REF.test(ref)) return jsonError(c, 404, 'not-found', 'No dossier with this id or code.');
    const staff = staffOf(c)!;
    const at = now();
    let details: ActionDetails | undefined;
    if (action === 'receive') {
      const dossier = await dossiers.getDossier(ref);
      if (!dossier || dossier.communeCode !== communeCode) return jsonError(c, 404, 'not-found', 'No dossier with this id or code.');
      const settings = await communeSettings(deps.office, communeCode);
      details = { kind: 'receive', ...receiveDetails(input.value as ReceiveInput, dossier.formId, at, { ...deps, settings }) };
    } else if (reasons.length > 0) details = { kind: 'reasons', reasons };
    else if (action === 'record-result') details = { kind: 'result', ...(input.value as ResultInput) };
    else if (action === 'return-result') details = { kind: 'return', ...(input.value as ReturnInput) };
    const result = await dossiers.applyTransition(
      {
        ref,
        communeCode,
        action,
        actor: { kind: 'staff', role: staff.role },
        staffId: staff.id,
        ...(note.note !== undefined ? { note: note.note } : {}),
        ...(details ? { details } : {}),
      },
      at,
    );
    if (!result.ok) {
      if (result.reason === 'not-found') return jsonError(c, 404, 'not-found', 'No dossier with this id or code.');
      if (result.reason === 'forbidden') return jsonError(c, 403, 'forbidden', 'Your role may not do this.');
      return jsonError(c, 409, 'invalid-transition', `A dossier in this status cannot be "${action}".`);
    }
    await audit({
      actor: { kind: 'staff', id: staff.id },
      action: 'dossier.status-changed',
      target: { kind: 'dossier', id: result.dossierId },
      detail: { from: result.from, to: result.change.status, action },
    });
    return c.json({ change: result.change, from: result.from, ...(details ? { details } : {}) } satisfies ActionResponse);
  });

  return routes;
}
