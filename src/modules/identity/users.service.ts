// Use cases on staff accounts: list, create, edit, assign roles, reset passwords (system admin) and unlock
// (security admin). Admin-role accounts are provisioned by the CLI only and cannot be edited here.
import type { Actor } from '../../core/auth/actor.ts';
import { resolveDataScope } from '../../core/auth/data-scope.ts';
import { hashPassword } from '../../core/auth/password.ts';
import { recordAudit } from '../../core/audit/audit.service.ts';
import type { Db, DbExecutor } from '../../core/db/database.ts';
import { fromFlag, newId, toTimestamp } from '../../core/db/values.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { maskPhone } from '../../core/ids/index.ts';
import { assertAcceptablePassword } from './auth.service.ts';
import { hasPermission } from '../../core/auth/actor.ts';
import type { UserRow } from './identity.tables.ts';
import { requirePermission } from './identity.policy.ts';
import { findRolesByIds } from './roles.repository.ts';
import { getSecurityPolicy } from './security-policy.ts';
import { revokeUserSessions } from './sessions.repository.ts';
import { findUnitById } from './units.repository.ts';
import type { AssignmentInput, CreateUserInput, UpdateUserInput, UserView } from './users.schema.ts';
import { findAssignments, findUserById, findUserByUsername, findUsers, insertUser, replaceAssignments, updateUser, type AssignmentRow, type UserFilter, type UserListRow } from './users.repository.ts';

/** The public shape of a user; the phone number is masked. */
export function presentUser(row: UserListRow, assignments: AssignmentRow[], language: 'zh' | 'en' = 'zh'): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    kind: row.kind,
    unitId: row.unit_id,
    unitName: row.unit_name,
    status: row.status,
    lockedUntil: row.locked_until && Date.parse(row.locked_until) > Date.now() ? row.locked_until : null,
    totpEnabled: fromFlag(row.totp_enabled),
    phone: row.phone ? maskPhone(row.phone) : null,
    email: row.email,
    roles: assignments
      .filter((assignment) => assignment.user_id === row.id)
      .map((assignment) => ({ roleId: assignment.role_id, roleName: language === 'en' ? (assignment.role_name_en ?? assignment.role_name) : assignment.role_name, scope: assignment.scope })),
    createdAt: row.created_at,
  };
}

function listPermission(actor: Actor): string {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (hasPermission(actor, 'identity.users.manage')) return 'identity.users.manage';
  if (hasPermission(actor, 'security.users.read')) return 'security.users.read';
  throw new AppError('FORBIDDEN');
}

/** A page of staff accounts within the actor's scope. */
export async function listUsers(db: Db, actor: Actor, filter: UserFilter, page: number, pageSize: number, language: 'zh' | 'en' = 'zh'): Promise<{ items: UserView[]; total: number }> {
  const scope = resolveDataScope(actor, listPermission(actor));
  const { items, total } = await findUsers(db, scope, { ...filter, kind: 'staff' }, page, pageSize);
  const assignments = await findAssignments(db, items.map((item) => item.id));
  return { items: items.map((item) => presentUser(item, assignments, language)), total };
}

async function loadEditableUser(db: DbExecutor, id: string): Promise<{ user: UserRow; assignments: AssignmentRow[] }> {
  const user = await findUserById(db, id);
  if (!user || user.kind !== 'staff') throw new AppError('USER_NOT_FOUND');
  const assignments = await findAssignments(db, [id]);
  if (assignments.some((assignment) => assignment.admin_role)) throw new AppError('ADMIN_ACCOUNT_PROTECTED');
  return { user, assignments };
}

async function validateAssignments(db: DbExecutor, assignments: AssignmentInput[]): Promise<AssignmentInput[]> {
  const unique = [...new Map(assignments.map((assignment) => [assignment.roleId, assignment])).values()];
  const roles = await findRolesByIds(db, unique.map((assignment) => assignment.roleId));
  if (roles.length !== unique.length) throw new AppError('ROLE_NOT_FOUND');
  if (roles.some((role) => role.admin_role)) throw new AppError('ADMIN_ROLE_NOT_ASSIGNABLE');
  return unique;
}

async function viewOf(db: DbExecutor, id: string): Promise<UserView> {
  const user = await findUserById(db, id);
  if (!user) throw new AppError('USER_NOT_FOUND');
  const unit = user.unit_id ? await findUnitById(db, user.unit_id) : undefined;
  return presentUser({ ...user, unit_name: unit?.name ?? null }, await findAssignments(db, [id]));
}

/** Creates a staff account with an initial password the user must change at first sign-in. */
export async function createUser(db: Db, actor: Actor, input: CreateUserInput, now = new Date()): Promise<UserView> {
  requirePermission(actor, 'identity.users.manage');
  if (!(await findUnitById(db, input.unitId))) throw new AppError('UNIT_NOT_FOUND');
  if (await findUserByUsername(db, input.username)) throw new AppError('USERNAME_TAKEN');
  const policy = await getSecurityPolicy(db);
  const id = newId(now.getTime());
  await assertAcceptablePassword({ db, now: () => now }, policy, { id, username: input.username }, input.initialPassword);
  const assignments = await validateAssignments(db, input.roles);
  const passwordHash = await hashPassword(input.initialPassword);
  await db.transaction().execute(async (tx) => {
    await insertUser(tx, {
      id,
      kind: 'staff',
      username: input.username,
      display_name: input.displayName,
      unit_id: input.unitId,
      phone: input.phone ?? null,
      email: input.email ?? null,
      password_hash: passwordHash,
      password_changed_at: toTimestamp(now),
      must_change_password: 1,
      failed_attempts: 0,
      totp_enabled: 0,
      status: 'active',
      created_at: toTimestamp(now),
      updated_at: toTimestamp(now),
    });
    await replaceAssignments(tx, id, assignments.map((assignment) => ({ role_id: assignment.roleId, scope: assignment.scope, created_at: toTimestamp(now) })));
    await recordAudit(tx, actor, { action: 'identity.user.create', subjectType: 'user', subjectId: id, after: { username: input.username, displayName: input.displayName, unitId: input.unitId, roles: assignments } }, now);
  });
  return viewOf(db, id);
}

/** Edits a staff account; disabling it ends its sessions. */
export async function changeUser(db: Db, actor: Actor, id: string, input: UpdateUserInput, now = new Date()): Promise<UserView> {
  requirePermission(actor, 'identity.users.manage');
  const { user } = await loadEditableUser(db, id);
  if (id === actor.userId && input.status === 'disabled') throw new AppError('FORBIDDEN');
  if (input.unitId && !(await findUnitById(db, input.unitId))) throw new AppError('UNIT_NOT_FOUND');
  const changes = {
    display_name: input.displayName ?? user.display_name,
    unit_id: input.unitId ?? user.unit_id,
    phone: input.phone === undefined ? user.phone : input.phone,
    email: input.email === undefined ? user.email : input.email,
    status: input.status ?? user.status,
    updated_at: toTimestamp(now),
  };
  await db.transaction().execute(async (tx) => {
    await updateUser(tx, id, changes);
    if (changes.status === 'disabled') await revokeUserSessions(tx, id, toTimestamp(now));
    const before = { displayName: user.display_name, unitId: user.unit_id, phone: user.phone ? maskPhone(user.phone) : null, email: user.email, status: user.status };
    const after = { displayName: changes.display_name, unitId: changes.unit_id, phone: changes.phone ? maskPhone(changes.phone) : null, email: changes.email, status: changes.status };
    await recordAudit(tx, actor, { action: 'identity.user.update', subjectType: 'user', subjectId: id, before, after }, now);
  });
  return viewOf(db, id);
}

/** Replaces a staff account's business roles and their data scopes. */
export async function setUserRoles(db: Db, actor: Actor, id: string, roles: AssignmentInput[], now = new Date()): Promise<UserView> {
  requirePermission(actor, 'identity.users.manage');
  const { assignments: before } = await loadEditableUser(db, id);
  const assignments = await validateAssignments(db, roles);
  await db.transaction().execute(async (tx) => {
    await replaceAssignments(tx, id, assignments.map((assignment) => ({ role_id: assignment.roleId, scope: assignment.scope, created_at: toTimestamp(now) })));
    await recordAudit(tx, actor, { action: 'identity.user.roles', subjectType: 'user', subjectId: id, before: before.map((row) => ({ roleId: row.role_id, scope: row.scope })), after: assignments }, now);
  });
  return viewOf(db, id);
}

/** Sets a new initial password (to be changed at next sign-in) and ends the user's sessions. */
export async function resetUserPassword(db: Db, actor: Actor, id: string, initialPassword: string, now = new Date()): Promise<UserView> {
  requirePermission(actor, 'identity.users.manage');
  const { user } = await loadEditableUser(db, id);
  await assertAcceptablePassword({ db, now: () => now }, await getSecurityPolicy(db), user, initialPassword);
  const passwordHash = await hashPassword(initialPassword);
  await db.transaction().execute(async (tx) => {
    await updateUser(tx, id, { password_hash: passwordHash, password_changed_at: toTimestamp(now), must_change_password: 1, updated_at: toTimestamp(now) });
    await revokeUserSessions(tx, id, toTimestamp(now));
    await recordAudit(tx, actor, { action: 'identity.user.reset_password', subjectType: 'user', subjectId: id }, now);
  });
  return viewOf(db, id);
}

/** Lifts a lockout (security admin). */
export async function unlockUser(db: Db, actor: Actor, id: string, now = new Date()): Promise<UserView> {
  requirePermission(actor, 'security.users.unlock');
  const user = await findUserById(db, id);
  if (!user) throw new AppError('USER_NOT_FOUND');
  await db.transaction().execute(async (tx) => {
    await updateUser(tx, id, { locked_until: null, failed_attempts: 0, updated_at: toTimestamp(now) });
    await recordAudit(tx, actor, { action: 'security.user.unlock', subjectType: 'user', subjectId: id, before: { lockedUntil: user.locked_until } }, now);
  });
  return viewOf(db, id);
}

/** The signed-in user's own view (profile page). */
export function getOwnUser(db: Db, userId: string): Promise<UserView> {
  return viewOf(db, userId);
}

/** Edits the signed-in user's own contact details. */
export async function changeOwnProfile(db: Db, actor: Actor & { userId: string }, input: Pick<UpdateUserInput, 'displayName' | 'phone' | 'email'>, now = new Date()): Promise<UserView> {
  const user = await findUserById(db, actor.userId);
  if (!user) throw new AppError('USER_NOT_FOUND');
  const changes = {
    display_name: input.displayName ?? user.display_name,
    phone: input.phone === undefined ? user.phone : input.phone,
    email: input.email === undefined ? user.email : input.email,
    updated_at: toTimestamp(now),
  };
  await db.transaction().execute(async (tx) => {
    await updateUser(tx, user.id, changes);
    await recordAudit(tx, actor, { action: 'identity.profile.update', subjectType: 'user', subjectId: user.id, after: { displayName: changes.display_name, email: changes.email } }, now);
  });
  return viewOf(db, user.id);
}
