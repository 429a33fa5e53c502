/**
 * WARNING: importing this module puts the whole units list (100 KB) into the importer's bundle.
 * The server and tests use it to validate address codes synchronously; the page must use
 * loadAdminUnits() from ./index instead.
 */
import type { AdminUnits } from '../../domain/admin-units';
import data from './vn-units-2026-07-25.json';

export const ADMIN_UNITS: AdminUnits = data as unknown as AdminUnits;
