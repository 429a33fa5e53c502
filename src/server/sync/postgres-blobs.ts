/**
 * The PostgreSQL blob queries (bytea). A push reads the blobs it references inside its own
 * transaction, FOR KEY SHARE: the purge of unreferenced blobs (blob-purge.ts) then waits for the
 * push that is about to reference them, and re-reads `referenced_at` once that push committed.
 */
import type pg from 'pg';
import { numbered } from '../db/postgres/placeholders';
import { blobKey, referencedBlobs } from './blob-check';
import {
  DEVICE_DOSSIERS_SQL,
  DEVICE_UPLOADS_SQL,
  INSERT_BLOB_SQL,
  PURGE_UNREFERENCED_SQL,
  SELECT_BLOB_INFO_SQL,
  SELECT_BLOB_SQL,
  STORED_IDS_POSTGRES,
  bytesParam,
  toBlobInfo,
  toStoredBlob,
  toUsage,
  type BlobRow,
  type UsageRow,
} from './blob-queries';
import type { AcceptedSubmission, BlobInfo, SyncRepository } from './sync-repository';

const SELECT_BLOB_INFO = numbered(SELECT_BLOB_INFO_SQL);
const SELECT_BLOB = numbered(SELECT_BLOB_SQL);
const INSERT_BLOB = numbered(INSERT_BLOB_SQL);
const DEVICE_UPLOADS = numbered(DEVICE_UPLOADS_SQL);
const DEVICE_DOSSIERS = numbered(DEVICE_DOSSIERS_SQL);
const PURGE_UNREFERENCED = numbered(PURGE_UNREFERENCED_SQL);

/** Marks the blobs of the dossiers a push stored as referenced (sorted, so concurrent pushes lock them in one order). */
export async function markReferenced(client: pg.PoolClient, items: readonly AcceptedSubmission[], now: number): Promise<void> {
  const pairs = [...new Set(items.flatMap((item) => item.attachments.map(({ ref }) => `${item.communeCode}/${ref.sha256}`)))].sort();
  if (pairs.length === 0) return;
  const split = pairs.map((pair) => pair.split('/') as [string, string]);
  await client.query(
    `UPDATE blobs b SET referenced_at = $1
     FROM unnest($2::text[], $3::text[]) AS t(commune, sha)
     WHERE b.commune_code = t.commune AND b.sha256 = t.sha AND b.referenced_at IS NULL`,
    [now, split.map(([commune]) => commune), split.map(([, sha]) => sha)],
  );
}

/** The stored blobs a batch references, locked against deletion until the push commits. */
export async function storedBlobs(client: pg.PoolClient, items: readonly AcceptedSubmission[]): Promise<Map<string, BlobInfo>> {
  const { communes, hashes } = referencedBlobs(items);
  const found = new Map<string, BlobInfo>();
  if (hashes.length === 0) return found;
  const result = await client.query<BlobRow & { commune_code: string; sha256: string }>(
    `SELECT b.commune_code, b.sha256, b.content_type, b.size
     FROM blobs b JOIN unnest($1::text[], $2::text[]) AS t(commune, sha) ON b.commune_code = t.commune AND b.sha256 = t.sha
     FOR KEY SHARE OF b`,
    [communes, hashes],
  );
  for (const row of result.rows) found.set(blobKey(row.commune_code, row.sha256), toBlobInfo(row));
  return found;
}

type BlobMethods = Pick<
  SyncRepository,
  'hasBlob' | 'putBlob' | 'missingBlobs' | 'getBlob' | 'storedIds' | 'dossiersStoredBy' | 'blobsUploadedBy' | 'purgeUnreferencedBlobs'
>;

export function postgresBlobMethods(pool: pg.Pool): BlobMethods {
  return {
    hasBlob: async (sha256, communeCode) => {
      const row = (await pool.query<BlobRow>(SELECT_BLOB_INFO, [communeCode, sha256])).rows[0];
      return row ? toBlobInfo(row) : null;
    },
    putBlob: async (sha256, type, bytes, communeCode, now, deviceId) => {
      const result = await pool.query(INSERT_BLOB, [communeCode, sha256, type, bytes.byteLength, bytesParam(bytes), now, deviceId]);
      return result.rowCount === 1;
    },
    storedIds: async (ids) =>
      new Set(ids.length === 0 ? [] : (await pool.query<{ id: string }>(STORED_IDS_POSTGRES, [[...ids]])).rows.map((row) => row.id)),
    dossiersStoredBy: async (deviceId, since, cap) =>
      toUsage((await pool.query<UsageRow>(DEVICE_DOSSIERS, [deviceId, since, cap])).rows[0]),
    blobsUploadedBy: async (deviceId, since) => toUsage((await pool.query<UsageRow>(DEVICE_UPLOADS, [deviceId, since])).rows[0]),
    purgeUnreferencedBlobs: async (storedBefore) => (await pool.query(PURGE_UNREFERENCED, [storedBefore])).rowCount ?? 0,
    missingBlobs: async (hashes, communeCode) => {
      const unique = [...new Set(hashes)];
      if (unique.length === 0) return [];
      const result = await pool.query<{ sha256: string }>('SELECT sha256 FROM blobs WHERE commune_code = $1 AND sha256 = ANY($2::text[])', [
        communeCode,
        unique,
      ]);
      const present = new Set(result.rows.map((row) => row.sha256));
      return unique.filter((hash) => !present.has(hash));
    },
    getBlob: async (sha256, communeCode) => {
      const row = (await pool.query<BlobRow & { bytes: Buffer }>(SELECT_BLOB, [communeCode, sha256])).rows[0];
      return row ? toStoredBlob(row) : null;
    },
  };
}
