// Permissions of electronic supervision. Built-in roles (identity) hold them with the scope of each assignment.
import type { PermissionDefinition } from '../identity/index.ts';

export const supervisionPermissions: PermissionDefinition[] = [
  { code: 'supervision.findings.read', name: '查看监察记录', nameEn: 'View supervision findings', group: 'supervision', adminRole: null },
  { code: 'supervision.findings.respond', name: '申辩或整改本单位监察记录', nameEn: "Explain or rectify the unit's findings", group: 'supervision', adminRole: null },
  { code: 'supervision.oversee', name: '监察下级单位（审核申辩整改）', nameEn: 'Oversee the units below (review answers)', group: 'supervision', adminRole: null },
  { code: 'supervision.rules.manage', name: '管理监察规则', nameEn: 'Manage supervision rules', group: 'supervision', adminRole: null },
];
