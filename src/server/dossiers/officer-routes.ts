/**
 * The seed of the one-stop-shop officer console: set a dossier's status. Guarded by one bearer
 * token until staff accounts exist; without a configured token the route does not exist (404).
 */
import { Hono } from 'hono';
import { DOSSIER_STATUSES, type DossierStatus } from '../../domain/protocol';
import { StrictReader, field } from '../../domain/strict-reader';
import { toNfc } from '../../domain/text';
import { bodyError, jsonError } from '../http/http-errors';
import { refuseUnlessOfficer } from '../http/officer-auth';
import { readJsonBody } from '../http/read-body';
import type { DossierRepository } from './dossier-repository';

export interface OfficerDeps {
  dossiers: DossierRepository;
  officerToken: string;
  now: () => number;
  maxBodyBytes: number;
}

const MAX_NOTE_LENGTH = 2000;
/** A dossier id (UUID) or dossier code; anything else cannot name a dossier. */
const DOSSIER_REF = /^[A-Za-z0-9-]{1,64}$/;
/** No NUL or other control characters except tab and line breaks; PostgreSQL text refuses NUL. */
// eslint-disable-next-line no-control-regex -- PostgreSQL text refuses NUL, and a note is plain text
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

type StatusRequest = { ok: true; id: string; status: DossierStatus; note?: string } | { ok: false; message: string };

/** Reads the officer's decision from untrusted JSON (own properties only), or says what is wrong with it. */
function readStatusRequest(value: unknown): StatusRequest {
  const r = new StrictReader();
  const request = r.record(value, 'body');
  const id = request && r.string(field(request, 'id'), 'id', DOSSIER_REF);
  if (!request || id === undefined) return { ok: false, message: 'id (dossier id or dossier code) is required.' };
  const status = r.oneOf(field(request, 'status'), DOSSIER_STATUSES, 'status');
  if (status === undefined) return { ok: false, message: `status must be one of: ${DOSSIER_STATUSES.join(', ')}.` };
  const raw = field(request, 'note');
  const given = raw === undefined ? '' : r.string(raw, 'note', NO_CONTROL_CHARACTERS, MAX_NOTE_LENGTH);
  if (given === undefined) {
    return { ok: false, message: `note must be text of at most ${MAX_NOTE_LENGTH} characters, without control characters.` };
  }
  // NFC and trimmed, but line breaks kept: a supplement request is often a list.
  const note = toNfc(given).trim();
  return note === '' ? { ok: true, id, status } : { ok: true, id, status, note };
}

export function officerRoutes({ dossiers, officerToken, now, maxBodyBytes }: OfficerDeps): Hono {
  const routes = new Hono();

  routes.post('/status', async (c) => {
    const refused = refuseUnlessOfficer(c, officerToken);
    if (refused) return refused;
    const body = await readJsonBody(c.req.raw, maxBodyBytes);
    if (!body.ok) return bodyError(c, body.reason, maxBodyBytes);
    const request = readStatusRequest(body.value);
    if (!request.ok) return jsonError(c, 400, 'bad-request', request.message);
    const change = await dossiers.setStatus(request.id, request.status, request.note, now());
    if (!change) return jsonError(c, 404, 'not-found', 'No dossier with this id or code.');
    return c.json(change);
  });

  return routes;
}
