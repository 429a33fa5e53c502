/**
 * POST /api/v1/sync/push: the gate (push-request.ts) refuses a bad envelope whole and answers
 * bad items one by one; the accepted ones go to the repository in one batch, and the answers
 * are woven back in request order.
 */
import type { Handler } from 'hono';
import type { AppEnv } from '../http/app-env';
import { vietnamDateOf } from '../../domain/dates';
import type { FormDefinition } from '../../domain/form-schema';
import { SYNC_PROTOCOL_VERSION, type PushResponse, type PushResult } from '../../domain/protocol';
import { bodyError, jsonError } from '../http/http-errors';
import { readJsonBody } from '../http/read-body';
import { SUPPORTED_PROTOCOLS } from './protocol-checks';
import { checkPushEnvelope, checkPushItem } from './push-request';
import { unsealItem } from './sealed-items';
import { dossiersLeft, quotaExceeded, type ResidentQuota } from './resident-quota';
import type { AcceptedSubmission, PushSender, SyncRepository } from './sync-repository';
import type { SealKeyring } from '../keys/seal-keys';

export interface PushDeps {
  sync: SyncRepository;
  communeCode: string;
  now: () => number;
  maxBodyBytes: number;
  /** Every accepted version of every form; the registered content forms by default. */
  forms?: readonly FormDefinition[];
  /** What a resident's own phone may store per day. */
  residentQuota: ResidentQuota;
  /** The server's sealing keys; without them a sealed item is answered `seal-unknown-key`. */
  sealKeys?: SealKeyring;
}

export function pushRoute({ sync, communeCode, now, maxBodyBytes, forms, residentQuota, sealKeys }: PushDeps): Handler<AppEnv> {
  return async (c) => {
    const device = c.get('device');
    const sender: PushSender = { deviceId: device.id, kind: device.kind };
    if (device.staff) {
      sender.staffId = device.staff.id;
      if (device.staff.villageId !== undefined) sender.villageId = device.staff.villageId;
    }
    const body = await readJsonBody(c.req.raw, maxBodyBytes);
    if (!body.ok) return bodyError(c, body.reason, maxBodyBytes);
    const envelope = checkPushEnvelope(body.value);
    if (!envelope.ok) {
      const extra = envelope.error === 'protocol-unsupported' ? { supported: [...SUPPORTED_PROTOCOLS] } : {};
      return jsonError(c, envelope.status, envelope.error, envelope.message, extra);
    }
    const receivedAt = now();
    const context = { communeCode, today: vietnamDateOf(receivedAt), now: receivedAt, ...(forms ? { forms } : {}) };
    const opened = await Promise.all(envelope.items.map((item) => unsealItem(item, sealKeys)));
    const checks = opened.map((item) => (item.ok ? checkPushItem(item.item, context) : item));
    // A resident phone's allowance counts new dossiers only (a retry of a stored one is free).
    // Spent, the whole push waits (429, nothing stored); nearly spent, only as many new items as
    // it has left are taken, and the rest get no answer, which the phone reads as "send again
    // later" (no-result); its next push then meets the 429 and its Retry-After.
    const quota = await dossiersLeft(c, sync, residentQuota, receivedAt);
    const valid = checks.flatMap((check) => (check.ok ? [check.submission.id] : []));
    // Which are retries matters only when the new ones would not all fit.
    const held = valid.length <= quota.left ? new Set<string>() : await sync.storedIds(valid);
    const isNew = (check: (typeof checks)[number]): boolean => check.ok && !held.has(check.submission.id);
    if (quota.left === 0 && checks.some(isNew)) return quotaExceeded(c, quota.usage!, receivedAt);
    const accepted: AcceptedSubmission[] = [];
    const answered: typeof checks = [];
    let fresh = 0;
    for (const check of checks) {
      if (isNew(check) && fresh++ >= quota.left) continue;
      if (check.ok) accepted.push(check.submission);
      answered.push(check);
    }
    const stored = await sync.pushBatch(sender, accepted, receivedAt);
    // The repository answers stored, duplicate, conflict, or missing-blobs / invalid for
    // attachments; weave its answers back between the items refused here, in request order.
    let next = 0;
    const results: PushResult[] = answered.map((check) => (check.ok ? stored[next++] : check.result) as PushResult);
    const response: PushResponse = { protocol: SYNC_PROTOCOL_VERSION, results };
    return c.json(response);
  };
}
