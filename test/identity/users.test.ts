// Users, roles and units through HTTP: validation, the separation of the three admin roles, data scope.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type ApiClient, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { findUsers } from '../../src/modules/identity/users.repository.ts';

let app: TestApp;
let sysadmin: ApiClient;
let units: Array<{ id: string; kind: string; name: string; parentId: string | null }>;
const on = testDialect();

before(async () => {
  app = await createTestApp();
  sysadmin = await app.signIn('sysadmin');
  units = (await sysadmin.get('/api/org/tree')).body.items;
});
after(() => app.close());

const unitNamed = (name: string) => units.find((unit) => unit.name === name)!;

test(`${on}: the demo county is seeded as one tree with credit codes`, async () => {
  const county = units.find((unit) => unit.kind === 'county')!;
  assert.equal(county.name, '示范县');
  const departments = units.filter((unit) => unit.kind === 'department');
  assert.ok(departments.length >= 10);
  assert.ok(departments.every((unit) => unit.parentId === county.id));
  assert.ok(units.some((unit) => unit.kind === 'village'));
});

test(`${on}: creating a user validates every field and the system admin sees the result`, async () => {
  const unit = unitNamed('县民政局');
  const roles = (await sysadmin.get('/api/roles')).body.items as Array<{ id: string; code: string }>;
  const staffRole = roles.find((role) => role.code === 'dept_staff')!;
  const bad = await sysadmin.post('/api/users', { username: '1bad', displayName: '', unitId: 'nope', phone: '12345', initialPassword: 'x', roles: [] });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.code, 'VALIDATION_FAILED');
  const paths = bad.body.error.issues.map((issue: { path: string }) => issue.path);
  for (const field of ['username', 'displayName', 'unitId', 'phone']) assert.ok(paths.includes(field), `issue for ${field}`);
  assert.ok(bad.body.error.issues.find((issue: { path: string }) => issue.path === 'phone').message.includes('手机号码'));

  const weak = await sysadmin.post('/api/users', { username: 'wang.fang2', displayName: '王芳', unitId: unit.id, initialPassword: 'password', roles: [] });
  assert.equal(weak.body.error.code, 'PASSWORD_TOO_WEAK');

  const created = await sysadmin.post('/api/users', { username: 'Wang.Fang2', displayName: '王芳', unitId: unit.id, phone: '19900001111', initialPassword: 'Init#Pass2026', roles: [{ roleId: staffRole.id, scope: 'self' }] });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  assert.equal(created.body.username, 'wang.fang2');
  assert.equal(created.body.phone, '199****1111', 'phones are masked');
  assert.equal(created.body.unitName, '县民政局');

  const again = await sysadmin.post('/api/users', { username: 'wang.fang2', displayName: '王芳', unitId: unit.id, initialPassword: 'Init#Pass2026', roles: [] });
  assert.equal(again.status, 409);

  const list = await sysadmin.get(`/api/users?q=wang.fang2`);
  assert.equal(list.body.total, 1);

  const newcomer = app.client();
  const first = await newcomer.post('/api/auth/sign-in', { username: 'wang.fang2', password: 'Init#Pass2026' });
  assert.equal(first.body.stage, 'change_password', 'a new user changes the initial password first');
});

test(`${on}: the three admin roles are never assignable or combinable, and custom roles carry no admin permission`, async () => {
  const roles = (await sysadmin.get('/api/roles')).body.items as Array<{ id: string; code: string; builtin: boolean }>;
  const auditRole = roles.find((role) => role.code === 'audit_admin')!;
  const user = (await sysadmin.get('/api/users?q=zhang.wei')).body.items[0];
  const escalate = await sysadmin.put(`/api/users/${user.id}/roles`, { roles: [{ roleId: auditRole.id, scope: 'all' }] });
  assert.equal(escalate.body.error.code, 'ADMIN_ROLE_NOT_ASSIGNABLE');

  const auditAdmin = (await sysadmin.get('/api/users?q=auditadmin')).body.items[0];
  const touchAdmin = await sysadmin.patch(`/api/users/${auditAdmin.id}`, { status: 'disabled' });
  assert.equal(touchAdmin.body.error.code, 'ADMIN_ACCOUNT_PROTECTED');

  const mixed = await sysadmin.post('/api/roles', { code: 'sneaky', name: '混合角色', permissions: ['identity.org.read', 'audit.read'] });
  assert.equal(mixed.body.error.code, 'ADMIN_PERMISSION_IN_ROLE');
  const unknown = await sysadmin.post('/api/roles', { code: 'unknownperm', name: '未知权限', permissions: ['nothing.here'] });
  assert.equal(unknown.body.error.code, 'PERMISSION_UNKNOWN');
  const builtin = await sysadmin.patch(`/api/roles/${auditRole.id}`, { name: '改名' });
  assert.equal(builtin.body.error.code, 'ROLE_BUILTIN');
});

test(`${on}: units need a valid, unique credit code and must fit the tree`, async () => {
  const county = units.find((unit) => unit.kind === 'county')!;
  const noCode = await sysadmin.post('/api/org/units', { parentId: county.id, kind: 'department', name: '县测试局' });
  assert.equal(noCode.body.error.code, 'CREDIT_CODE_REQUIRED');
  const badCode = await sysadmin.post('/api/org/units', { parentId: county.id, kind: 'department', name: '县测试局', creditCode: '9144030071526726XA' });
  assert.equal(badCode.status, 400);
  assert.match(JSON.stringify(badCode.body), /统一社会信用代码不正确/);
  const wrongPlace = await sysadmin.post('/api/org/units', { parentId: county.id, kind: 'village', name: '错位村' });
  assert.equal(wrongPlace.body.error.code, 'UNIT_PARENT_INVALID');
  const ok = await sysadmin.post('/api/org/units', { parentId: county.id, kind: 'department', name: '县测试局', creditCode: '9144030071526726XG' });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  const duplicate = await sysadmin.post('/api/org/units', { parentId: county.id, kind: 'department', name: '县另一局', creditCode: '9144030071526726xg' });
  assert.equal(duplicate.body.error.code, 'CREDIT_CODE_TAKEN');
});

test(`${on}: data scope is applied inside the query`, async () => {
  const db = app.platform.database.db;
  const county = units.find((unit) => unit.kind === 'county')!;
  const countyRow = await db.selectFrom('units').select('path').where('id', '=', county.id).executeTakeFirstOrThrow();
  const civil = unitNamed('县民政局');
  const someone = await db.selectFrom('users').select('id').where('username', '=', 'zhang.wei').executeTakeFirstOrThrow();
  const all = await findUsers(db, { kind: 'all' }, { kind: 'staff' }, 1, 100);
  const below = await findUsers(db, { kind: 'unit_and_below', unitPath: countyRow.path }, { kind: 'staff' }, 1, 100);
  const unit = await findUsers(db, { kind: 'unit', unitId: civil.id }, { kind: 'staff' }, 1, 100);
  const self = await findUsers(db, { kind: 'self', userId: someone.id }, {}, 1, 100);
  assert.ok(all.total > 30);
  assert.equal(below.total, all.total, 'every demo staff member works in the county');
  assert.ok(unit.total >= 1 && unit.items.every((user) => user.unit_id === civil.id));
  assert.deepEqual(self.items.map((user) => user.id), [someone.id]);
});
