// Shapes of the division/unit tree endpoints.
import { z } from 'zod';
import { creditCodeSchema } from '../../core/ids/index.ts';

export const unitKindSchema = z.enum(['province', 'city', 'county', 'town', 'village', 'department', 'service_hall']);

export const unitViewSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: unitKindSchema,
  name: z.string(),
  nameEn: z.string().nullable(),
  code: z.string().nullable(),
  creditCode: z.string().nullable(),
  sortOrder: z.number().int(),
});

export const createUnitSchema = z.object({
  parentId: z.uuid(),
  kind: unitKindSchema,
  name: z.string().trim().min(2).max(60),
  nameEn: z.string().trim().max(120).optional(),
  code: z.string().trim().regex(/^\d{6}(\d{3}(\d{3})?)?$/, '行政区划代码应为 6、9 或 12 位数字').optional(),
  creditCode: creditCodeSchema.optional(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
});

export const updateUnitSchema = z.object({
  name: createUnitSchema.shape.name.optional(),
  nameEn: z.string().trim().max(120).nullable().optional(),
  code: createUnitSchema.shape.code.unwrap().nullable().optional(),
  creditCode: creditCodeSchema.nullable().optional(),
  sortOrder: createUnitSchema.shape.sortOrder,
});

export type UnitView = z.infer<typeof unitViewSchema>;
export type CreateUnitInput = z.infer<typeof createUnitSchema>;
export type UpdateUnitInput = z.infer<typeof updateUnitSchema>;
