/**
 * The sync repository on the shared SQLite connection (db/sqlite). SQLite has one writer: a push
 * takes the write lock up front (IMMEDIATE) and handles its items one after another, so every
 * read inside it (held rows, statuses, blobs) is what the answer will say, and a second copy of
 * an id in the batch simply meets the first.
 */
import { STATUS_ON_PUSH } from '../../domain/dossier-lifecycle';
import { dossierSearchText } from '../../domain/dossier-search';
import type { PushResult } from '../../domain/protocol';
import { makeDossierCode } from '../../domain/dossier-code';
import { decidePush } from '../../domain/push-decision';
import type { SqliteDatabase } from '../db/sqlite/sqlite-database';
import { MAX_CODE_ATTEMPTS, codeAllocationError, randomDossierSuffix } from '../dossiers/dossier-code';
import { DOSSIER_COLUMNS, INSERT_STATUS_CHANGE_SQL } from '../dossiers/dossier-queries';
import { blobKey, blobVerdict, referencedBlobs } from './blob-check';
import {
  DEVICE_DOSSIERS_SQL,
  DEVICE_UPLOADS_SQL,
  INSERT_BLOB_SQL,
  MARK_BLOB_REFERENCED_SQL,
  PURGE_UNREFERENCED_SQL,
  SELECT_BLOB_INFO_SQL,
  STORED_IDS_SQLITE,
  SELECT_BLOB_SQL,
  bytesParam,
  toBlobInfo,
  toStoredBlob,
  toUsage,
  type BlobRow,
  type UsageRow,
} from './blob-queries';
import { contentHashOf } from './content-hash';
import { LINK_DEVICE_SQL, followsDossier } from './device-links';
import { PULL_CHANGES_SQL, toPullPage, type ChangeRow } from './pull-queries';
import { toCurrentStatus, toHeldDossier, type HeldRow, type StatusRow } from './push-queries';
import type { AcceptedSubmission, BlobInfo, PushSender, SyncRepository, SyncRepositoryOptions } from './sync-repository';

export function sqliteSyncRepository({ connection }: SqliteDatabase, options: SyncRepositoryOptions = {}): SyncRepository {
  const codeSuffix = options.codeSuffix ?? randomDossierSuffix;
  /** What is held under an id for the push decision, with its current status (the latest status change). */
  const selectHeld = connection.prepare<[string, string], HeldRow & StatusRow & { commune_code: string }>(
    `SELECT d.commune_code, d.dossier_code, d.content_hash, d.received_at, d.status, sc.seq, sc.note,
       EXISTS (SELECT 1 FROM dossier_devices dd WHERE dd.dossier_id = d.id AND dd.device_id = ?) AS followed
     FROM dossiers d
     LEFT JOIN status_changes sc ON sc.seq = (SELECT MAX(seq) FROM status_changes WHERE dossier_id = d.id)
     WHERE d.id = ?`,
  );
  const insertDossier = connection.prepare(
    `INSERT INTO dossiers (${DOSSIER_COLUMNS}, search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const insertChange = connection.prepare(INSERT_STATUS_CHANGE_SQL);
  const linkDevice = connection.prepare(LINK_DEVICE_SQL);
  const selectChanges = connection.prepare<[string, number, number], ChangeRow>(PULL_CHANGES_SQL);
  const selectBlobInfo = connection.prepare<[string, string], BlobRow>(SELECT_BLOB_INFO_SQL);
  const selectBlob = connection.prepare<[string, string], BlobRow & { bytes: Buffer }>(SELECT_BLOB_SQL);
  const insertBlob = connection.prepare(INSERT_BLOB_SQL);
  const markReferenced = connection.prepare(MARK_BLOB_REFERENCED_SQL);
  const deviceUploads = connection.prepare<[string, number], UsageRow>(DEVICE_UPLOADS_SQL);
  const deviceDossiers = connection.prepare<[string, number, number], UsageRow>(DEVICE_DOSSIERS_SQL);
  const purgeUnreferenced = connection.prepare(PURGE_UNREFERENCED_SQL);
  const storedIds = connection.prepare<[string], { id: string }>(STORED_IDS_SQLITE);

  /** The stored blobs a batch references; read inside the push transaction, which holds the write lock. */
  function storedBlobs(items: readonly AcceptedSubmission[]): Map<string, BlobInfo> {
    const { communes, hashes } = referencedBlobs(items);
    const found = new Map<string, BlobInfo>();
    hashes.forEach((hash, i) => {
      const row = selectBlobInfo.get(communes[i]!, hash);
      if (row) found.set(blobKey(communes[i]!, hash), toBlobInfo(row));
    });
    return found;
  }

  function pushOne(sender: PushSender, item: AcceptedSubmission, now: number): PushResult {
    const { deviceId } = sender;
    const hash = contentHashOf(item);
    for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt++) {
      const held = selectHeld.get(deviceId, item.id);
      const decision = decidePush({ id: item.id, contentHash: hash }, held ? toHeldDossier(held, toCurrentStatus(held)) : undefined);
      if (decision !== 'store') {
        if (followsDossier(decision)) linkDevice.run(held!.commune_code, item.id, deviceId, now);
        return decision;
      }
      const dossierCode = makeDossierCode(item.communeCode, now, codeSuffix());
      const inserted = insertDossier.run(
        item.id,
        dossierCode,
        item.communeCode,
        deviceId,
        item.formId,
        item.formVersion,
        hash,
        JSON.stringify(item.answers),
        item.submittedAt,
        now,
        STATUS_ON_PUSH,
        item.consent.version,
        item.consent.lang,
        item.consent.agreedAt,
        sender.kind,
        sender.staffId ?? null,
        sender.villageId ?? null,
        dossierSearchText(dossierCode, item.answers),
      );
      if (inserted.changes === 1) {
        const change = insertChange.run(item.id, item.communeCode, deviceId, STATUS_ON_PUSH, null, now);
        linkDevice.run(item.communeCode, item.id, deviceId, now);
        for (const { ref } of item.attachments) markReferenced.run(now, item.communeCode, ref.sha256);
        return {
          id: item.id,
          outcome: 'stored',
          dossierCode,
          receivedAt: now,
          status: STATUS_ON_PUSH,
          statusSeq: Number(change.lastInsertRowid),
        };
      }
      // Nothing inserted and the id is still free: the code collided; draw another.
    }
    throw codeAllocationError(item.id);
  }

  const pushAll = connection.transaction((sender: PushSender, items: readonly AcceptedSubmission[], now: number) => {
    const blobs = storedBlobs(items);
    return items.map((item) => blobVerdict(item, blobs) ?? pushOne(sender, item, now));
  });

  return {
    // IMMEDIATE takes the write lock up front, so two processes never deadlock upgrading a read lock.
    pushBatch: async (sender, items, now) => pushAll.immediate(sender, items, now),
    pullChanges: async (deviceId, since, limit) => toPullPage(selectChanges.all(deviceId, since, limit), since),
    hasBlob: async (sha256, communeCode) => {
      const row = selectBlobInfo.get(communeCode, sha256);
      return row ? toBlobInfo(row) : null;
    },
    // One statement is its own transaction; ON CONFLICT DO NOTHING makes a second copy a no-op.
    putBlob: async (sha256, type, bytes, communeCode, now, deviceId) =>
      insertBlob.run(communeCode, sha256, type, bytes.byteLength, bytesParam(bytes), now, deviceId).changes === 1,
    storedIds: async (ids) => new Set(ids.length === 0 ? [] : storedIds.all(JSON.stringify(ids)).map((row) => row.id)),
    dossiersStoredBy: async (deviceId, since, cap) => toUsage(deviceDossiers.get(deviceId, since, cap)),
    blobsUploadedBy: async (deviceId, since) => toUsage(deviceUploads.get(deviceId, since)),
    purgeUnreferencedBlobs: async (storedBefore) => purgeUnreferenced.run(storedBefore).changes,
    missingBlobs: async (hashes, communeCode) => [...new Set(hashes)].filter((hash) => selectBlobInfo.get(communeCode, hash) === undefined),
    getBlob: async (sha256, communeCode) => {
      const row = selectBlob.get(communeCode, sha256);
      return row ? toStoredBlob(row) : null;
    },
  };
}
