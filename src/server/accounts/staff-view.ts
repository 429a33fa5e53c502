/** A staff account as the API answers it: never its password hash or sessions. */
import type { StaffSummary } from '../../domain/protocol';
import type { Role } from '../../domain/roles';
import type { StaffRecord } from './account-repository';

/** GET /api/v1/auth/me and the login answer. */
export interface SignedInStaff extends StaffSummary {
  mustChangePassword: boolean;
}

/** One row of GET /api/v1/staff. */
export interface StaffListing extends SignedInStaff {
  role: Role;
  disabled: boolean;
  createdAt: number;
}

export function signedInView(staff: StaffRecord): SignedInStaff {
  const view: SignedInStaff = {
    username: staff.username,
    displayName: staff.displayName,
    role: staff.role,
    mustChangePassword: staff.mustChangePassword,
  };
  if (staff.villageId !== undefined) view.villageId = staff.villageId;
  return view;
}

export function listingView(staff: StaffRecord): StaffListing {
  return { ...signedInView(staff), disabled: staff.disabledAt !== undefined, createdAt: staff.createdAt };
}
