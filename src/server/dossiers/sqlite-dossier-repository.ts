/** The dossier repository on the shared SQLite connection (db/sqlite). */
import { decideTransition } from '../../domain/dossier-lifecycle';
import type { DossierStatus } from '../../domain/protocol';
import { LINK_DEVICE_SQL } from '../sync/device-links';
import type { SqliteDatabase } from '../db/sqlite/sqlite-database';
import type { DossierRepository, TransitionRequest, TransitionResult } from './dossier-repository';
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

export function sqliteDossierRepository({ connection }: SqliteDatabase): DossierRepository {
  const selectDossier = connection.prepare<[string, string], DossierRow>(SELECT_DOSSIER_BY_REF_SQL);
  const selectForAction = connection.prepare<[string, string, string], ActionRow>(SELECT_DOSSIER_FOR_ACTION_SQL);
  const selectHistory = connection.prepare<[string], HistoryRow>(SELECT_HISTORY_SQL);
  const updateStatus = connection.prepare(UPDATE_STATUS_SQL);
  const insertChange = connection.prepare(INSERT_LIFECYCLE_CHANGE_SQL);
  const countRows = connection.prepare<[], { n: number }>(COUNT_DOSSIERS_SQL);
  const linkDevice = connection.prepare(LINK_DEVICE_SQL);

  const apply = connection.transaction((request: TransitionRequest, now: number): TransitionResult => {
    const dossier = selectForAction.get(request.ref, request.ref, request.communeCode);
    if (!dossier) return { ok: false, reason: 'not-found' };
    const from = dossier.status as DossierStatus;
    const decision = decideTransition(from, request.action, request.actor);
    if (!decision.ok) return decision;
    updateStatus.run(...statusUpdateParams(decision.to, request.details, dossier.id));
    const info = insertChange.run(
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
    );
    return { ok: true, dossierId: dossier.id, from, change: recordedChange(dossier, decision.to, request.note, now, info.lastInsertRowid) };
  });

  return {
    getDossier: async (ref) => {
      const row = selectDossier.get(ref, ref);
      return row ? toStoredDossier(row) : null;
    },
    history: async (dossierId) => selectHistory.all(dossierId).map(toHistoryEntry),
    // IMMEDIATE takes the write lock up front, so two processes never deadlock upgrading a read lock.
    applyTransition: async (request, now) => apply.immediate(request, now),
    countDossiers: async () => countRows.get()?.n ?? 0,
    followDossier: async (dossierId, communeCode, deviceId, now) => {
      linkDevice.run(communeCode, dossierId, deviceId, now);
    },
  };
}
