// Use cases on roles. Built-in roles are read-only; custom roles hold business permissions only, so the three
// admin duties stay separated.
import { hasPermission, type Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit.service.ts';
import type { Db } from '../../core/db/database.ts';
import { fromFlag, newId, toTimestamp } from '../../core/db/values.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { findPermission } from './identity.permissions.ts';
import { requirePermission } from './identity.policy.ts';
import { findAllRoles, findRole, insertRole, replaceRolePermissions, updateRole, type RoleWithPermissions } from './roles.repository.ts';
import type { CreateRoleInput, RoleView, UpdateRoleInput } from './users.schema.ts';

/** The public shape of a role. */
export function presentRole(role: RoleWithPermissions): RoleView {
  return { id: role.id, code: role.code, name: role.name, nameEn: role.name_en, builtin: fromFlag(role.builtin), adminRole: role.admin_role, permissions: role.permissions };
}

function assertBusinessPermissions(permissions: string[]): string[] {
  const unique = [...new Set(permissions)];
  for (const code of unique) {
    const definition = findPermission(code);
    if (!definition) throw new AppError('PERMISSION_UNKNOWN', { code });
    if (definition.adminRole) throw new AppError('ADMIN_PERMISSION_IN_ROLE');
  }
  return unique.sort();
}

/** Every role: for whoever manages roles or assigns them to users. */
export async function listRoles(db: Db, actor: Actor): Promise<RoleView[]> {
  requirePermission(actor, hasPermission(actor, 'identity.users.manage') ? 'identity.users.manage' : 'identity.roles.manage');
  return (await findAllRoles(db)).map(presentRole);
}

/** Creates a custom business role. */
export async function createRole(db: Db, actor: Actor, input: CreateRoleInput, now = new Date()): Promise<RoleView> {
  requirePermission(actor, 'identity.roles.manage');
  const permissions = assertBusinessPermissions(input.permissions);
  if (await findRole(db, { code: input.code })) throw new AppError('ROLE_CODE_TAKEN');
  const row = { id: newId(now.getTime()), code: input.code, name: input.name, name_en: input.nameEn ?? null, builtin: 0, admin_role: null, created_at: toTimestamp(now), updated_at: toTimestamp(now) };
  await db.transaction().execute(async (tx) => {
    await insertRole(tx, row, permissions);
    await recordAudit(tx, actor, { action: 'identity.role.create', subjectType: 'role', subjectId: row.id, after: { ...input, permissions } }, now);
  });
  return presentRole({ ...row, permissions });
}

/** Renames a custom role or changes its permissions. */
export async function changeRole(db: Db, actor: Actor, id: string, input: UpdateRoleInput, now = new Date()): Promise<RoleView> {
  requirePermission(actor, 'identity.roles.manage');
  const before = (await findAllRoles(db)).find((role) => role.id === id);
  if (!before) throw new AppError('ROLE_NOT_FOUND');
  if (fromFlag(before.builtin)) throw new AppError('ROLE_BUILTIN');
  const permissions = input.permissions ? assertBusinessPermissions(input.permissions) : before.permissions;
  const after = { ...before, name: input.name ?? before.name, name_en: input.nameEn ?? before.name_en, permissions, updated_at: toTimestamp(now) };
  await db.transaction().execute(async (tx) => {
    await updateRole(tx, id, { name: after.name, name_en: after.name_en, updated_at: after.updated_at });
    await replaceRolePermissions(tx, id, permissions);
    await recordAudit(tx, actor, { action: 'identity.role.update', subjectType: 'role', subjectId: id, before: presentRole(before), after: presentRole(after) }, now);
  });
  return presentRole(after);
}
