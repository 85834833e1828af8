// Shapes of the user and role endpoints.
import { z } from 'zod';
import { mobilePhoneSchema } from '../../core/ids/index.ts';

export const scopeSchema = z.enum(['self', 'unit', 'unit_and_below', 'all']);
export const assignmentInputSchema = z.object({ roleId: z.uuid(), scope: scopeSchema });

export const userViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  kind: z.enum(['staff', 'citizen', 'company']),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  lockedUntil: z.string().nullable(),
  totpEnabled: z.boolean(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  roles: z.array(z.object({ roleId: z.string(), roleName: z.string(), scope: scopeSchema })),
  createdAt: z.string(),
});

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, '用户名应为 3–32 位小写字母、数字或 . _ -，以字母开头 / 3–32 lower-case letters, digits or . _ -, starting with a letter');

export const createUserSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(40),
  unitId: z.uuid(),
  phone: mobilePhoneSchema.optional(),
  email: z.email().max(120).optional(),
  initialPassword: z.string().min(1).max(128),
  roles: z.array(assignmentInputSchema).max(20).default([]),
});

export const updateUserSchema = z.object({
  displayName: z.string().trim().min(1).max(40).optional(),
  unitId: z.uuid().optional(),
  phone: mobilePhoneSchema.nullable().optional(),
  email: z.email().max(120).nullable().optional(),
  status: z.enum(['active', 'disabled']).optional(),
});

export const userFilterSchema = z.object({
  q: z.string().trim().max(60).optional(),
  unitId: z.uuid().optional(),
  status: z.enum(['active', 'disabled']).optional(),
});

export const roleViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  builtin: z.boolean(),
  adminRole: z.enum(['system', 'security', 'audit']).nullable(),
  permissions: z.array(z.string()),
});

export const createRoleSchema = z.object({
  code: z.string().trim().regex(/^[a-z][a-z0-9_]{2,39}$/, '角色编码应为小写字母、数字或下划线 / lower-case letters, digits or underscores'),
  name: z.string().trim().min(2).max(40),
  nameEn: z.string().trim().max(80).optional(),
  permissions: z.array(z.string().max(80)).max(200),
});

export const updateRoleSchema = createRoleSchema.omit({ code: true }).partial();

export type UserView = z.infer<typeof userViewSchema>;
export type CreateUserInput = z.infer<typeof createUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
export type AssignmentInput = z.infer<typeof assignmentInputSchema>;
export type RoleView = z.infer<typeof roleViewSchema>;
export type CreateRoleInput = z.infer<typeof createRoleSchema>;
export type UpdateRoleInput = z.infer<typeof updateRoleSchema>;
