/**
 * A resident's own phone registers itself, so anyone can make one: what it may store per day is
 * capped (defaults 10 dossiers and 50 MiB of photos in any 24 hours), where an enrolled staff
 * phone, whose owner the commune knows, is not. Counted from the rows themselves (dossiers the
 * device stored first, blobs it uploaded first), so the allowance holds across processes and
 * restarts; a retry of something already stored costs nothing. Two pushes of one phone racing
 * each other may overshoot by one batch, which an abuse limit can live with.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env';
import { rateLimited } from '../http/rate-limit';
import type { DeviceUsage, SyncRepository } from './sync-repository';

export const QUOTA_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface ResidentQuota {
  /** Dossiers a resident device may have stored in any 24 hours. */
  dossiersPerDay: number;
  /** Bytes of photos and scans it may have uploaded in any 24 hours. */
  photoBytesPerDay: number;
}

export const DEFAULT_RESIDENT_QUOTA: Readonly<ResidentQuota> = { dossiersPerDay: 10, photoBytesPerDay: 50 * 1024 * 1024 };

/** Seconds until the oldest counted row leaves the window (at least one minute: a phone must not hammer). */
export function secondsUntilFreed(usage: DeviceUsage, now: number): number {
  const freedAt = (usage.oldestAt ?? now) + QUOTA_WINDOW_MS;
  return Math.max(60, Math.ceil((freedAt - now) / 1000));
}

/** How many more dossiers this device may store now (Infinity for staff devices). */
export async function dossiersLeft(
  c: Context<AppEnv>,
  sync: SyncRepository,
  quota: ResidentQuota,
  now: number,
): Promise<{ left: number; usage?: DeviceUsage }> {
  const device = c.var.device;
  if (device.kind !== 'resident') return { left: Number.POSITIVE_INFINITY };
  const usage = await sync.dossiersStoredBy(device.id, now - QUOTA_WINDOW_MS, quota.dossiersPerDay);
  return { left: Math.max(0, quota.dossiersPerDay - usage.count), usage };
}

/** The 429 a spent allowance answers; the phone keeps its queue and waits Retry-After. */
export function quotaExceeded(c: Context<AppEnv>, usage: DeviceUsage, now: number): Response {
  return rateLimited(c, secondsUntilFreed(usage, now), 'quota-exceeded');
}
