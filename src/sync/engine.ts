/**
 * The sync engine: pushes due outbox rows to the server in batches, stores every answer, then
 * pulls status changes. DOM-free (no window, no document) so the service worker can run it; the
 * outside world (fetch, clock, randomness, lock, device id) is passed in. One sync at a time:
 * calls made while one runs join it, and `deps.lock` serialises tabs and the service worker.
 * Per batch: `beforePush` (blobs first, when photos exist), then one push of ≤ 50 rows. A request
 * the server refuses as malformed is split in halves until the one bad row is found and parked,
 * so one bad dossier never holds back the others.
 * Storage comes in as ports (sync/ports.ts); every move of an outbox row is one the outbox state
 * machine allows, and what the engine reports follows the machine's answer for that move.
 * While it runs it reports `progress` (sync/progress.ts): dossiers answered and photo bytes sent
 * out of this run's totals, the dossier going now, the time left; with data saver on, dossiers
 * without photos go first, then one dossier per push from the smallest.
 */
import type { DeviceCredential } from '../domain/device-credential';
import { MAX_PUSH_ITEMS, SYNC_PROTOCOL_VERSION, type PushRequest, type PushResult } from '../domain/protocol';
import type { OutboxRow } from '../storage/db';
import type { AppliedMove } from '../storage/outbox';
import { backoffDelay } from './backoff';
import { type SyncError, type SyncEvent, type SyncReason, type SyncReport, createEmitter, emptyReport } from './events';
import type { SyncLock } from './lock';
import type { SyncPorts } from './ports';
import type { SyncLane } from './visit-lane';
import { DEFAULT_TIMEOUT_MS, type TransportAnswer, type TransportDeps, getPull, postPush, postRegister } from './transport';
import { createProgressTracker, orderForDataSaver, rowPhotoBytes, type ProgressTracker, type SendProgress } from './progress';

export type { SyncEvent, SyncReason, SyncReport } from './events';
export type { SendProgress } from './progress';

/**
 * Runs before a batch is pushed, with the rows about to go (photos: HEAD/PUT each blob the
 * server lacks). 'ok' lets the push go; anything else is handled like that answer to the push.
 */
export type BeforePush = (
  rows: readonly OutboxRow[],
  transport: TransportDeps,
  credential: DeviceCredential,
  /** Called as each photo is on the server (uploaded, or it had it already). */
  onPhotoDone?: (sha256: string) => void,
) => Promise<TransportAnswer<unknown>>;

/** Most rows one run counts for its progress totals (far more than a phone ever queues). */
const MAX_PROGRESS_ROWS = 10_000;

/** Most pull pages one sync reads (the server sends at most 500 changes per page). */
export const MAX_PULL_PAGES = 20;

export interface SyncEngineDeps extends SyncPorts {
  fetch: typeof fetch;
  now: () => number;
  random?: () => number;
  /** Origin of the API, '' for the page's own origin. */
  baseUrl?: string;
  lock?: SyncLock;
  /** Per request, including reading the body. */
  timeoutMs?: number;
  /** Blobs first: called before each push; absent until dossiers carry photos. */
  beforePush?: BeforePush;
  /**
   * Whether this phone can upload these blobs again: a `missing-blobs` answer is then retried with
   * backoff (beforePush re-uploads them) instead of parking the row. Absent: always parked.
   */
  canResendBlobs?: (missing: readonly string[]) => Promise<boolean>;
  /** Other queues sent after the dossiers with the same credential (visits: visit-lane.ts). */
  lanes?: readonly SyncLane[];
  /** Data saver (navigator.connection.saveData or the app's setting), read at each sync. */
  dataSaver?: () => boolean;
}

export interface SyncEngine {
  sync(reason: SyncReason): Promise<SyncReport>;
  on(listener: (e: SyncEvent) => void): () => void;
  /** When the earliest queued row is due; null when nothing is queued or the app must update. */
  nextAttemptAt(): Promise<number | null>;
}

type BatchEnd = 'continue' | 'stop' | 'offline';
/** The credential for this sync, made on first need (a phone that never queues never registers). */
type CredentialSource = () => Promise<DeviceCredential | undefined>;
type FailedAnswer = Exclude<TransportAnswer<unknown>, { kind: 'ok' }>;

export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const { emit, on } = createEmitter();
  const { outbox, dossiers, cursor, blobs, device } = deps;
  const lock: SyncLock = deps.lock ?? ((fn) => fn());
  const random = deps.random ?? Math.random;
  const transport: TransportDeps = {
    fetch: deps.fetch,
    baseUrl: deps.baseUrl ?? '',
    timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  let running: Promise<SyncReport> | null = null;
  let runs = 0;
  /** This run's progress; null between runs. */
  let progress: ProgressTracker | null = null;

  function emitProgress(snapshot: SendProgress | null | undefined): void {
    if (snapshot) emit({ type: 'progress', progress: snapshot });
  }

  /** The run's last progress (done, or offline when the link dropped or storage failed); null: none. */
  function endProgress(phase: 'done' | 'offline' | null): void {
    if (phase) emitProgress(progress?.end(phase));
    progress = null;
  }
  // Set once per engine: an old app must not hammer a server that refuses it.
  let updateRequired = false;

  function requireUpdate(report: SyncReport): void {
    updateRequired = true;
    report.updateRequired = true;
    emit({ type: 'update-required' });
  }

  /** Back to queued with backoff, or after exactly `waitMs` when the server said how long (Retry-After). */
  async function retry(rows: readonly OutboxRow[], error: SyncError, report: SyncReport, waitMs?: number): Promise<void> {
    if (rows.length === 0) return;
    const attempt = Math.max(...rows.map((row) => row.attempts));
    const now = deps.now();
    const nextAttemptAt = now + (waitMs ?? backoffDelay(attempt, random));
    const ids = await outbox.scheduleRetry(
      rows.map((row) => row.id),
      nextAttemptAt,
      error,
      now,
    );
    if (ids.length === 0) return;
    report.retried += ids.length;
    emit({ type: 'retry', ids, nextAttemptAt, error });
  }

  /** Reports one applied move by where the machine sent the row. */
  function reportMove(move: AppliedMove, result: PushResult, report: SyncReport): void {
    if (move.target !== 'queued') emitProgress(progress?.rowDone(move.id));
    if (move.target === 'removed' && (result.outcome === 'stored' || result.outcome === 'duplicate')) {
      report.sent += 1;
      emit({ type: 'sent', id: result.id, dossierCode: result.dossierCode });
    } else if (move.target === 'conflict') {
      report.conflicts += 1;
      emit({ type: 'conflict', id: result.id });
    } else if (move.target === 'rejected' && result.outcome === 'invalid') {
      report.rejected += 1;
      emit({ type: 'rejected', id: result.id, code: 'invalid', errors: result.errors });
    } else if (move.target === 'rejected' && result.outcome === 'missing-blobs') {
      report.rejected += 1;
      emit({ type: 'rejected', id: result.id, code: 'missing-blobs', errors: [], missingBlobs: result.missing });
    }
  }

  /** Parks rows the server refused on their own: sending the same bytes again cannot succeed. */
  async function reject(rows: readonly OutboxRow[], error: SyncError, report: SyncReport): Promise<void> {
    const marked = await outbox.markRejected(
      rows.map((row) => row.id),
      { code: 'refused', detail: error.detail },
      deps.now(),
    );
    for (const id of marked) {
      emitProgress(progress?.rowDone(id));
      report.rejected += 1;
      emit({ type: 'rejected', id, code: 'refused', errors: [] });
    }
  }

  /**
   * The server refused this phone: revoked for good (it says so, wipes its drafts and dossier
   * list, keeps its queue, offers the hand-off file), or it does not know the credential (a resident's phone registers anew at its
   * next sync; an outreach phone must be enrolled again).
   */
  async function refusedDevice(credential: DeviceCredential, revoked: boolean, report: SyncReport): Promise<void> {
    if (revoked || credential.kind === 'staff') {
      await device.setRevokedAt(deps.now());
      // Refused for good: what names a person goes now; the unsent queue stays (hand-off file).
      if (revoked) await deps.phoneData.wipe({ keepQueue: true, now: deps.now() });
      report.deviceRevoked = true;
      emit({ type: 'device-revoked' });
    } else {
      await device.forgetCredential();
    }
  }

  /** Acts on a failed exchange for `batch`; 'continue' only when the failure was handled per row. */
  async function onFailure(batch: OutboxRow[], answer: FailedAnswer, credential: DeviceCredential, report: SyncReport): Promise<BatchEnd> {
    if (answer.kind === 'update-required') {
      await outbox.recoverSending(
        batch.map((row) => row.id),
        deps.now(),
      );
      requireUpdate(report);
      return 'stop';
    }
    if (answer.kind === 'unauthorized') {
      // Nothing was looked at: the rows wait, no attempt counted, until the phone may send again.
      await outbox.recoverSending(
        batch.map((row) => row.id),
        deps.now(),
      );
      await refusedDevice(credential, answer.revoked, report);
      return 'stop';
    }
    if (answer.kind === 'rate-limited') {
      await retry(batch, answer.error, report, answer.retryAfterMs);
      return 'stop';
    }
    if (answer.kind === 'offline') {
      report.offline = true;
      await retry(batch, answer.error, report);
      return 'offline';
    }
    if (answer.permanent) {
      if (batch.length === 1) {
        await reject(batch, answer.error, report);
        return 'continue';
      }
      return bisect(batch, credential, report);
    }
    await retry(batch, answer.error, report);
    return 'stop';
  }

  /** Sends each half on its own; rows of halves not reached go back to queued, no attempt counted. */
  async function bisect(batch: OutboxRow[], credential: DeviceCredential, report: SyncReport): Promise<BatchEnd> {
    const middle = Math.ceil(batch.length / 2);
    const halves = [batch.slice(0, middle), batch.slice(middle)];
    for (const [index, half] of halves.entries()) {
      const end = await pushBatch(half, credential, report);
      if (end === 'continue') continue;
      const rest = halves.slice(index + 1).flat();
      if (rest.length > 0)
        await outbox.recoverSending(
          rest.map((row) => row.id),
          deps.now(),
        );
      return end;
    }
    return 'continue';
  }

  /** Takes the `missing-blobs` answers this phone can fix out of `results`; returns their rows. */
  async function blobsToResend(batch: readonly OutboxRow[], results: Map<string, PushResult>): Promise<OutboxRow[]> {
    const resend: OutboxRow[] = [];
    if (!deps.canResendBlobs) return resend;
    for (const row of batch) {
      const result = results.get(row.id);
      if (result?.outcome !== 'missing-blobs' || !(await deps.canResendBlobs(result.missing))) continue;
      results.delete(row.id);
      resend.push(row);
    }
    return resend;
  }

  async function pushBatch(batch: OutboxRow[], credential: DeviceCredential, report: SyncReport): Promise<BatchEnd> {
    emitProgress(progress?.focus(batch));
    if (deps.beforePush) {
      const onPhotoDone = (sha256: string): void => {
        emitProgress(progress?.photoDone(sha256));
        emitProgress(progress?.focus(batch));
      };
      const prepared = await deps.beforePush(batch, transport, credential, onPhotoDone);
      // A failed blob upload says nothing about the dossiers themselves: never park rows for it.
      if (prepared.kind === 'failed') return onFailure(batch, { kind: 'failed', error: prepared.error }, credential, report);
      if (prepared.kind !== 'ok') return onFailure(batch, prepared, credential, report);
    }
    const request: PushRequest = { protocol: SYNC_PROTOCOL_VERSION, items: batch.map((row) => row.submission) };
    const answer = await postPush(transport, credential, request);
    if (answer.kind !== 'ok') return onFailure(batch, answer, credential, report);
    const ids = new Set(batch.map((row) => row.id));
    const results = new Map<string, PushResult>();
    for (const result of answer.body.results) if (ids.has(result.id)) results.set(result.id, result);
    const resend = await blobsToResend(batch, results);
    const moves = await outbox.recordResults([...results.values()], deps.now());
    for (const move of moves) reportMove(move, results.get(move.id) as PushResult, report);
    // The server holds these dossiers now: their photos need not stay on the phone.
    const sent = new Set(moves.filter((move) => move.target === 'removed').map((move) => move.id));
    await blobs.deleteBlobsOf(
      batch.filter((row) => sent.has(row.id)).map((row) => row.submission.answers),
      deps.now(),
    );
    const unanswered = batch.filter((row) => !results.has(row.id) && !resend.includes(row));
    await retry(unanswered, { code: 'no-result' }, report);
    await retry(resend, { code: 'missing-blobs' }, report);
    return 'continue';
  }

  /** Sends due rows 50 at a time; each row at most once per sync, so a zero backoff cannot spin. */
  async function pushAll(reason: SyncReason, credentialFor: CredentialSource, report: SyncReport): Promise<BatchEnd> {
    // The user asked, or the network just came back: the backoff waited for exactly this moment.
    const ignoreBackoff = reason === 'button' || reason === 'online';
    const attempted = new Set<string>();
    const dataSaver = deps.dataSaver?.() ?? false;
    const initial = await outbox.dueItems(ignoreBackoff ? Infinity : deps.now(), MAX_PROGRESS_ROWS);
    if (initial.length > 0) {
      progress = createProgressTracker(runs, deps.now);
      emitProgress(progress.begin(initial));
    }
    for (;;) {
      const cutoff = ignoreBackoff ? Infinity : deps.now();
      const fresh = dataSaver ? MAX_PROGRESS_ROWS : MAX_PUSH_ITEMS + attempted.size;
      const candidates = (await outbox.dueItems(cutoff, fresh)).filter((row) => !attempted.has(row.id));
      const due = dataSaver ? dataSaverBatch(candidates) : candidates.slice(0, MAX_PUSH_ITEMS);
      if (due.length === 0) return 'continue';
      const credential = await credentialFor();
      if (!credential) return report.offline ? 'offline' : 'stop';
      for (const row of due) attempted.add(row.id);
      const batch = await outbox.markSending(
        due.map((row) => row.id),
        deps.now(),
      );
      if (batch.length === 0) continue;
      const end = await pushBatch(batch, credential, report);
      if (end !== 'continue') return end;
    }
  }

  /** Data saver: every due row without photos in one push (≤ 50), else the smallest row with photos alone. */
  function dataSaverBatch(rows: readonly OutboxRow[]): OutboxRow[] {
    const ordered = orderForDataSaver(rows);
    const light = ordered.filter((row) => rowPhotoBytes(row) === 0).slice(0, MAX_PUSH_ITEMS);
    return light.length > 0 ? light : ordered.slice(0, 1);
  }

  /**
   * Applies status changes and advances the cursor, except past a change about a dossier still
   * in our outbox (its push answer was lost): the next pull brings it again once the row is
   * answered. Reads further pages while the server has more and the cursor moved.
   */
  async function pull(credential: DeviceCredential, report: SyncReport): Promise<void> {
    for (let page = 0; page < MAX_PULL_PAGES; page++) {
      const since = await cursor.getSyncCursor();
      const answer = await getPull(transport, credential, since);
      if (answer.kind === 'update-required') return requireUpdate(report);
      if (answer.kind === 'unauthorized') return refusedDevice(credential, answer.revoked, report);
      if (answer.kind === 'rate-limited') return;
      if (answer.kind === 'offline') {
        report.offline = true;
        return;
      }
      if (answer.kind === 'failed') return;
      const { changes, cursor: answered } = answer.body;
      const { unknown } = await dossiers.applyStatusChanges(changes);
      let nextCursor = answered;
      for (const change of changes) {
        if (unknown.includes(change.id) && (await outbox.getOutboxItem(change.id))) {
          nextCursor = Math.min(nextCursor, change.seq - 1);
        }
      }
      await cursor.setSyncCursor(Math.max(since, nextCursor));
      await cursor.setLastSyncAt(deps.now());
      report.pulled += changes.length;
      if (changes.length > 0) emit({ type: 'status', changes });
      // Held back, or nothing new: another page would bring the same changes again.
      if (changes.length === 0 || nextCursor !== answered || answered <= since) return;
    }
  }

  /** Registers this phone as a resident's device; undefined (and the report says why) when it cannot now. */
  async function register(report: SyncReport): Promise<DeviceCredential | undefined> {
    const answer = await postRegister(transport);
    if (answer.kind === 'ok') {
      await device.setCredential(answer.body);
      emit({ type: 'registered', kind: answer.body.kind });
      return answer.body;
    }
    if (answer.kind === 'update-required') requireUpdate(report);
    else if (answer.kind === 'offline') report.offline = true;
    else if (answer.kind === 'failed' && answer.reason === 'resident-submissions-off') {
      report.registrationRefused = true;
      emit({ type: 'registration-refused' });
    }
    return undefined;
  }

  async function run(reason: SyncReason): Promise<SyncReport> {
    const report = emptyReport();
    runs += 1;
    endProgress(null);
    emit({ type: 'start', reason });
    try {
      if (updateRequired) {
        requireUpdate(report);
      } else {
        // We hold the lock, so no one else is sending: rows in `sending` were left by a killed browser.
        await outbox.recoverSending(undefined, deps.now());
        if ((await device.getRevokedAt()) !== null) {
          // Refused for good: nothing leaves until the phone is enrolled again (a new credential).
          report.deviceRevoked = true;
          emit({ type: 'device-revoked' });
        } else {
          let credential = await device.getCredential();
          const credentialFor: CredentialSource = async () => (credential ??= await register(report));
          let end = await pushAll(reason, credentialFor, report);
          const ignoreBackoff = reason === 'button' || reason === 'online';
          for (const lane of deps.lanes ?? []) {
            if (end !== 'continue' || !credential || updateRequired || report.deviceRevoked) break;
            const ran = await lane({ transport, credential, now: deps.now, random, ignoreBackoff });
            if (ran.end === 'offline') report.offline = true;
            end = ran.end === 'stop' ? 'stop' : ran.end;
          }
          // A phone that has never registered has nothing to follow yet.
          if (end !== 'offline' && !updateRequired && !report.deviceRevoked && credential) await pull(credential, report);
        }
      }
    } catch (error) {
      endProgress('offline');
      emit({ type: 'error', error });
      throw error;
    }
    endProgress(report.offline ? 'offline' : 'done');
    emit({ type: 'done', report });
    return report;
  }

  return {
    sync(reason) {
      running ??= lock(() => run(reason)).finally(() => {
        running = null;
      });
      return running;
    },
    on,
    async nextAttemptAt() {
      if (updateRequired) return null;
      const times = [await outbox.earliestAttemptAt()];
      for (const lane of deps.lanes ?? []) times.push((await lane.nextAttemptAt?.()) ?? null);
      const due = times.filter((at): at is number => at !== null);
      return due.length > 0 ? Math.min(...due) : null;
    },
  };
}
