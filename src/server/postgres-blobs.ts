/**
 * The PostgreSQL store's blob queries (bytea). Blobs go in with ON CONFLICT DO NOTHING, so two
 * processes storing the same photo at once both succeed and one row remains. A push reads the
 * blobs it references inside its own transaction, FOR KEY SHARE: no blob is ever deleted today,
 * and should a clean-up job ever delete unreferenced ones, it would have to wait for the push
 * that is about to reference them.
 */
import type pg from 'pg';
import { blobKey, referencedBlobs } from './blob-check';
import type { AcceptedSubmission, BlobInfo, DossierStore } from './store';
import { toBlobInfo, toStoredBlob, type BlobRow } from './store-rows';

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

type BlobMethods = Pick<DossierStore, 'hasBlob' | 'putBlob' | 'missingBlobs' | 'getBlob'>;

export function postgresBlobMethods(pool: pg.Pool): BlobMethods {
  return {
    hasBlob: async (sha256, communeCode) => {
      const result = await pool.query<BlobRow>('SELECT content_type, size FROM blobs WHERE commune_code = $1 AND sha256 = $2', [
        communeCode,
        sha256,
      ]);
      const row = result.rows[0];
      return row ? toBlobInfo(row) : null;
    },
    putBlob: async (sha256, type, bytes, communeCode, now) => {
      const result = await pool.query(
        `INSERT INTO blobs (commune_code, sha256, content_type, size, bytes, stored_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [communeCode, sha256, type, bytes.byteLength, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), now],
      );
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
      const result = await pool.query<BlobRow & { bytes: Buffer }>('SELECT content_type, size, bytes FROM blobs WHERE commune_code = $1 AND sha256 = $2', [
        communeCode,
        sha256,
      ]);
      const row = result.rows[0];
      return row ? toStoredBlob(row) : null;
    },
  };
}
