/**
 * The one check of who may use a staff route: a valid session (accounts/session.ts loaded it),
 * an account that has no password change pending, and a role with the route's permission in
 * domain/roles.ts. Routes name their permission once, `requirePermission('dossier.process')`,
 * and never look at roles themselves.
 */
import type { MiddlewareHandler } from 'hono';
import { hasPermission, type Permission } from '../../domain/roles';
import type { StaffPrincipal } from '../accounts/account-repository';
import type { AppEnv } from './app-env';
import { jsonError } from './http-errors';

/** The signed-in staff member, or undefined. */
export function staffOf(c: { var: { staff?: StaffPrincipal } }): StaffPrincipal | undefined {
  return c.var.staff;
}

/** Any signed-in account, even one that must change its password (for /auth/me, /password, logout). */
export const requireStaff: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!staffOf(c)) return jsonError(c, 401, 'unauthorized', 'Sign in first.');
  return next();
};

export function requirePermission(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const staff = staffOf(c);
    if (!staff) {
      await c.req.raw.body?.cancel().catch(() => undefined);
      return jsonError(c, 401, 'unauthorized', 'Sign in first.');
    }
    if (staff.mustChangePassword) {
      await c.req.raw.body?.cancel().catch(() => undefined);
      return jsonError(c, 403, 'password-change-required', 'Change your password first.');
    }
    if (!hasPermission(staff.role, permission)) {
      await c.req.raw.body?.cancel().catch(() => undefined);
      return jsonError(c, 403, 'forbidden', 'Your role may not do this.');
    }
    return next();
  };
}
