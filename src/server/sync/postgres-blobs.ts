/**
 * The PostgreSQL blob queries (bytea). A push reads the blobs it references inside its own
 * transaction, FOR KEY SHARE: no blob is ever deleted today, and should a clean-up job ever
 * delete unreferenced ones, it would have to wait for the push that is about to reference them.
 */
import type pg from 'pg';
import { numbered } from '../db/postgres/placeholders';
import { blobKey, referencedBlobs } from './blob-check';
import { INSERT_BLOB_SQL, SELECT_BLOB_INFO_SQL, SELECT_BLOB_SQL, bytesParam, toBlobInfo, toStoredBlob, type BlobRow } from './blob-queries';
import type { AcceptedSubmission, BlobInfo, SyncRepository } from './sync-repository';

const SELECT_BLOB_INFO = numbered(SELECT_BLOB_INFO_SQL);
const SELECT_BLOB = numbered(SELECT_BLOB_SQL);
const INSERT_BLOB = numbered(INSERT_BLOB_SQL);

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

type BlobMethods = Pick<SyncRepository, 'hasBlob' | 'putBlob' | 'missingBlobs' | 'getBlob'>;

export function postgresBlobMethods(pool: pg.Pool): BlobMethods {
  return {
    hasBlob: async (sha256, communeCode) => {
      const row = (await pool.query<BlobRow>(SELECT_BLOB_INFO, [communeCode, sha256])).rows[0];
      return row ? toBlobInfo(row) : null;
    },
    putBlob: async (sha256, type, bytes, communeCode, now) => {
      const result = await pool.query(INSERT_BLOB, [communeCode, sha256, type, bytes.byteLength, bytesParam(bytes), now]);
      return result.rowCount === 1;
    },
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
