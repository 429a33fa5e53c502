/**
 * The seed of the one-stop-shop officer console: set a dossier's status. Guarded by one bearer
 * token until staff accounts exist; without a configured token the route does not exist (404).
 */
import { Hono } from 'hono';
import { DOSSIER_STATUSES, type DossierStatus } from '../../domain/protocol';
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
/** NUL and other control characters except tab and line breaks; PostgreSQL text refuses NUL. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function isStatus(value: unknown): value is DossierStatus {
  return typeof value === 'string' && (DOSSIER_STATUSES as readonly string[]).includes(value);
}

export function officerRoutes({ dossiers, officerToken, now, maxBodyBytes }: OfficerDeps): Hono {
  const routes = new Hono();

  routes.post('/status', async (c) => {
    const refused = refuseUnlessOfficer(c, officerToken);
    if (refused) return refused;
    const body = await readJsonBody(c.req.raw, maxBodyBytes);
    if (!body.ok) return bodyError(c, body.reason, maxBodyBytes);
    const value = body.value as Record<string, unknown> | null;
    if (typeof value !== 'object' || value === null || typeof value.id !== 'string' || !DOSSIER_REF.test(value.id)) {
      return jsonError(c, 400, 'bad-request', 'id (dossier id or dossier code) is required.');
    }
    if (!isStatus(value.status)) {
      return jsonError(c, 400, 'bad-request', `status must be one of: ${DOSSIER_STATUSES.join(', ')}.`);
    }
    const noteOk =
      value.note === undefined ||
      (typeof value.note === 'string' && value.note.length <= MAX_NOTE_LENGTH && !CONTROL_CHARACTERS.test(value.note));
    if (!noteOk) {
      return jsonError(c, 400, 'bad-request', `note must be text of at most ${MAX_NOTE_LENGTH} characters, without control characters.`);
    }
    // NFC and trimmed, but line breaks kept: a supplement request is often a list.
    const trimmed = typeof value.note === 'string' ? toNfc(value.note).trim() : '';
    const note = trimmed === '' ? undefined : trimmed;
    const change = await dossiers.setStatus(value.id, value.status, note, now());
    if (!change) return jsonError(c, 404, 'not-found', 'No dossier with this id or code.');
    return c.json(change);
  });

  return routes;
}
