// Permissions of the service hall. Built-in roles (identity) hold them with the scope of each assignment.
import type { PermissionDefinition } from '../identity/index.ts';

export const servicesPermissions: PermissionDefinition[] = [
  { code: 'services.items.read', name: '查看事项（含未发布）', nameEn: 'View service items (incl. unpublished)', group: 'services', adminRole: null },
  { code: 'services.items.edit', name: '编辑本单位事项', nameEn: "Edit the unit's service items", group: 'services', adminRole: null },
  { code: 'services.items.review', name: '审核发布事项', nameEn: 'Review and publish service items', group: 'services', adminRole: null },
  { code: 'services.cases.read', name: '查看办件', nameEn: 'View cases', group: 'services', adminRole: null },
  { code: 'services.cases.accept', name: '受理办件（窗口）', nameEn: 'Accept cases (window)', group: 'services', adminRole: null },
  { code: 'services.cases.review', name: '审查办件', nameEn: 'Review cases', group: 'services', adminRole: null },
  { code: 'services.cases.decide', name: '审批决定', nameEn: 'Decide cases', group: 'services', adminRole: null },
  { code: 'services.integrations.manage', name: '管理部门系统对接', nameEn: 'Manage department system integrations', group: 'services', adminRole: null },
  { code: 'services.cases.register', name: '窗口登记办件', nameEn: 'Register walk-in cases', group: 'services', adminRole: null },
];
