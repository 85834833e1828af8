// All SQL on users, their role assignments and password history.
import { sql, type Insertable, type Updateable } from 'kysely';
import { scopeCondition, escapeLike, type DataScope } from '../../core/auth/data-scope.ts';
import { preparedQuery } from '../../core/db/prepared-query.ts';
import type { DbExecutor } from '../../core/db/database.ts';
import { toCount } from '../../core/db/values.ts';
import type { UserRow, UsersTable, UserRolesTable } from './identity.tables.ts';

export interface UserFilter {
  q?: string | undefined;
  unitId?: string | undefined;
  status?: 'active' | 'disabled' | undefined;
  kind?: UserRow['kind'] | undefined;
}

export type UserListRow = UserRow & { unit_name: string | null };

/** A page of users inside a data scope, newest first. */
export async function findUsers(db: DbExecutor, scope: DataScope, filter: UserFilter, page: number, pageSize: number): Promise<{ items: UserListRow[]; total: number }> {
  let query = db
    .selectFrom('users')
    .leftJoin('units', 'units.id', 'users.unit_id')
    .where((eb) => scopeCondition(eb, scope, { unitIdColumn: 'users.unit_id', unitPathColumn: 'units.path', ownerColumn: 'users.id' }));
  if (filter.kind) query = query.where('users.kind', '=', filter.kind);
  if (filter.unitId) query = query.where('users.unit_id', '=', filter.unitId);
  if (filter.status) query = query.where('users.status', '=', filter.status);
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    query = query.where((eb) => eb.or([eb('users.username', 'like', pattern), eb('users.display_name', 'like', pattern)]));
  }
  const [items, count] = await Promise.all([
    query.selectAll('users').select('units.name as unit_name').orderBy('users.created_at', 'desc').orderBy('users.username').limit(pageSize).offset((page - 1) * pageSize).execute(),
    query.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: toCount(count.total) };
}

/** One user by id, or undefined. */
export function findUserById(db: DbExecutor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One user by username (case-insensitive), or undefined. */
export function findUserByUsername(db: DbExecutor, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
}

/** Inserts a user. */
export async function insertUser(db: DbExecutor, row: Insertable<UsersTable>): Promise<void> {
  await db.insertInto('users').values({ ...row, username: row.username.toLowerCase() }).execute();
}

/** Updates a user's fields. */
export async function updateUser(db: DbExecutor, id: string, changes: Updateable<UsersTable>): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

export interface AssignmentRow {
  user_id: string;
  role_id: string;
  role_code: string;
  role_name: string;
  role_name_en: string | null;
  admin_role: 'system' | 'security' | 'audit' | null;
  scope: UserRolesTable['scope'];
}

/** The role assignments of some users. */
export function findAssignments(db: DbExecutor, userIds: string[]): Promise<AssignmentRow[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('user_roles')
    .innerJoin('roles', 'roles.id', 'user_roles.role_id')
    .select(['user_roles.user_id', 'user_roles.role_id', 'roles.code as role_code', 'roles.name as role_name', 'roles.name_en as role_name_en', 'roles.admin_role', 'user_roles.scope'])
    .where('user_roles.user_id', 'in', userIds)
    .orderBy('roles.code')
    .execute();
}

/** Replaces a user's role assignments. */
export async function replaceAssignments(db: DbExecutor, userId: string, assignments: Array<Omit<Insertable<UserRolesTable>, 'user_id'>>): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (assignments.length > 0) await db.insertInto('user_roles').values(assignments.map((assignment) => ({ ...assignment, user_id: userId }))).execute();
}

/** Permission grants (permission + scope) of a user, for building the actor. */
export function findGrants(db: DbExecutor, userId: string): Promise<Array<{ permission: string; scope: UserRolesTable['scope'] }>> {
  return db
    .selectFrom('user_roles')
    .innerJoin('role_permissions', 'role_permissions.role_id', 'user_roles.role_id')
    .select(['role_permissions.permission', 'user_roles.scope'])
    .where('user_roles.user_id', '=', userId)
    .execute();
}

/** The user's most recent password hashes, newest first. */
export async function findRecentPasswordHashes(db: DbExecutor, userId: string, count: number): Promise<string[]> {
  const rows = await db.selectFrom('password_history').select('password_hash').where('user_id', '=', userId).orderBy('created_at', 'desc').limit(count).execute();
  return rows.map((row) => row.password_hash);
}

/** Remembers a password hash in the history. */
export async function insertPasswordHistory(db: DbExecutor, userId: string, passwordHash: string, createdAt: string): Promise<void> {
  await db.insertInto('password_history').values({ user_id: userId, password_hash: passwordHash, created_at: createdAt }).execute();
}

/** Active staff of a unit who hold a permission through any role, for notifying "the unit" of something. */
// Read whenever a finding or a notice goes to a unit: prepared once (on PostgreSQL, planning it cost more than running it).
const selectUnitStaffWithPermission = preparedQuery((db, values: { unitId: string; permission: string }) =>
  db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .innerJoin('role_permissions', 'role_permissions.role_id', 'user_roles.role_id')
    .select(['users.id', 'users.display_name', 'users.phone'])
    .distinct()
    .where('users.unit_id', '=', values.unitId)
    .where('users.kind', '=', sql.lit('staff'))
    .where('users.status', '=', sql.lit('active'))
    .where('role_permissions.permission', '=', values.permission)
    .orderBy('users.id'),
);

export async function findUnitStaffWithPermission(db: DbExecutor, unitId: string, permission: string): Promise<Array<{ id: string; display_name: string; phone: string | null }>> {
  return (await selectUnitStaffWithPermission(db, { unitId, permission })).rows as Array<{ id: string; display_name: string; phone: string | null }>;
}
