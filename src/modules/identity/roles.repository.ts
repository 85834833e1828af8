// All SQL on roles and their permissions.
import type { Insertable, Updateable } from 'kysely';
import type { DbExecutor } from '../../core/db/database.ts';
import type { RoleRow, RolesTable } from './identity.tables.ts';

export type RoleWithPermissions = RoleRow & { permissions: string[] };

/** Every role with its permissions, built-in first. */
export async function findAllRoles(db: DbExecutor): Promise<RoleWithPermissions[]> {
  const [roles, permissions] = await Promise.all([
    db.selectFrom('roles').selectAll().orderBy('builtin', 'desc').orderBy('code').execute(),
    db.selectFrom('role_permissions').selectAll().orderBy('permission').execute(),
  ]);
  return roles.map((role) => ({ ...role, permissions: permissions.filter((row) => row.role_id === role.id).map((row) => row.permission) }));
}

/** Roles by ids. */
export function findRolesByIds(db: DbExecutor, ids: string[]): Promise<RoleRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('roles').selectAll().where('id', 'in', ids).execute();
}

/** One role by id or code, or undefined. */
export function findRole(db: DbExecutor, by: { id: string } | { code: string }): Promise<RoleRow | undefined> {
  const query = db.selectFrom('roles').selectAll();
  return ('id' in by ? query.where('id', '=', by.id) : query.where('code', '=', by.code)).executeTakeFirst();
}

/** Inserts a role with its permissions. */
export async function insertRole(db: DbExecutor, row: Insertable<RolesTable>, permissions: string[]): Promise<void> {
  await db.insertInto('roles').values(row).execute();
  await replaceRolePermissions(db, row.id, permissions);
}

/** Updates a role's own fields. */
export async function updateRole(db: DbExecutor, id: string, changes: Updateable<RolesTable>): Promise<void> {
  await db.updateTable('roles').set(changes).where('id', '=', id).execute();
}

/** Replaces a role's permissions. */
export async function replaceRolePermissions(db: DbExecutor, roleId: string, permissions: string[]): Promise<void> {
  await db.deleteFrom('role_permissions').where('role_id', '=', roleId).execute();
  if (permissions.length > 0) await db.insertInto('role_permissions').values(permissions.map((permission) => ({ role_id: roleId, permission }))).execute();
}
