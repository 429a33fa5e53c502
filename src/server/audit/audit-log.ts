/** How routes write to the audit log: the commune and the time are filled in, the actor read from the request. */
import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env';
import type { AuditActor, AuditEvent } from './audit-event';
import type { AuditRepository } from './audit-repository';

export type Audit = (event: Omit<AuditEvent, 'communeCode' | 'at'>) => Promise<void>;

export function auditor(audit: AuditRepository, communeCode: string, now: () => number): Audit {
  return (event) => audit.append({ ...event, communeCode, at: now() });
}

/** Who is acting in this request: the signed-in staff member, else the device, else nobody. */
export function actorOf(c: Context<AppEnv>): AuditActor {
  const staff = c.var.staff as AppEnv['Variables']['staff'] | undefined;
  if (staff) return { kind: 'staff', id: staff.id };
  const device = c.var.device as AppEnv['Variables']['device'] | undefined;
  if (device) return { kind: 'device', id: device.id };
  return { kind: 'anonymous' };
}
