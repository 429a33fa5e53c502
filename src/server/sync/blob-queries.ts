/**
 * The blob SQL both adapters run (`?` placeholders; PostgreSQL numbers them) and the mapping of
 * its rows. Blobs go in with ON CONFLICT DO NOTHING: two processes storing the same photo at
 * once both succeed and one row remains.
 */
import type { AttachmentType } from '../../domain/form-schema';
import type { BlobInfo, StoredBlob } from './sync-repository';

/** (commune_code, sha256) */
export const SELECT_BLOB_INFO_SQL = 'SELECT content_type, size FROM blobs WHERE commune_code = ? AND sha256 = ?';
/** (commune_code, sha256) */
export const SELECT_BLOB_SQL = 'SELECT content_type, size, bytes FROM blobs WHERE commune_code = ? AND sha256 = ?';
/** (commune_code, sha256, content_type, size, bytes, stored_at) */
export const INSERT_BLOB_SQL =
  'INSERT INTO blobs (commune_code, sha256, content_type, size, bytes, stored_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING';

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
