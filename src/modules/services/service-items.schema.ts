// Shapes of the service-item endpoints (console and public catalogue).
import { z } from 'zod';
import { fileMetadataSchema } from '../../core/files/index.ts';
import { optionalFilter } from '../../core/http/pagination.ts';
import { processDefinitionSchema } from './process.schema.ts';
import { ITEM_TYPE_CODES, THEME_CODES } from './service-catalogue.ts';
import { serviceGuideSchema } from './service-guide.schema.ts';

export const itemStatusSchema = z.enum(['draft', 'in_review', 'published', 'retired']);
export type ItemStatus = z.infer<typeof itemStatusSchema>;

export const itemFilterSchema = z.object({
  q: optionalFilter,
  unitId: z.uuid().optional(),
  status: itemStatusSchema.optional(),
  itemType: z.enum(ITEM_TYPE_CODES).optional(),
  theme: z.enum(THEME_CODES).optional(),
  audience: z.enum(['person', 'company']).optional(),
  lifeEventId: z.uuid().optional(),
});

export const missingElementSchema = z.object({ element: z.string(), name: z.string() });

export const itemSummarySchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  name: z.string(),
  basicCode: z.string(),
  implementationCode: z.string(),
  itemType: z.string(),
  itemTypeName: z.string(),
  caseKind: z.string(),
  audiences: z.array(z.string()),
  promisedDays: z.number().nullable(),
  onlineApplication: z.boolean(),
  status: itemStatusSchema,
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});

export const versionSummarySchema = z.object({
  id: z.string(),
  versionNo: z.number(),
  status: z.enum(['draft', 'in_review', 'published', 'superseded']),
  reviewNote: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const itemDetailSchema = itemSummarySchema.extend({
  /** The version being edited or reviewed, else the published one. */
  version: versionSummarySchema,
  guide: serviceGuideSchema,
  process: processDefinitionSchema,
  missing: z.array(missingElementSchema),
  /** The blank forms and samples the materials reference, as far as the actor may read them (names to show). */
  files: z.array(fileMetadataSchema),
  history: z.array(versionSummarySchema),
  /** What the actor may do now, so the console shows only possible buttons. */
  can: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean(), retire: z.boolean() }),
});

export const itemInputSchema = z.object({
  unitId: z.uuid(),
  guide: serviceGuideSchema,
  process: processDefinitionSchema.optional(),
});

export const itemEditSchema = z.object({ guide: serviceGuideSchema, process: processDefinitionSchema });

export const reviewInputSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('publish'), note: z.string().trim().max(1000).default('') }),
  z.object({ decision: z.literal('return'), note: z.string().trim().min(2, '请写明退回原因 / say why it is returned').max(1000) }),
]);

export const retireInputSchema = z.object({ reason: z.string().trim().min(2).max(1000) });

export type ItemSummary = z.infer<typeof itemSummarySchema>;
export type ItemDetail = z.infer<typeof itemDetailSchema>;
export type ItemInput = z.infer<typeof itemInputSchema>;
export type ItemEdit = z.infer<typeof itemEditSchema>;
export type ReviewInput = z.infer<typeof reviewInputSchema>;
