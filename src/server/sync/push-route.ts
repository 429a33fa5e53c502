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
import type { AcceptedSubmission, PushSender, SyncRepository } from './sync-repository';

export interface PushDeps {
  sync: SyncRepository;
  communeCode: string;
  now: () => number;
  maxBodyBytes: number;
  /** Every accepted version of every form; the registered content forms by default. */
  forms?: readonly FormDefinition[];
}

export function pushRoute({ sync, communeCode, now, maxBodyBytes, forms }: PushDeps): Handler<AppEnv> {
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
    const checks = envelope.items.map((item) => checkPushItem(item, context));
    const accepted: AcceptedSubmission[] = [];
    for (const check of checks) if (check.ok) accepted.push(check.submission);
    const stored = await sync.pushBatch(sender, accepted, receivedAt);
    // The repository answers stored, duplicate, conflict, or missing-blobs / invalid for
    // attachments; weave its answers back between the items refused here, in request order.
    let next = 0;
    const results: PushResult[] = checks.map((check) => (check.ok ? stored[next++] : check.result) as PushResult);
    const response: PushResponse = { protocol: SYNC_PROTOCOL_VERSION, results };
    return c.json(response);
  };
}
