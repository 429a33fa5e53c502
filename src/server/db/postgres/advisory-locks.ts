/**
 * Every PostgreSQL advisory lock the server takes, in one place so no two purposes share a key.
 * All are transaction-level: PostgreSQL releases them at commit or rollback, never later.
 */
import type pg from 'pg';

/** First key of every advisory lock we take ("mcld" in ASCII), so we never clash with others'. */
export const ADVISORY_LOCK_SPACE = 0x6d636c64;
/** Second keys: one lock per purpose. */
export const MIGRATION_LOCK = 1;
export const STATUS_SEQ_LOCK = 2;
/** The first admin of a commune is created under this lock (accounts: redeemSetupToken). */
export const SETUP_LOCK = 3;

/**
 * Taken by every transaction that inserts status changes (a push storing dossiers, an officer's
 * decision). Why a lock and not just the identity column: identity values are drawn when a row
 * is inserted but become visible when its transaction commits, and transactions commit in any
 * order. A pull could see seq 12 committed while 11 is still in flight, move its cursor to 12
 * and never see 11. Holding this lock from drawing seqs until commit (PostgreSQL releases
 * transaction locks only after the commit is visible) makes seq order equal commit order, so a
 * cursor never skips. Chosen over a counter row (UPDATE … SET seq = seq + n RETURNING, which
 * serialises the same way) because it needs no change to the migrations shared with SQLite and
 * keeps the identity column as the key. Taken after the dossier rows are in, so only one INSERT
 * and the commit are serialised, not the whole push.
 */
export async function lockStatusSeq(client: pg.PoolClient): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1, $2)', [ADVISORY_LOCK_SPACE, STATUS_SEQ_LOCK]);
}

/**
 * Taken by the transaction creating a commune's first admin: two setup links used at the same
 * moment both see "no staff yet"; under this lock the second then sees the first admin and stops.
 * One key for all communes: first starts are rare.
 */
export async function lockSetup(client: pg.PoolClient): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1, $2)', [ADVISORY_LOCK_SPACE, SETUP_LOCK]);
}

/**
 * Taken by a visit push for each visit id it writes, all of them in sorted order before the first
 * write (so two pushes never wait on each other in a circle): two phones or processes sending
 * versions of the same visit at once then agree on which one is the latest. The one-key (bigint)
 * form, a space apart from the two-key locks above; a hash collision only makes two unrelated
 * visits wait for each other a moment.
 */
export async function lockVisits(client: pg.PoolClient, ids: readonly string[]): Promise<void> {
  for (const id of [...new Set(ids)].sort()) {
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, $2))', [id, ADVISORY_LOCK_SPACE]);
  }
}
