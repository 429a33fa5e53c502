/**
 * The store for scale: PostgreSQL through node-postgres (pg 8), so several stateless API
 * processes can share one database behind a load balancer. Same migrations, same answers as the
 * SQLite store; the differences are about concurrency, which SQLite avoids by having one writer.
 *
 * - A push is one transaction. New rows go in with INSERT … ON CONFLICT DO NOTHING and the rest
 *   is re-read, so two processes pushing the same ids never see a unique-constraint error: the
 *   second one waits for the first to commit, inserts nothing and answers from the stored row.
 * - Rows are inserted sorted by id, so concurrent batches holding the same ids in any order lock
 *   them in the same order and queue instead of deadlocking.
 * - Status-change seqs are drawn under a transaction-level advisory lock: see STATUS_SEQ_LOCK.
 * - A push reads the blobs it references inside its own transaction (postgres-blobs.ts).
 * - A push links its device to each dossier it stored or duplicated (dossier_devices), which
 *   pulls follow, so every phone that sent a dossier sees its status changes.
 */
import pg from 'pg';
import { decidePush } from '../domain/push-decision';
import type { CurrentStatus, DossierStatus, StatusChange } from '../domain/protocol';
import { blobVerdict } from './blob-check';
import { contentHashOf } from './content-hash';
import { makeDossierCode } from '../domain/dossier-code';
import { randomDossierSuffix } from './dossier-code';
import { postgresBlobMethods, storedBlobs } from './postgres-blobs';
import { ADVISORY_LOCK_SPACE, STATUS_SEQ_LOCK, migratePostgres } from './postgres-migrate';
import type { AcceptedSubmission, DossierStore, PullPage, StoreResult } from './store';
import { DOSSIER_COLUMNS, toCurrentStatus, toHeldDossier, toStatusChange, toStoredDossier, type ChangeRow, type DossierRow, type HeldRow, type StatusRow } from './store-rows';

export interface PostgresStoreOptions {
  /** Most connections this process opens (DATABASE_POOL_SIZE; default 10). */
  poolSize?: number;
  /** How long to wait for a connection before failing (default 10 000 ms). */
  connectionTimeoutMs?: number;
  /** Source of dossier code suffixes; tests inject collisions. */
  codeSuffix?: () => string;
}

export const DEFAULT_POOL_SIZE = 10;

/** A code collision is ~1 in a billion; five tries in a row means something else is wrong. */
const MAX_CODE_ATTEMPTS = 5;
/** Deadlocks and serialisation failures are the database asking us to try the transaction again. */
const RETRYABLE_CODES = new Set(['40P01', '40001']);
const MAX_TRANSACTION_ATTEMPTS = 3;

interface ExistingRow extends HeldRow {
  id: string;
}

function isRetryable(error: unknown): boolean {
  return error instanceof Error && RETRYABLE_CODES.has((error as { code?: string }).code ?? '');
}

/** Runs `work` in one transaction on one pooled connection, retrying deadlock victims. */
async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken = false;
    try {
      // Explicitly READ COMMITTED, whatever the database's default: the re-read after ON CONFLICT
      // DO NOTHING must see the row the other writer has just committed.
      await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      if (attempt < MAX_TRANSACTION_ATTEMPTS && isRetryable(error)) continue;
      throw error;
    } finally {
      // A connection that could not even roll back is destroyed, not handed to the next request.
      client.release(broken);
    }
  }
}

/**
 * Why a lock and not just the identity column: identity values are drawn when a row is inserted
 * but become visible when its transaction commits, and transactions commit in any order. A pull
 * could see seq 12 committed while 11 is still in flight, move its cursor to 12 and never see 11.
 * Holding this lock from drawing seqs until commit (PostgreSQL releases transaction locks only
 * after the commit is visible) makes seq order equal commit order, so a cursor never skips.
 * Chosen over a counter row (UPDATE … SET seq = seq + n RETURNING, which serialises the same
 * way) because it needs no change to the migrations shared with SQLite and keeps the identity
 * column as the key. Taken after the dossier rows are in, so only one INSERT and the commit
 * are serialised, not the whole push.
 */
async function lockStatusSeq(client: pg.PoolClient): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1, $2)', [ADVISORY_LOCK_SPACE, STATUS_SEQ_LOCK]);
}

/**
 * Links the device to every dossier it was answered `stored` or `duplicate` for (not `conflict`:
 * other content, not its dossier), so its pulls include them. Sorted by id like the dossier rows,
 * so concurrent pushes of the same ids queue instead of deadlocking; before the seq lock is taken.
 */
async function linkDevice(client: pg.PoolClient, deviceId: string, ids: readonly string[], now: number): Promise<void> {
  if (ids.length === 0) return;
  await client.query(
    `INSERT INTO dossier_devices (commune_code, dossier_id, device_id, first_seen_at)
     SELECT d.commune_code, d.id, $1, $2 FROM dossiers d WHERE d.id = ANY($3::text[])
     ORDER BY d.id
     ON CONFLICT DO NOTHING`,
    [deviceId, now, ids],
  );
}

/** Ids answered `stored` or `duplicate`, sorted like the dossier rows. */
function answeredIds(results: readonly StoreResult[]): string[] {
  return [...new Set(results.filter((r) => r.outcome === 'stored' || r.outcome === 'duplicate').map((r) => r.id))].sort();
}

/**
 * Share-locks the answered dossiers (sorted, before the seq lock), so an officer's change either
 * committed before readCurrentStatuses or gets a seq after this push commits, which the phone's
 * next pull then brings.
 */
async function lockAnswered(client: pg.PoolClient, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await client.query('SELECT id FROM dossiers WHERE id = ANY($1::text[]) ORDER BY id FOR SHARE', [ids]);
}

/** Each dossier's status and the latest status change (the one that set it), for push answers. */
async function readCurrentStatuses(client: pg.PoolClient, ids: readonly string[]): Promise<Map<string, CurrentStatus>> {
  const found = new Map<string, CurrentStatus>();
  if (ids.length === 0) return found;
  const rows = await client.query<StatusRow & { id: string }>(
    `SELECT d.id, d.status, sc.seq, sc.note FROM dossiers d
     LEFT JOIN LATERAL (SELECT seq, note FROM status_changes WHERE dossier_id = d.id ORDER BY seq DESC LIMIT 1) sc ON true
     WHERE d.id = ANY($1::text[])`,
    [ids],
  );
  for (const row of rows.rows) found.set(row.id, toCurrentStatus(row));
  return found;
}

function byId(items: readonly AcceptedSubmission[]): (a: number, b: number) => number {
  return (a, b) => {
    const x = items[a]!.id;
    const y = items[b]!.id;
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

/** Opens a pool, checks the database is reachable and migrates it; throws if either fails. */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<DossierStore> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 10_000,
    application_name: 'mot-cua-luu-dong',
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process;
  // the pool replaces it and the next query reports any lasting problem.
  pool.on('error', (error) => console.error('PostgreSQL connection lost:', error.message));
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  const codeSuffix = options.codeSuffix ?? randomDossierSuffix;

  /** Inserts the first copy of each new id, drawing another code for rows that collided. */
  async function insertNew(
    client: pg.PoolClient,
    deviceId: string,
    items: readonly AcceptedSubmission[],
    hashes: readonly string[],
    firsts: readonly number[],
    now: number,
  ): Promise<{ stored: Map<string, string>; existing: Map<string, ExistingRow> }> {
    const stored = new Map<string, string>();
    const existing = new Map<string, ExistingRow>();
    let pending = [...firsts];
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_CODE_ATTEMPTS) throw new Error(`Could not allocate a unique dossier code for ${items[pending[0]!]!.id}`);
      const codes = new Map(pending.map((i) => [i, makeDossierCode(items[i]!.communeCode, now, codeSuffix())]));
      const rows = [...pending].sort(byId(items));
      const column = <T>(pick: (item: AcceptedSubmission, i: number) => T): T[] => rows.map((i) => pick(items[i]!, i));
      const inserted = await client.query<{ id: string; dossier_code: string }>(
        `INSERT INTO dossiers (${DOSSIER_COLUMNS})
         SELECT t.id, t.code, t.commune, $1, t.form, t.version, t.hash, t.answers, t.submitted, $2, 'received',
           t.consent_version, t.consent_lang, t.consent_agreed_at
         FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[], $10::bigint[],
                     $11::text[], $12::text[], $13::bigint[])
           WITH ORDINALITY AS t(id, code, commune, form, version, hash, answers, submitted,
                                consent_version, consent_lang, consent_agreed_at, ord)
         ORDER BY t.ord
         ON CONFLICT DO NOTHING
         RETURNING id, dossier_code`,
        [
          deviceId,
          now,
          column((item) => item.id),
          column((_, i) => codes.get(i)!),
          column((item) => item.communeCode),
          column((item) => item.formId),
          column((item) => item.formVersion),
          column((_, i) => hashes[i]!),
          column((item) => JSON.stringify(item.answers)),
          column((item) => item.submittedAt),
          column((item) => item.consent.version),
          column((item) => item.consent.lang),
          column((item) => item.consent.agreedAt),
        ],
      );
      for (const row of inserted.rows) stored.set(row.id, row.dossier_code);
      const missing = pending.filter((i) => !stored.has(items[i]!.id));
      if (missing.length === 0) break;
      // Not inserted: either the id is taken (committed by us earlier or by another writer,
      // whose commit ON CONFLICT waited for), or only the random code collided.
      const found = await client.query<ExistingRow>(
        'SELECT id, dossier_code, content_hash, received_at FROM dossiers WHERE id = ANY($1::text[])',
        [missing.map((i) => items[i]!.id)],
      );
      for (const row of found.rows) existing.set(row.id, row);
      pending = missing.filter((i) => !existing.has(items[i]!.id));
    }
    return { stored, existing };
  }

  async function pushBatch(deviceId: string, items: readonly AcceptedSubmission[], now: number): Promise<StoreResult[]> {
    if (items.length === 0) return [];
    const hashes = items.map(contentHashOf);
    return inTransaction(pool, async (client) => {
      // Items whose blobs are missing or disagree get that answer and are not inserted.
      const blobs = await storedBlobs(client, items);
      const verdicts = items.map((item) => blobVerdict(item, blobs));
      const firstIndex = new Map<string, number>();
      items.forEach((item, i) => {
        if (!verdicts[i] && !firstIndex.has(item.id)) firstIndex.set(item.id, i);
      });
      const { stored, existing } = await insertNew(client, deviceId, items, hashes, [...firstIndex.values()], now);
      const storedFirsts = [...firstIndex.values()].filter((i) => stored.has(items[i]!.id));
      const results = items.map((item, i): StoreResult => {
        const verdict = verdicts[i];
        if (verdict) return verdict;
        const first = firstIndex.get(item.id)!;
        const code = stored.get(item.id);
        // Inserted first and decided after: the copy that went in is the one stored; every other
        // copy meets what is held, the copy this batch stored or the row found. Statuses come below.
        if (code !== undefined && first === i) return { id: item.id, outcome: 'stored', dossierCode: code, receivedAt: now };
        const held = code !== undefined ? { contentHash: hashes[first]!, dossierCode: code, receivedAt: now } : toHeldDossier(existing.get(item.id)!);
        return decidePush({ id: item.id, contentHash: hashes[i]! }, held);
      });
      const answered = answeredIds(results);
      await linkDevice(client, deviceId, answered, now);
      await lockAnswered(client, answered);
      if (storedFirsts.length > 0) {
        await lockStatusSeq(client);
        await client.query(
          `INSERT INTO status_changes (dossier_id, commune_code, device_id, status, note, changed_at)
           SELECT t.id, t.commune, $1, 'received', NULL, $2
           FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS t(id, commune, ord)
           ORDER BY t.ord`,
          [deviceId, now, storedFirsts.map((i) => items[i]!.id), storedFirsts.map((i) => items[i]!.communeCode)],
        );
      }
      const statuses = await readCurrentStatuses(client, answered);
      return results.map((r) => (r.outcome === 'stored' || r.outcome === 'duplicate' ? { ...r, ...statuses.get(r.id) } : r));
    });
  }

  async function setStatus(ref: string, status: DossierStatus, note: string | undefined, now: number): Promise<StatusChange | null> {
    return inTransaction(pool, async (client) => {
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
      const inserted = await client.query<{ seq: string }>(
        `INSERT INTO status_changes (dossier_id, commune_code, device_id, status, note, changed_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING seq`,
        [dossier.id, dossier.commune_code, dossier.device_id, status, note ?? null, now],
      );
      const change: StatusChange = {
        id: dossier.id,
        dossierCode: dossier.dossier_code,
        status,
        changedAt: now,
        seq: Number(inserted.rows[0]!.seq),
      };
      if (note !== undefined) change.note = note;
      return change;
    });
  }

  let closed = false;
  return {
    kind: 'postgres',
    pushBatch,
    setStatus,
    pullChanges: async (deviceId, since, limit): Promise<PullPage> => {
      const result = await pool.query<ChangeRow>(
        `SELECT sc.seq, sc.dossier_id, d.dossier_code, sc.status, sc.note, sc.changed_at
         FROM dossier_devices dd
         JOIN status_changes sc ON sc.dossier_id = dd.dossier_id
         JOIN dossiers d ON d.id = sc.dossier_id
         WHERE dd.device_id = $1 AND sc.seq > $2 ORDER BY sc.seq LIMIT $3`,
        [deviceId, since, limit],
      );
      const changes = result.rows.map(toStatusChange);
      const last = changes[changes.length - 1];
      return { changes, cursor: last ? last.seq : since };
    },
    getDossier: async (ref) => {
      const result = await pool.query<DossierRow>(
        `SELECT ${DOSSIER_COLUMNS} FROM dossiers WHERE id = $1 OR dossier_code = $1 LIMIT 1`,
        [ref],
      );
      const row = result.rows[0];
      return row ? toStoredDossier(row) : null;
    },
    countDossiers: async () => {
      const result = await pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM dossiers');
      return Number(result.rows[0]?.n ?? 0);
    },
    ...postgresBlobMethods(pool),
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
