/**
 * Brings the commune's village list to the phone (GET /api/v1/villages with If-None-Match), so
 * the visit form's picker works offline. A malformed answer is refused and the last good list
 * stays; offline leaves the cache as it is. Never throws.
 */
import { readVillagesResponse, type Village } from '../domain/campaign';
import type { VillagesCache } from '../storage/villages-cache';

export interface VillagesUpdateDeps {
  fetch: typeof fetch;
  now: () => number;
  cache: VillagesCache;
  baseUrl?: string;
}

export type VillagesUpdate = { outcome: 'updated'; villages: Village[] } | { outcome: 'unchanged' | 'offline' | 'rejected' };

export async function updateVillages(deps: VillagesUpdateDeps): Promise<VillagesUpdate> {
  const doFetch = deps.fetch;
  const cached = await deps.cache.getCachedVillages();
  let response: Response;
  try {
    response = await doFetch(`${deps.baseUrl ?? ''}/api/v1/villages`, { headers: cached?.etag ? { 'if-none-match': cached.etag } : {} });
  } catch {
    return { outcome: 'offline' };
  }
  if (response.status === 304) return { outcome: 'unchanged' };
  if (!response.ok) return { outcome: 'rejected' };
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { outcome: 'rejected' };
  }
  const read = readVillagesResponse(body);
  if (!read) return { outcome: 'rejected' };
  await deps.cache.putCachedVillages({ villages: read.villages, etag: response.headers.get('etag'), fetchedAt: deps.now() });
  return { outcome: 'updated', villages: read.villages };
}
