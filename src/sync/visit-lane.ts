/**
 * The visit lane of a sync: after the dossiers, an enrolled staff phone sends the visit versions
 * waiting in its queue, 50 at a time (POST /api/v1/sync/visits), and records each answer
 * (visits.ts). Offline or a server failure: the rows wait with backoff, like dossiers; a refused
 * phone stops the lane (the dossier push has already said why). Resident phones log no visits.
 */
import type { DeviceCredential } from '../domain/device-credential';
import { SYNC_PROTOCOL_VERSION } from '../domain/protocol';
import { MAX_VISIT_PUSH_ITEMS, readVisitPushResponse, type VisitPushRequest, type VisitPushResponse } from '../domain/visit-protocol';
import type { Visits } from '../storage/visits';
import { visitKey } from '../storage/visits';
import { backoffDelay } from './backoff';
import { exchange, protocolHeaders, type TransportAnswer, type TransportDeps } from './transport';

export type VisitsPort = Pick<Visits, 'dueVisits' | 'recordVisitResults' | 'scheduleVisitRetry' | 'earliestVisitAttemptAt'>;

export interface LaneContext {
  transport: TransportDeps;
  credential: DeviceCredential;
  now: () => number;
  random: () => number;
  /** The user asked (or the network came back): backoff is not waited for. */
  ignoreBackoff: boolean;
}

/** What a lane ends with: 'offline' stops the rest of the sync, like a dossier push would. */
export type LaneEnd = 'continue' | 'offline' | 'stop';
export interface SyncLane {
  (context: LaneContext): Promise<{ end: LaneEnd; sent: number }>;
  /** When its earliest waiting row is due (the scheduler's timer wakes for it too); null when none. */
  nextAttemptAt?: () => Promise<number | null>;
}

export function postVisits(
  deps: TransportDeps,
  credential: DeviceCredential,
  request: VisitPushRequest,
): Promise<TransportAnswer<VisitPushResponse>> {
  return exchange(
    deps,
    '/api/v1/sync/visits',
    { method: 'POST', headers: { 'content-type': 'application/json', ...protocolHeaders(credential) }, body: JSON.stringify(request) },
    readVisitPushResponse,
  );
}

export function createVisitLane(visits: VisitsPort): SyncLane {
  const lane: SyncLane = async ({ transport, credential, now, random, ignoreBackoff }) => {
    if (credential.kind !== 'staff') return { end: 'continue', sent: 0 };
    const attempted = new Set<string>();
    let sent = 0;
    for (;;) {
      const due = (await visits.dueVisits(ignoreBackoff ? Infinity : now(), MAX_VISIT_PUSH_ITEMS + attempted.size))
        .filter((row) => !attempted.has(row.key))
        .slice(0, MAX_VISIT_PUSH_ITEMS);
      if (due.length === 0) return { end: 'continue', sent };
      for (const row of due) attempted.add(row.key);
      const answer = await postVisits(transport, credential, { protocol: SYNC_PROTOCOL_VERSION, items: due.map((row) => row.visit) });
      if (answer.kind !== 'ok') {
        const attempt = Math.max(...due.map((row) => row.attempts));
        const wait = answer.kind === 'rate-limited' ? answer.retryAfterMs : backoffDelay(attempt, random);
        await visits.scheduleVisitRetry(
          due.map((row) => row.key),
          now() + wait,
        );
        if (answer.kind === 'offline') return { end: 'offline', sent };
        return { end: 'stop', sent };
      }
      const keys = new Set(due.map((row) => row.key));
      const results = answer.body.results.filter((result) => keys.has(visitKey(result.id, result.version)));
      await visits.recordVisitResults(results, now());
      sent += results.filter((r) => r.outcome === 'stored' || r.outcome === 'duplicate').length;
      const answered = new Set(results.map((r) => visitKey(r.id, r.version)));
      const unanswered = due.filter((row) => !answered.has(row.key));
      if (unanswered.length > 0)
        await visits.scheduleVisitRetry(
          unanswered.map((row) => row.key),
          now() + backoffDelay(0, random),
        );
    }
  };
  lane.nextAttemptAt = () => visits.earliestVisitAttemptAt();
  return lane;
}
