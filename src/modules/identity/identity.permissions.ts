// The permission catalogue and the built-in roles. The three admin roles (三员分立) hold only platform
// permissions, each its own; no admin permission appears in any business role and the reverse.
import type { AdminRole, DataScopeKind } from '../../core/auth/actor.ts';

export interface PermissionDefinition {
  code: string;
  name: string;
  nameEn: string;
  group: string;
  /** The admin role that alone may hold it; null for business permissions. */
  adminRole: AdminRole | null;
}

const catalogue: PermissionDefinition[] = [
  { code: 'identity.org.read', name: '查看组织机构', nameEn: 'View organisation', group: 'identity', adminRole: null },
  { code: 'identity.org.manage', name: '管理区划与单位', nameEn: 'Manage divisions and units', group: 'system', adminRole: 'system' },
  { code: 'identity.users.manage', name: '管理用户', nameEn: 'Manage users', group: 'system', adminRole: 'system' },
  { code: 'identity.roles.manage', name: '管理角色', nameEn: 'Manage roles', group: 'system', adminRole: 'system' },
  { code: 'calendar.manage', name: '维护工作日历', nameEn: 'Maintain the working-day calendar', group: 'system', adminRole: 'system' },
  { code: 'notify.outbox.read', name: '查看消息队列', nameEn: 'View the outbox', group: 'system', adminRole: 'system' },
  { code: 'notify.outbox.manage', name: '重发消息', nameEn: 'Retry outbox messages', group: 'system', adminRole: 'system' },
  { code: 'security.policy.manage', name: '设置安全策略', nameEn: 'Set the security policy', group: 'security', adminRole: 'security' },
  { code: 'security.users.read', name: '查看账号安全状态', nameEn: 'View account security state', group: 'security', adminRole: 'security' },
  { code: 'security.users.unlock', name: '解锁账号', nameEn: 'Unlock accounts', group: 'security', adminRole: 'security' },
  { code: 'audit.read', name: '查阅审计日志', nameEn: 'Read the audit trail', group: 'audit', adminRole: 'audit' },
  { code: 'audit.verify', name: '校验审计链', nameEn: 'Verify the audit chain', group: 'audit', adminRole: 'audit' },
];

/** Adds a module's permissions to the catalogue (business modules call this from their index). */
export function registerPermissions(definitions: PermissionDefinition[]): void {
  for (const definition of definitions) {
    if (catalogue.some((existing) => existing.code === definition.code)) throw new Error(`Permission ${definition.code} is defined twice`);
    catalogue.push(definition);
  }
}

/** Every permission the platform knows. */
export function listPermissions(): readonly PermissionDefinition[] {
  return catalogue;
}

/** The definition of a permission, or undefined for an unknown code. */
export function findPermission(code: string): PermissionDefinition | undefined {
  return catalogue.find((definition) => definition.code === code);
}

export interface BuiltinRole {
  code: string;
  name: string;
  nameEn: string;
  adminRole: AdminRole | null;
  permissions: string[];
  defaultScope: DataScopeKind;
}

/** Built-in roles, created by the first migration run's seed and kept read-only in the console. */
export const builtinRoles: BuiltinRole[] = [
  {
    code: 'system_admin',
    name: '系统管理员',
    nameEn: 'System administrator',
    adminRole: 'system',
    defaultScope: 'all',
    permissions: ['identity.org.manage', 'identity.users.manage', 'identity.roles.manage', 'calendar.manage', 'notify.outbox.read', 'notify.outbox.manage'],
  },
  {
    code: 'security_admin',
    name: '安全保密管理员',
    nameEn: 'Security administrator',
    adminRole: 'security',
    defaultScope: 'all',
    permissions: ['security.policy.manage', 'security.users.read', 'security.users.unlock'],
  },
  {
    code: 'audit_admin',
    name: '安全审计员',
    nameEn: 'Audit administrator',
    adminRole: 'audit',
    defaultScope: 'all',
    permissions: ['audit.read', 'audit.verify'],
  },
  { code: 'dept_head', name: '科室负责人', nameEn: 'Section head', adminRole: null, defaultScope: 'unit', permissions: ['identity.org.read'] },
  { code: 'dept_staff', name: '经办人', nameEn: 'Case officer', adminRole: null, defaultScope: 'self', permissions: ['identity.org.read'] },
  { code: 'hall_window', name: '窗口人员', nameEn: 'Service window officer', adminRole: null, defaultScope: 'unit', permissions: ['identity.org.read'] },
  { code: 'supervisor', name: '监察员', nameEn: 'Supervisor', adminRole: null, defaultScope: 'unit_and_below', permissions: ['identity.org.read'] },
  { code: 'hall_admin', name: '政务服务管理员', nameEn: 'Service hall administrator', adminRole: null, defaultScope: 'all', permissions: ['identity.org.read'] },
];

/**
 * Gives a built-in business role a module's permissions (modules call this from their index, so the
 * role catalogue grows with the modules installed). Admin roles cannot be extended.
 */
export function grantToBuiltinRole(roleCode: string, permissions: string[]): void {
  const role = builtinRoles.find((candidate) => candidate.code === roleCode);
  if (!role || role.adminRole) throw new Error(`No built-in business role ${roleCode}`);
  for (const permission of permissions) {
    const definition = findPermission(permission);
    if (!definition || definition.adminRole) throw new Error(`Permission ${permission} is not a registered business permission`);
    if (!role.permissions.includes(permission)) role.permissions.push(permission);
  }
}
