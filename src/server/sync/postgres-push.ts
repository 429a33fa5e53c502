/**
 * The PostgreSQL push: one transaction per batch, safe with several API processes writing at once.
 * The differences from SQLite are about concurrency, which SQLite avoids by having one writer.
 *
 * - New rows go in with INSERT … ON CONFLICT DO NOTHING and the rest is re-read, so two
 *   processes pushing the same ids never see a unique-constraint error: the second one waits for
 *   the first to commit, inserts nothing and answers from the stored row. Inserted first and
 *   decided after (decidePush), with the same answers as SQLite.
 * - Rows are inserted, linked and locked sorted by id, so concurrent batches holding the same ids
 *   in any order lock them in the same order and queue instead of deadlocking.
 * - Status-change seqs are drawn under a transaction-level advisory lock (lockStatusSeq), taken
 *   after every row lock, so a holder of the seq lock never waits.
 * - A push reads the blobs it references inside its own transaction (postgres-blobs.ts).
 */
import { STATUS_ON_PUSH } from '../../domain/dossier-lifecycle';
import { dossierSearchText } from '../../domain/dossier-search';
import type pg from 'pg';
import { makeDossierCode } from '../../domain/dossier-code';
import type { CurrentStatus, PushResult } from '../../domain/protocol';
import { decidePush } from '../../domain/push-decision';
import { lockStatusSeq } from '../db/postgres/advisory-locks';
import type { PostgresDatabase } from '../db/postgres/postgres-database';
import { MAX_CODE_ATTEMPTS, codeAllocationError, randomDossierSuffix } from '../dossiers/dossier-code';
import { DOSSIER_COLUMNS } from '../dossiers/dossier-queries';
import { blobVerdict } from './blob-check';
import { contentHashOf } from './content-hash';
import { LINK_DEVICE_TO_IDS_POSTGRES, followsDossier } from './device-links';
import { markReferenced, storedBlobs } from './postgres-blobs';
import { toCurrentStatus, toHeldDossier, type HeldRow, type StatusRow } from './push-queries';
import type { AcceptedSubmission, PushSender, SyncRepository, SyncRepositoryOptions } from './sync-repository';

interface ExistingRow extends HeldRow {
  id: string;
}

/** Links the device to the dossiers it follows (device-links.ts), before the seq lock is taken. */
async function linkDevice(client: pg.PoolClient, deviceId: string, ids: readonly string[], now: number): Promise<void> {
  if (ids.length === 0) return;
  await client.query(LINK_DEVICE_TO_IDS_POSTGRES, [deviceId, now, ids]);
}

/** Ids the device follows after this push, sorted like the dossier rows. */
function followedIds(results: readonly PushResult[]): string[] {
  return [...new Set(results.filter(followsDossier).map((r) => r.id))].sort();
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

/**
 * SQLite links a device as it answers each item, so a conflict after a duplicate of the same id
 * in one batch names the code; rows here are linked after deciding, so the same is done here.
 */
function nameCodesFollowedInBatch(results: PushResult[]): void {
  const followed = new Map<string, string>();
  results.forEach((result, i) => {
    if (followsDossier(result)) followed.set(result.id, result.dossierCode);
    else if (result.outcome === 'conflict' && result.dossierCode === undefined) {
      const code = followed.get(result.id);
      if (code !== undefined) results[i] = { ...result, dossierCode: code };
    }
  });
}

function byId(items: readonly AcceptedSubmission[]): (a: number, b: number) => number {
  return (a, b) => {
    const x = items[a]!.id;
    const y = items[b]!.id;
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

export function postgresPush(database: PostgresDatabase, options: SyncRepositoryOptions = {}): SyncRepository['pushBatch'] {
  const codeSuffix = options.codeSuffix ?? randomDossierSuffix;

  /** Inserts the first copy of each new id, drawing another code for rows that collided. */
  async function insertNew(
    client: pg.PoolClient,
    sender: PushSender,
    items: readonly AcceptedSubmission[],
    hashes: readonly string[],
    firsts: readonly number[],
    now: number,
  ): Promise<{ stored: Map<string, string>; existing: Map<string, ExistingRow> }> {
    const stored = new Map<string, string>();
    const existing = new Map<string, ExistingRow>();
    let pending = [...firsts];
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_CODE_ATTEMPTS) throw codeAllocationError(items[pending[0]!]!.id);
      const codes = new Map(pending.map((i) => [i, makeDossierCode(items[i]!.communeCode, now, codeSuffix())]));
      const rows = [...pending].sort(byId(items));
      const column = <T>(pick: (item: AcceptedSubmission, i: number) => T): T[] => rows.map((i) => pick(items[i]!, i));
      const inserted = await client.query<{ id: string; dossier_code: string }>(
        `INSERT INTO dossiers (${DOSSIER_COLUMNS}, search_text)
         SELECT t.id, t.code, t.commune, $1, t.form, t.version, t.hash, t.answers, t.submitted, $2, '${STATUS_ON_PUSH}',
           t.consent_version, t.consent_lang, t.consent_agreed_at, $14, $15, $16, t.search
         FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[], $10::bigint[],
                     $11::text[], $12::text[], $13::bigint[], $17::text[])
           WITH ORDINALITY AS t(id, code, commune, form, version, hash, answers, submitted,
                                consent_version, consent_lang, consent_agreed_at, search, ord)
         ORDER BY t.ord
         ON CONFLICT DO NOTHING
         RETURNING id, dossier_code`,
        [
          sender.deviceId,
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
          sender.kind,
          sender.staffId ?? null,
          sender.villageId ?? null,
          column((item, i) => dossierSearchText(codes.get(i)!, item.answers)),
        ],
      );
      for (const row of inserted.rows) stored.set(row.id, row.dossier_code);
      const missing = pending.filter((i) => !stored.has(items[i]!.id));
      if (missing.length === 0) break;
      // Not inserted: either the id is taken (committed by us earlier or by another writer,
      // whose commit ON CONFLICT waited for), or only the random code collided.
      const found = await client.query<ExistingRow>(
        `SELECT d.id, d.dossier_code, d.content_hash, d.received_at,
           EXISTS (SELECT 1 FROM dossier_devices dd WHERE dd.dossier_id = d.id AND dd.device_id = $2) AS followed
         FROM dossiers d WHERE d.id = ANY($1::text[])`,
        [missing.map((i) => items[i]!.id), sender.deviceId],
      );
      for (const row of found.rows) existing.set(row.id, row);
      pending = missing.filter((i) => !existing.has(items[i]!.id));
    }
    return { stored, existing };
  }

  return async function pushBatch(sender: PushSender, items: readonly AcceptedSubmission[], now: number): Promise<PushResult[]> {
    if (items.length === 0) return [];
    const { deviceId } = sender;
    const hashes = items.map(contentHashOf);
    return database.transaction(async (client) => {
      // Items whose blobs are missing or disagree get that answer and are not inserted.
      const blobs = await storedBlobs(client, items);
      const verdicts = items.map((item) => blobVerdict(item, blobs));
      const firstIndex = new Map<string, number>();
      items.forEach((item, i) => {
        if (!verdicts[i] && !firstIndex.has(item.id)) firstIndex.set(item.id, i);
      });
      const { stored, existing } = await insertNew(client, sender, items, hashes, [...firstIndex.values()], now);
      const storedFirsts = [...firstIndex.values()].filter((i) => stored.has(items[i]!.id));
      const results = items.map((item, i): PushResult => {
        const verdict = verdicts[i];
        if (verdict) return verdict;
        const first = firstIndex.get(item.id)!;
        const code = stored.get(item.id);
        // Inserted first and decided after: the copy that went in is the one stored; every other
        // copy meets what is held, the copy this batch stored or the row found. Statuses come below.
        if (code !== undefined && first === i) return { id: item.id, outcome: 'stored', dossierCode: code, receivedAt: now };
        const held =
          code !== undefined
            ? { contentHash: hashes[first]!, dossierCode: code, receivedAt: now, followedBySender: true }
            : toHeldDossier(existing.get(item.id)!);
        return decidePush({ id: item.id, contentHash: hashes[i]! }, held);
      });
      nameCodesFollowedInBatch(results);
      await markReferenced(
        client,
        storedFirsts.map((i) => items[i]!),
        now,
      );
      const answered = followedIds(results);
      await linkDevice(client, deviceId, answered, now);
      await lockAnswered(client, answered);
      if (storedFirsts.length > 0) {
        await lockStatusSeq(client);
        await client.query(
          `INSERT INTO status_changes (dossier_id, commune_code, device_id, status, note, changed_at)
           SELECT t.id, t.commune, $1, '${STATUS_ON_PUSH}', NULL, $2
           FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS t(id, commune, ord)
           ORDER BY t.ord`,
          [deviceId, now, storedFirsts.map((i) => items[i]!.id), storedFirsts.map((i) => items[i]!.communeCode)],
        );
      }
      const statuses = await readCurrentStatuses(client, answered);
      return results.map((r) => (followsDossier(r) ? { ...r, ...statuses.get(r.id) } : r));
    });
  };
}
