// Routes of users, roles, permissions and the signed-in user's profile.
import { z } from 'zod';
import type { Db } from '../../core/db/database.ts';
import { pageOf, pageQuerySchema } from '../../core/http/pagination.ts';
import type { App } from '../../core/http/server.ts';
import { sendWorkbook } from '../../core/http/excel-export.ts';
import { listPermissions } from './identity.permissions.ts';
import { requirePermission, requireSignedIn } from './identity.policy.ts';
import { changeRole, createRole, listRoles } from './roles.service.ts';
import { assignmentInputSchema, createRoleSchema, createUserSchema, roleViewSchema, updateRoleSchema, updateUserSchema, userFilterSchema, userViewSchema } from './users.schema.ts';
import { changeOwnProfile, changeUser, createUser, getOwnUser, listUsers, resetUserPassword, setUserRoles, unlockUser } from './users.service.ts';

const idParams = z.object({ id: z.uuid() });
const EXPORT_LIMIT = 5000;

/** Registers /api/users/*, /api/roles/*, /api/permissions and /api/me. */
export function registerUserRoutes(app: App, deps: { db: Db }): void {
  const { db } = deps;
  app.get('/api/users', { schema: { tags: ['identity'], summary: '用户列表 Users', querystring: userFilterSchema.extend(pageQuerySchema.shape), response: { 200: pageOf(userViewSchema) } } }, async (request) => {
    const { page, pageSize, ...filter } = request.query;
    return { ...(await listUsers(db, request.actor, filter, page, pageSize, request.language)), page, pageSize };
  });

  app.get('/api/users/export.xlsx', { schema: { tags: ['identity'], summary: '导出用户 Export users to Excel', querystring: userFilterSchema } }, async (request, reply) => {
    const { items } = await listUsers(db, request.actor, request.query, 1, EXPORT_LIMIT, request.language);
    return sendWorkbook(reply, {
      fileName: '用户列表.xlsx',
      sheetName: '用户',
      columns: [
        { header: '用户名', key: 'username', width: 18 },
        { header: '姓名', key: 'displayName', width: 12 },
        { header: '单位', key: 'unitName', width: 28 },
        { header: '角色', key: 'roles', width: 30 },
        { header: '状态', key: 'status', width: 8 },
        { header: '手机', key: 'phone', width: 14 },
        { header: '创建时间', key: 'createdAt', width: 24 },
      ],
      rows: items.map((user) => ({ ...user, roles: user.roles.map((role) => role.roleName).join('、'), status: user.status === 'active' ? '启用' : '停用' })),
    });
  });

  app.post('/api/users', { schema: { tags: ['identity'], summary: '新建用户 Create a user', body: createUserSchema, response: { 200: userViewSchema } } }, async (request) => createUser(db, request.actor, request.body));
  app.patch('/api/users/:id', { schema: { tags: ['identity'], summary: '修改用户 Change a user', params: idParams, body: updateUserSchema, response: { 200: userViewSchema } } }, async (request) =>
    changeUser(db, request.actor, request.params.id, request.body),
  );
  app.put('/api/users/:id/roles', { schema: { tags: ['identity'], summary: '分配角色 Assign roles', params: idParams, body: z.object({ roles: z.array(assignmentInputSchema).max(20) }), response: { 200: userViewSchema } } }, async (request) =>
    setUserRoles(db, request.actor, request.params.id, request.body.roles),
  );
  app.post('/api/users/:id/reset-password', { schema: { tags: ['identity'], summary: '重置密码 Reset a password', params: idParams, body: z.object({ initialPassword: z.string().min(1).max(128) }), response: { 200: userViewSchema } } }, async (request) =>
    resetUserPassword(db, request.actor, request.params.id, request.body.initialPassword),
  );
  app.post('/api/users/:id/unlock', { schema: { tags: ['security'], summary: '解锁账号 Unlock an account', params: idParams, response: { 200: userViewSchema } } }, async (request) =>
    unlockUser(db, request.actor, request.params.id),
  );

  app.get('/api/roles', { schema: { tags: ['identity'], summary: '角色列表 Roles', response: { 200: z.object({ items: z.array(roleViewSchema) }) } } }, async (request) => ({ items: await listRoles(db, request.actor) }));
  app.post('/api/roles', { schema: { tags: ['identity'], summary: '新建角色 Create a role', body: createRoleSchema, response: { 200: roleViewSchema } } }, async (request) => createRole(db, request.actor, request.body));
  app.patch('/api/roles/:id', { schema: { tags: ['identity'], summary: '修改角色 Change a role', params: idParams, body: updateRoleSchema, response: { 200: roleViewSchema } } }, async (request) =>
    changeRole(db, request.actor, request.params.id, request.body),
  );
  app.get('/api/permissions', {
    schema: { tags: ['identity'], summary: '权限目录 Permission catalogue', response: { 200: z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string(), group: z.string(), adminRole: z.enum(['system', 'security', 'audit']).nullable() })) }) } },
  }, async (request) => {
    requirePermission(request.actor, 'identity.roles.manage');
    return { items: [...listPermissions()] };
  });

  app.get('/api/me', { schema: { tags: ['identity'], summary: '我的资料 My profile', response: { 200: userViewSchema } } }, async (request) => {
    requireSignedIn(request.actor);
    return getOwnUser(db, request.actor.userId);
  });
  app.patch('/api/me', { schema: { tags: ['identity'], summary: '修改我的资料 Change my profile', body: updateUserSchema.pick({ displayName: true, phone: true, email: true }), response: { 200: userViewSchema } } }, async (request) => {
    requireSignedIn(request.actor);
    return changeOwnProfile(db, request.actor, request.body);
  });
}
