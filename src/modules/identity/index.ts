// The identity module's public face: divisions and units, users, roles, sign-in and sessions.
import './identity.errors.ts';
import type { Db } from '../../core/db/database.ts';
import type { App } from '../../core/http/server.ts';
import { createSessionResolver, registerAuthRoutes } from './auth.api.ts';
import { registerOrgRoutes } from './org.api.ts';
import { registerSecurityRoutes } from './security.api.ts';
import { registerUserRoutes } from './users.api.ts';

export { identityMigrations } from './migrations/index.ts';
export { createSessionResolver, pageSessionsOf, SESSION_COOKIE, type PageSessions } from './auth.api.ts';
export { ensureBuiltinRoles, seedDemoCounty, createAdminAccount, findUnitByReference, DEMO_PASSWORD } from './identity.seed.ts';
export { registerPermissions, grantToBuiltinRole, type PermissionDefinition } from './identity.permissions.ts';
export { findServedCounty, listDepartmentsUnder, findUnitFacts, findMainServiceHall, findAccountFacts, findUnitStaffHolding, findUserPermissions, type UnitFacts, type AccountFacts } from './identity.queries.ts';
export { requirePermission, requireSignedIn } from './identity.policy.ts';
export { demoAdmins, demoStaff, demoUnits, demoCitizens, demoCompanies } from './demo/demo-county.ts';
export { buildActorOfUsername } from './actor-builder.ts';

/** Registers every identity route; returns nothing the caller needs. */
export function registerIdentityRoutes(app: App, deps: { db: Db; now: () => Date; secureCookies: boolean; signInRatePerMinute: number; resolve: ReturnType<typeof createSessionResolver> }): void {
  registerAuthRoutes(app, deps);
  registerOrgRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerSecurityRoutes(app, deps);
}
