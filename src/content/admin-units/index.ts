/**
 * The administrative units list (after 1 July 2025), versioned by its date. Loaded with a dynamic
 * import so it is a separate chunk, fetched only when a form with an address field opens.
 * Source: thanglequoc/vietnamese-provinces-database, MIT (LICENSE next to this file);
 * verifiedOn: 2026-07-25 (date the dataset was generated).
 */
import type { AdminUnits } from '../../domain/admin-units';

/** Date of the bundled list; an address picked from it remembers this as `unitsVersion`. */
export const ADMIN_UNITS_VERSION = '2026-07-25';

let loading: Promise<AdminUnits> | undefined;

/** The bundled list, loaded once; a failed load is retried on the next call. */
export function loadAdminUnits(): Promise<AdminUnits> {
  loading ??= import('./vn-units-2026-07-25.json').then(
    (module) => module.default as unknown as AdminUnits,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
