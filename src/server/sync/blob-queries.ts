/**
 * The blob SQL both adapters run, and the counts behind a resident phone's daily allowance (`?` placeholders; PostgreSQL numbers them) and the mapping of
 * its rows. Blobs go in with ON CONFLICT DO NOTHING: two processes storing the same photo at
 * once both succeed and one row remains.
 */
import type { AttachmentType } from '../../domain/form-schema';
import type { BlobInfo, DeviceUsage, StoredBlob } from './sync-repository';

/** (commune_code, sha256) */
export const SELECT_BLOB_INFO_SQL = 'SELECT content_type, size FROM blobs WHERE commune_code = ? AND sha256 = ?';
/** (commune_code, sha256) */
export const SELECT_BLOB_SQL = 'SELECT content_type, size, bytes FROM blobs WHERE commune_code = ? AND sha256 = ?';
/** (commune_code, sha256, content_type, size, bytes, stored_at, device_id) */
export const INSERT_BLOB_SQL =
  'INSERT INTO blobs (commune_code, sha256, content_type, size, bytes, stored_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING';
/** (referenced_at, commune_code, sha256): the first dossier to reference a blob keeps it from the purge. */
export const MARK_BLOB_REFERENCED_SQL =
  'UPDATE blobs SET referenced_at = ? WHERE commune_code = ? AND sha256 = ? AND referenced_at IS NULL';
/** (device_id, since): what a device uploaded after `since`, for its daily photo allowance. */
export const DEVICE_UPLOADS_SQL =
  'SELECT COUNT(*) AS n, COALESCE(SUM(size), 0) AS bytes, MIN(stored_at) AS oldest FROM blobs WHERE device_id = ? AND stored_at > ?';
/**
 * (device_id, since, cap): the dossiers a device had stored after `since`, counted up to `cap`
 * (the allowance: past it the exact number does not matter), so the work stays bounded by the
 * allowance however much the device sent; the index on (device_id, received_at) gives the oldest first.
 */
export const DEVICE_DOSSIERS_SQL = `SELECT COUNT(*) AS n, MIN(received_at) AS oldest FROM (
  SELECT received_at FROM dossiers WHERE device_id = ? AND received_at > ? ORDER BY received_at LIMIT ?) recent`;
/** (json array of ids): the ones stored; json_each / jsonb_array_elements_text per dialect. */
export const STORED_IDS_SQLITE = 'SELECT id FROM dossiers WHERE id IN (SELECT value FROM json_each(?))';
export const STORED_IDS_POSTGRES = 'SELECT id FROM dossiers WHERE id = ANY($1::text[])';
/** (stored_before): blobs no dossier ever referenced, uploaded before the grace period began. */
export const PURGE_UNREFERENCED_SQL = 'DELETE FROM blobs WHERE referenced_at IS NULL AND stored_at < ?';

export interface UsageRow {
  n: number | string;
  bytes?: number | string;
  oldest: number | string | null;
}

export function toUsage(row: UsageRow | undefined): DeviceUsage {
  return {
    count: Number(row?.n ?? 0),
    bytes: Number(row?.bytes ?? 0),
    oldestAt: row?.oldest === null || row?.oldest === undefined ? null : Number(row.oldest),
  };
}

export interface BlobRow {
  content_type: string;
  size: number | string;
}

export function toBlobInfo(row: BlobRow): BlobInfo {
  return { type: row.content_type as AttachmentType, size: Number(row.size) };
}

export function toStoredBlob(row: BlobRow & { bytes: Uint8Array }): StoredBlob {
  return { ...toBlobInfo(row), bytes: new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) };
}

/** The bytes as both drivers bind them (a Buffer over the same memory, not a copy). */
export function bytesParam(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
