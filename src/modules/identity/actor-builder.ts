// Builds the Actor of a signed-in user: grants from role assignments, the unit's path for scopes.
import type { Actor, AdminRole } from '../../core/auth/actor.ts';
import type { DbExecutor } from '../../core/db/database.ts';
import type { UserRow } from './identity.tables.ts';
import { findAssignments, findGrants, findUserByUsername } from './users.repository.ts';
import { findUnitById } from './units.repository.ts';

/** The admin role a user holds (at most one of the three), or null. */
export async function findAdminRole(db: DbExecutor, userId: string): Promise<AdminRole | null> {
  const assignments = await findAssignments(db, [userId]);
  return assignments.find((assignment) => assignment.admin_role)?.admin_role ?? null;
}

/** The full actor for a user whose sign-in is complete; `adminRole` comes from findAdminRole, read once per request. */
export async function buildActor(db: DbExecutor, user: UserRow, adminRole: AdminRole | null, request: { sessionId: string | null; ip: string | null; userAgent: string | null }): Promise<Actor> {
  const [grants, unit] = await Promise.all([findGrants(db, user.id), user.unit_id ? findUnitById(db, user.unit_id) : Promise.resolve(undefined)]);
  return {
    kind: user.kind,
    userId: user.id,
    name: user.display_name,
    unitId: user.unit_id,
    unitPath: unit?.path ?? null,
    adminRole,
    grants,
    sessionId: request.sessionId,
    ip: request.ip,
    userAgent: request.userAgent,
  };
}

/** The actor of an account by username, for work the platform does on someone's behalf (demo seeding); undefined when absent. */
export async function buildActorOfUsername(db: DbExecutor, username: string): Promise<Actor | undefined> {
  const user = await findUserByUsername(db, username);
  if (!user) return undefined;
  return buildActor(db, user, await findAdminRole(db, user.id), { sessionId: null, ip: null, userAgent: null });
}
