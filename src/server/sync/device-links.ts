/**
 * Which devices follow a dossier (table dossier_devices). A dossier may reach us from several
 * phones (hand-off: B imports A's outbox and sends it first, A sends it later and gets
 * `duplicate`); each of them must see its status changes, so every push links its device to
 * each dossier it was answered `stored` or `duplicate` for. A `conflict` links nothing: other
 * content, not that device's dossier. dossiers.device_id stays the first sender. Pulls walk a
 * device's links (pull-queries.ts).
 */
import type { PushResult } from '../../domain/protocol';

export type FollowedResult = Extract<PushResult, { outcome: 'stored' | 'duplicate' }>;

export function followsDossier(result: PushResult): result is FollowedResult {
  return result.outcome === 'stored' || result.outcome === 'duplicate';
}

/** One link (commune_code, dossier_id, device_id, first_seen_at); a link already there is kept as it is. */
export const LINK_DEVICE_SQL =
  'INSERT INTO dossier_devices (commune_code, dossier_id, device_id, first_seen_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING';

/**
 * PostgreSQL links a whole batch at once ($1 device, $2 time, $3 ids), in id order like the
 * dossier rows, so concurrent pushes of the same ids queue instead of deadlocking.
 */
export const LINK_DEVICE_TO_IDS_POSTGRES = `INSERT INTO dossier_devices (commune_code, dossier_id, device_id, first_seen_at)
     SELECT d.commune_code, d.id, $1, $2 FROM dossiers d WHERE d.id = ANY($3::text[])
     ORDER BY d.id
     ON CONFLICT DO NOTHING`;
