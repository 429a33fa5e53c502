/** The dossier repository on the shared PostgreSQL pool (db/postgres). */
import type { DossierStatus, StatusChange } from '../../domain/protocol';
import { lockStatusSeq } from '../db/postgres/advisory-locks';
import type { PostgresDatabase } from '../db/postgres/postgres-database';
import { numbered } from '../db/postgres/placeholders';
import type { DossierRepository } from './dossier-repository';
import {
  COUNT_DOSSIERS_SQL,
  INSERT_STATUS_CHANGE_SQL,
  SELECT_DOSSIER_BY_REF_SQL,
  recordedChange,
  toStoredDossier,
  type DossierRow,
} from './dossier-queries';

const SELECT_DOSSIER_BY_REF = numbered(SELECT_DOSSIER_BY_REF_SQL);
const INSERT_STATUS_CHANGE = `${numbered(INSERT_STATUS_CHANGE_SQL)} RETURNING seq`;

export function postgresDossierRepository(database: PostgresDatabase): DossierRepository {
  const { pool } = database;

  async function setStatus(ref: string, status: DossierStatus, note: string | undefined, now: number): Promise<StatusChange | null> {
    return database.transaction(async (client) => {
      // The row lock first, the seq lock second, always: a holder of the seq lock never waits.
      const updated = await client.query<{ id: string; dossier_code: string; commune_code: string; device_id: string }>(
        `UPDATE dossiers SET status = $1
         WHERE id = (SELECT id FROM dossiers WHERE id = $2 OR dossier_code = $2 LIMIT 1)
         RETURNING id, dossier_code, commune_code, device_id`,
        [status, ref],
      );
      const dossier = updated.rows[0];
      if (!dossier) return null;
      await lockStatusSeq(client);
      const inserted = await client.query<{ seq: string }>(INSERT_STATUS_CHANGE, [
        dossier.id,
        dossier.commune_code,
        dossier.device_id,
        status,
        note ?? null,
        now,
      ]);
      return recordedChange(dossier, status, note, now, inserted.rows[0]!.seq);
    });
  }

  return {
    setStatus,
    getDossier: async (ref) => {
      const result = await pool.query<DossierRow>(SELECT_DOSSIER_BY_REF, [ref, ref]);
      const row = result.rows[0];
      return row ? toStoredDossier(row) : null;
    },
    countDossiers: async () => {
      const result = await pool.query<{ n: string }>(COUNT_DOSSIERS_SQL);
      return Number(result.rows[0]?.n ?? 0);
    },
  };
}
