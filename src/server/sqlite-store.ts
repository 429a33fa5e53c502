/**
 * The embedded store over one SQLite connection (db/sqlite): tables `dossiers`,
 * `dossier_devices`, `status_changes` and `blobs` (see db/migrations.ts).
 */
import { decidePush } from '../domain/push-decision';
import type { DossierStatus, StatusChange } from '../domain/protocol';
import { blobKey, blobVerdict, referencedBlobs } from './blob-check';
import { contentHashOf } from './content-hash';
import { makeDossierCode } from '../domain/dossier-code';
import { randomDossierSuffix } from './dossier-code';
import { openSqliteDatabase, type SqliteOpenOptions } from './db/sqlite/sqlite-database';
import type { AcceptedSubmission, BlobInfo, DossierStore, PullPage, StoreResult } from './store';
import {
  DOSSIER_COLUMNS,
  toBlobInfo,
  toStatusChange,
  toStoredBlob,
  toStoredDossier,
  toCurrentStatus,
  toHeldDossier,
  type BlobRow,
  type HeldRow,
  type StatusRow,
  type ChangeRow,
  type DossierRow,
} from './store-rows';

export interface SqliteStoreOptions extends SqliteOpenOptions {
  /** Source of dossier code suffixes; tests inject collisions. */
  codeSuffix?: () => string;
}

/** A code collision is ~1 in a billion; five tries in a row means something else is wrong. */
const MAX_CODE_ATTEMPTS = 5;

/** Opens (creating the file and its directory on first start) and migrates the database. */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): DossierStore {
  const database = openSqliteDatabase(path, options);
  const db = database.connection;
  const codeSuffix = options.codeSuffix ?? randomDossierSuffix;
  const dossierColumns = DOSSIER_COLUMNS;
  const selectDossier = db.prepare<[string, string], DossierRow>(`SELECT ${dossierColumns} FROM dossiers WHERE id = ? OR dossier_code = ?`);
  /** What is held under an id for the push decision, with its current status (the latest status change). */
  const selectHeld = db.prepare<[string], HeldRow & StatusRow & { commune_code: string }>(
    `SELECT d.commune_code, d.dossier_code, d.content_hash, d.received_at, d.status, sc.seq, sc.note FROM dossiers d
     LEFT JOIN status_changes sc ON sc.seq = (SELECT MAX(seq) FROM status_changes WHERE dossier_id = d.id)
     WHERE d.id = ?`,
  );
  const insertDossier = db.prepare(
    `INSERT INTO dossiers (${dossierColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const updateStatus = db.prepare('UPDATE dossiers SET status = ? WHERE id = ?');
  const insertChange = db.prepare(
    'INSERT INTO status_changes (dossier_id, commune_code, device_id, status, note, changed_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  /** Records that a device sent this dossier (stored or duplicate), so its pulls include it. */
  const linkDevice = db.prepare(
    'INSERT INTO dossier_devices (commune_code, dossier_id, device_id, first_seen_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const selectChanges = db.prepare<[string, number, number], ChangeRow>(
    `SELECT sc.seq, sc.dossier_id, d.dossier_code, sc.status, sc.note, sc.changed_at
     FROM dossier_devices dd
     JOIN status_changes sc ON sc.dossier_id = dd.dossier_id
     JOIN dossiers d ON d.id = sc.dossier_id
     WHERE dd.device_id = ? AND sc.seq > ? ORDER BY sc.seq LIMIT ?`,
  );
  const countRows = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM dossiers');
  const selectBlobInfo = db.prepare<[string, string], BlobRow>('SELECT content_type, size FROM blobs WHERE commune_code = ? AND sha256 = ?');
  const selectBlob = db.prepare<[string, string], BlobRow & { bytes: Buffer }>(
    'SELECT content_type, size, bytes FROM blobs WHERE commune_code = ? AND sha256 = ?',
  );
  const insertBlob = db.prepare(
    'INSERT INTO blobs (commune_code, sha256, content_type, size, bytes, stored_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );

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

  /**
   * Read inside the push transaction, which holds the write lock, so no status change slips
   * between the read and the answer; a second copy of an id in the batch sees the first.
   */
  function pushOne(deviceId: string, item: AcceptedSubmission, now: number): StoreResult {
    const hash = contentHashOf(item);
    for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt++) {
      const held = selectHeld.get(item.id);
      const decision = decidePush({ id: item.id, contentHash: hash }, held ? toHeldDossier(held, toCurrentStatus(held)) : undefined);
      if (decision !== 'store') {
        // A duplicate is this device's dossier too: its pulls follow it from now on.
        if (decision.outcome === 'duplicate') linkDevice.run(held!.commune_code, item.id, deviceId, now);
        return decision;
      }
      const dossierCode = makeDossierCode(item.communeCode, now, codeSuffix());
      const inserted = insertDossier.run(
        item.id, dossierCode, item.communeCode, deviceId, item.formId, item.formVersion, hash,
        JSON.stringify(item.answers), item.submittedAt, now, 'received',
        item.consent.version, item.consent.lang, item.consent.agreedAt,
      );
      if (inserted.changes === 1) {
        const change = insertChange.run(item.id, item.communeCode, deviceId, 'received', null, now);
        linkDevice.run(item.communeCode, item.id, deviceId, now);
        return { id: item.id, outcome: 'stored', dossierCode, receivedAt: now, status: 'received', statusSeq: Number(change.lastInsertRowid) };
      }
      // Nothing inserted and the id is still free: the code collided; draw another.
    }
    throw new Error(`Could not allocate a unique dossier code for ${item.id}`);
  }

  const pushAll = db.transaction((deviceId: string, items: readonly AcceptedSubmission[], now: number) => {
    const blobs = storedBlobs(items);
    return items.map((item) => blobVerdict(item, blobs) ?? pushOne(deviceId, item, now));
  });

  const changeStatus = db.transaction(
    (ref: string, status: DossierStatus, note: string | undefined, now: number): StatusChange | null => {
      const dossier = selectDossier.get(ref, ref);
      if (!dossier) return null;
      updateStatus.run(status, dossier.id);
      const info = insertChange.run(dossier.id, dossier.commune_code, dossier.device_id, status, note ?? null, now);
      const change: StatusChange = { id: dossier.id, dossierCode: dossier.dossier_code, status, changedAt: now, seq: Number(info.lastInsertRowid) };
      if (note !== undefined) change.note = note;
      return change;
    },
  );

  return {
    kind: 'sqlite',
    // IMMEDIATE takes the write lock up front, so two processes never deadlock upgrading a read lock.
    pushBatch: async (deviceId, items, now) => pushAll.immediate(deviceId, items, now),
    pullChanges: async (deviceId, since, limit): Promise<PullPage> => {
      const changes = selectChanges.all(deviceId, since, limit).map(toStatusChange);
      const last = changes[changes.length - 1];
      return { changes, cursor: last ? last.seq : since };
    },
    setStatus: async (ref, status, note, now) => changeStatus.immediate(ref, status, note, now),
    getDossier: async (ref) => {
      const row = selectDossier.get(ref, ref);
      return row ? toStoredDossier(row) : null;
    },
    countDossiers: async () => countRows.get()?.n ?? 0,
    hasBlob: async (sha256, communeCode) => {
      const row = selectBlobInfo.get(communeCode, sha256);
      return row ? toBlobInfo(row) : null;
    },
    // One statement is its own transaction; ON CONFLICT DO NOTHING makes a second copy a no-op.
    putBlob: async (sha256, type, bytes, communeCode, now) =>
      insertBlob.run(communeCode, sha256, type, bytes.byteLength, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), now).changes === 1,
    missingBlobs: async (hashes, communeCode) =>
      [...new Set(hashes)].filter((hash) => selectBlobInfo.get(communeCode, hash) === undefined),
    getBlob: async (sha256, communeCode) => {
      const row = selectBlob.get(communeCode, sha256);
      return row ? toStoredBlob(row) : null;
    },
    close: () => database.close(),
  };
}
