/**
 * The commune's outreach campaign as data: its villages (thôn, tổ dân phố) with their household
 * counts and the admin's target, and its working groups (tổ công tác Đề án 06: one village, a
 * leader and members from the staff accounts). Villages reach the phones through
 * `GET /api/v1/villages` (ETag); the readers here check what the phone caches and what the admin
 * sends.
 */
import { StrictReader, field, isRecord } from './strict-reader';
import { cleanText, graphemeLength } from './text';
import { hasLetter, unsafeText } from './text-safety';

export const VILLAGE_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const MAX_VILLAGES = 500;

export interface Village {
  /** Stable slug, e.g. `thon-3`; what staff accounts and visits name. */
  id: string;
  name: string;
  /** Households living there (from the commune's records). */
  households: number;
  /** Households the campaign aims to visit this period (admin); 0: no target set. */
  targetHouseholds: number;
}

export interface WorkingGroup {
  id: string;
  villageId: string;
  name: string;
  /** Staff account id of the group's leader. */
  leaderId?: string;
  /** Staff account ids, leader included. */
  memberIds: string[];
}

/** GET /api/v1/villages (public: names and counts, nothing personal). */
export interface VillagesResponse {
  villages: Village[];
}

/** GET /api/v1/groups (staff only: member ids). */
export interface GroupsResponse {
  groups: WorkingGroup[];
}

/** Why an admin's village or group is refused (the 400's `reason`). */
export type CampaignInputError =
  'bad-id' | 'bad-name' | 'bad-households' | 'bad-target' | 'unknown-village' | 'unknown-staff' | 'bad-members';

function nameOk(value: string): boolean {
  return unsafeText(value, { multiline: false }) === null && hasLetter(value) && graphemeLength(value) <= 100;
}

/** An admin's village body; the error names the first wrong field. */
export function readVillageInput(id: string, body: unknown): { ok: true; village: Village } | { ok: false; reason: CampaignInputError } {
  if (!VILLAGE_ID.test(id)) return { ok: false, reason: 'bad-id' };
  if (!isRecord(body)) return { ok: false, reason: 'bad-name' };
  const name = typeof body.name === 'string' ? cleanText(body.name) : '';
  if (!nameOk(name)) return { ok: false, reason: 'bad-name' };
  const households = field(body, 'households');
  if (typeof households !== 'number' || !Number.isInteger(households) || households < 0 || households > 100_000) {
    return { ok: false, reason: 'bad-households' };
  }
  const target = field(body, 'targetHouseholds') ?? 0;
  if (typeof target !== 'number' || !Number.isInteger(target) || target < 0 || target > households)
    return { ok: false, reason: 'bad-target' };
  return { ok: true, village: { id, name, households, targetHouseholds: target } };
}

/** An admin's working group body (without the check that the village and staff exist). */
export function readGroupInput(id: string, body: unknown): { ok: true; group: WorkingGroup } | { ok: false; reason: CampaignInputError } {
  if (!VILLAGE_ID.test(id)) return { ok: false, reason: 'bad-id' };
  if (!isRecord(body)) return { ok: false, reason: 'bad-name' };
  const name = typeof body.name === 'string' ? cleanText(body.name) : '';
  if (!nameOk(name)) return { ok: false, reason: 'bad-name' };
  const villageId = field(body, 'villageId');
  if (typeof villageId !== 'string' || !VILLAGE_ID.test(villageId)) return { ok: false, reason: 'unknown-village' };
  const members = field(body, 'memberIds');
  if (!Array.isArray(members) || members.length > 50 || members.some((m) => typeof m !== 'string' || m.length > 64)) {
    return { ok: false, reason: 'bad-members' };
  }
  const memberIds = [...new Set(members as string[])];
  const leaderId = field(body, 'leaderId');
  if (leaderId !== undefined && (typeof leaderId !== 'string' || !memberIds.includes(leaderId)))
    return { ok: false, reason: 'bad-members' };
  const group: WorkingGroup = { id, villageId, name, memberIds };
  if (leaderId !== undefined) group.leaderId = leaderId as string;
  return { ok: true, group };
}

/** The villages answer as the phone reads it (from the server or its cache); undefined when malformed. */
export function readVillagesResponse(body: unknown): VillagesResponse | undefined {
  const r = new StrictReader();
  const obj = r.record(body, 'body');
  if (!obj) return undefined;
  const villages = r.items(field(obj, 'villages'), 'villages', MAX_VILLAGES, (value, path): Village | undefined => {
    const v = r.record(value, path);
    if (!v) return undefined;
    const id = r.string(field(v, 'id'), `${path}.id`, VILLAGE_ID);
    const name = r.text(field(v, 'name'), `${path}.name`, undefined, 200);
    const households = r.int(field(v, 'households'), `${path}.households`, 0);
    const targetHouseholds = r.int(field(v, 'targetHouseholds'), `${path}.targetHouseholds`, 0);
    return id !== undefined && name !== undefined && households !== undefined && targetHouseholds !== undefined
      ? { id, name, households, targetHouseholds }
      : undefined;
  });
  return villages && r.errors.length === 0 ? { villages } : undefined;
}
