/** The dossier repository on the shared SQLite connection (db/sqlite). */
import type { DossierStatus, StatusChange } from '../../domain/protocol';
import type { SqliteDatabase } from '../db/sqlite/sqlite-database';
import type { DossierRepository } from './dossier-repository';
import {
  COUNT_DOSSIERS_SQL,
  INSERT_STATUS_CHANGE_SQL,
  SELECT_DOSSIER_BY_REF_SQL,
  recordedChange,
  toStoredDossier,
  type DossierRow,
} from './dossier-queries';

export function sqliteDossierRepository({ connection }: SqliteDatabase): DossierRepository {
  const selectDossier = connection.prepare<[string, string], DossierRow>(SELECT_DOSSIER_BY_REF_SQL);
  const updateStatus = connection.prepare('UPDATE dossiers SET status = ? WHERE id = ?');
  const insertChange = connection.prepare(INSERT_STATUS_CHANGE_SQL);
  const countRows = connection.prepare<[], { n: number }>(COUNT_DOSSIERS_SQL);

  const changeStatus = connection.transaction(
    (ref: string, status: DossierStatus, note: string | undefined, now: number): StatusChange | null => {
      const dossier = selectDossier.get(ref, ref);
      if (!dossier) return null;
      updateStatus.run(status, dossier.id);
      const info = insertChange.run(dossier.id, dossier.commune_code, dossier.device_id, status, note ?? null, now);
      return recordedChange(dossier, status, note, now, info.lastInsertRowid);
    },
  );

  return {
    getDossier: async (ref) => {
      const row = selectDossier.get(ref, ref);
      return row ? toStoredDossier(row) : null;
    },
    // IMMEDIATE takes the write lock up front, so two processes never deadlock upgrading a read lock.
    setStatus: async (ref, status, note, now) => changeStatus.immediate(ref, status, note, now),
    countDossiers: async () => countRows.get()?.n ?? 0,
  };
}
