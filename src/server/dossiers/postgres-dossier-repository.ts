/** The dossier repository on the shared PostgreSQL pool (db/postgres). */
import { decideTransition } from '../../domain/dossier-lifecycle';
import type { DossierStatus } from '../../domain/protocol';
import { lockStatusSeq } from '../db/postgres/advisory-locks';
import type { PostgresDatabase } from '../db/postgres/postgres-database';
import { numbered } from '../db/postgres/placeholders';
import { LINK_DEVICE_SQL } from '../sync/device-links';
import type { DossierRepository, TransitionResult } from './dossier-repository';
import {
  COUNT_DOSSIERS_SQL,
  INSERT_LIFECYCLE_CHANGE_SQL,
  SELECT_DOSSIER_BY_REF_SQL,
  SELECT_DOSSIER_FOR_ACTION_SQL,
  SELECT_HISTORY_SQL,
  UPDATE_STATUS_SQL,
  statusUpdateParams,
  recordedChange,
  toHistoryEntry,
  toStoredDossier,
  type ActionRow,
  type DossierRow,
  type HistoryRow,
} from './dossier-queries';

const SELECT_DOSSIER_BY_REF = numbered(SELECT_DOSSIER_BY_REF_SQL);
/** Row-locked: a second officer acting on the same dossier waits, then reads the new status. */
const SELECT_FOR_ACTION = `${numbered(SELECT_DOSSIER_FOR_ACTION_SQL)} FOR UPDATE`;
const SELECT_HISTORY = numbered(SELECT_HISTORY_SQL);
const UPDATE_STATUS = numbered(UPDATE_STATUS_SQL);
const LINK_DEVICE = numbered(LINK_DEVICE_SQL);
const INSERT_CHANGE = `${numbered(INSERT_LIFECYCLE_CHANGE_SQL)} RETURNING seq`;

export function postgresDossierRepository(database: PostgresDatabase): DossierRepository {
  const { pool } = database;
  return {
    getDossier: async (ref) => {
      const row = (await pool.query<DossierRow>(SELECT_DOSSIER_BY_REF, [ref, ref])).rows[0];
      return row ? toStoredDossier(row) : null;
    },
    history: async (dossierId) => (await pool.query<HistoryRow>(SELECT_HISTORY, [dossierId])).rows.map(toHistoryEntry),
    applyTransition: (request, now) =>
      database.transaction(async (client): Promise<TransitionResult> => {
        // The row lock first, the seq lock second, always: a holder of the seq lock never waits.
        const dossier = (await client.query<ActionRow>(SELECT_FOR_ACTION, [request.ref, request.ref, request.communeCode])).rows[0];
        if (!dossier) return { ok: false, reason: 'not-found' };
        const from = dossier.status as DossierStatus;
        const decision = decideTransition(from, request.action, request.actor);
        if (!decision.ok) return decision;
        await client.query(UPDATE_STATUS, statusUpdateParams(decision.to, request.details, dossier.id));
        await lockStatusSeq(client);
        const inserted = await client.query<{ seq: string }>(INSERT_CHANGE, [
          dossier.id,
          dossier.commune_code,
          dossier.device_id,
          decision.to,
          request.note ?? null,
          now,
          from,
          request.action,
          request.staffId ?? null,
          request.details ? JSON.stringify(request.details) : null,
        ]);
        return {
          ok: true,
          dossierId: dossier.id,
          from,
          change: recordedChange(dossier, decision.to, request.note, now, inserted.rows[0]!.seq),
        };
      }),
    countDossiers: async () => Number((await pool.query<{ n: string }>(COUNT_DOSSIERS_SQL)).rows[0]?.n ?? 0),
    followDossier: async (dossierId, communeCode, deviceId, now) => {
      await pool.query(LINK_DEVICE, [communeCode, dossierId, deviceId, now]);
    },
  };
}
