/** The outreach phone asks the server for its village's progress (device credential); never throws. */
import { readProgress, type CampaignProgress } from '../domain/campaign-report';
import type { DeviceCredential } from '../domain/device-credential';
import { DEFAULT_TIMEOUT_MS, exchange, protocolHeaders } from './transport';

export async function fetchProgress(
  fetchFn: typeof fetch,
  credential: DeviceCredential,
  baseUrl = '',
): Promise<CampaignProgress | undefined> {
  const answer = await exchange(
    { fetch: fetchFn, baseUrl, timeoutMs: DEFAULT_TIMEOUT_MS },
    '/api/v1/campaign/progress',
    { method: 'GET', headers: protocolHeaders(credential) },
    readProgress,
  );
  return answer.kind === 'ok' ? answer.body : undefined;
}
