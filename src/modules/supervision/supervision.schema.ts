// Shapes of the supervision endpoints: rules, findings and their handling.
import { z } from 'zod';
import { fileMetadataSchema } from '../../core/files/index.ts';
import { FINDING_LEVELS } from './timeliness.ts';

export const findingLevelSchema = z.enum(FINDING_LEVELS);
export const findingStatusSchema = z.enum(['notified', 'open', 'responded', 'closed']);

/** A rule's settings: thresholds in working days for timeliness, the level (and any threshold) for a check. */
export const ruleSettingsSchema = z.record(z.string().max(40), z.union([z.number(), z.string().max(40)]));

export const ruleViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  category: z.string(),
  categoryName: z.string(),
  subjectType: z.string(),
  /** The deadline kind a timeliness rule watches; null for a check of the record. */
  deadlineKind: z.string().nullable(),
  /** null: the general rule; otherwise the service item it overrides the general rule for. */
  scopeKey: z.string().nullable(),
  scopeName: z.string().nullable(),
  settings: ruleSettingsSchema,
  enabled: z.boolean(),
  updatedAt: z.string(),
});
export type RuleView = z.infer<typeof ruleViewSchema>;

export const createRuleInputSchema = z
  .object({
    code: z.string().min(1).max(64),
    scopeKey: z.uuid('须为事项编号 / must be a service item id'),
    settings: ruleSettingsSchema.optional(),
    enabled: z.boolean().default(true),
  })
  .strict();

export const updateRuleInputSchema = z
  .object({ settings: ruleSettingsSchema.optional(), enabled: z.boolean().optional() })
  .strict()
  .refine((input) => input.settings !== undefined || input.enabled !== undefined, '请至少修改一项 / change at least one field');

export const findingFilterSchema = z.object({
  level: findingLevelSchema.optional(),
  status: findingStatusSchema.optional(),
  category: z.enum(['timeliness', 'legality', 'completeness', 'fees', 'discretion', 'offsystem']).optional(),
  unitId: z.uuid().optional(),
  subjectType: z.string().max(32).optional(),
  subjectId: z.string().max(64).optional(),
  resolved: z.enum(['true', 'false']).optional().transform((value) => (value === undefined ? undefined : value === 'true')),
});
export type FindingFilter = z.infer<typeof findingFilterSchema>;

export const findingViewSchema = z.object({
  id: z.string(),
  category: z.string(),
  ruleCode: z.string(),
  ruleName: z.string(),
  ruleNameEn: z.string(),
  level: findingLevelSchema,
  levelName: z.string(),
  description: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  subjectLabel: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  deadlineKey: z.string().nullable(),
  dueOn: z.string().nullable(),
  raisedAt: z.string(),
  raisedOn: z.string(),
  resolvedAt: z.string().nullable(),
  status: findingStatusSchema,
  /** What the viewer may do with it now. */
  canRespond: z.boolean(),
  canReview: z.boolean(),
});
export type FindingView = z.infer<typeof findingViewSchema>;

export const findingActionViewSchema = z.object({
  id: z.string(),
  action: z.enum(['raised', 'resolved', 'explained', 'rectified', 'accepted', 'rejected']),
  actorName: z.string(),
  note: z.string(),
  occurredAt: z.string(),
  files: z.array(fileMetadataSchema),
});

export const findingDetailSchema = findingViewSchema.extend({ history: z.array(findingActionViewSchema) });

export const respondInputSchema = z
  .object({
    kind: z.enum(['explain', 'rectify']),
    text: z.string().trim().min(4, '请写明申辩理由或整改情况（至少 4 个字） / explain or describe the rectification (at least 4 characters)').max(4000),
    fileIds: z.array(z.uuid()).max(20).default([]),
  })
  .strict();

export const reviewInputSchema = z
  .object({
    decision: z.enum(['accept', 'reject']),
    opinion: z.string().trim().max(2000).default(''),
  })
  .strict()
  .refine((input) => input.decision === 'accept' || input.opinion.length >= 2, { message: '退回须写明意见 / a rejection needs an opinion', path: ['opinion'] });
export type FindingDetail = z.infer<typeof findingDetailSchema>;
