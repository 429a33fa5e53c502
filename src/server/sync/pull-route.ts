/** GET /api/v1/sync/pull?since=: what the office did with the dossiers this device follows, after its cursor. */
import type { Handler } from 'hono';
import { SYNC_PROTOCOL_VERSION, type PullResponse } from '../../domain/protocol';
import type { AppEnv } from '../http/app-env';
import { jsonError } from '../http/http-errors';
import type { SyncRepository } from './sync-repository';

/** Most status changes one pull returns; the phone pulls again while pages come back full. */
export const PULL_LIMIT = 500;

const SINCE = /^\d{1,15}$/;

/** The device is the credential's (protocol 2): `?device=` and `x-mcld-device` are ignored. */
export function pullRoute({ sync }: { sync: SyncRepository }): Handler<AppEnv> {
  return async (c) => {
    const sinceText = c.req.query('since') ?? '0';
    if (!SINCE.test(sinceText)) return jsonError(c, 400, 'bad-request', 'since must be a non-negative integer cursor.');
    const page = await sync.pullChanges(c.get('device').id, Number(sinceText), PULL_LIMIT);
    const response: PullResponse = { protocol: SYNC_PROTOCOL_VERSION, changes: page.changes, cursor: page.cursor };
    return c.json(response);
  };
}
