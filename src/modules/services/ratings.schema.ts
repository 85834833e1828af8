// Shapes of the rating and rectification endpoints.
import { z } from 'zod';
import { RATING_LEVELS, type RatingLevel } from './service-catalogue.ts';

export const ratingLevelSchema = z.enum(Object.keys(RATING_LEVELS) as [RatingLevel, ...RatingLevel[]]);

export const ratingInputSchema = z.object({
  level: ratingLevelSchema,
  comment: z.string().trim().max(1000).default(''),
});

export const ratingViewSchema = z.object({ level: ratingLevelSchema, levelName: z.string(), comment: z.string(), ratedAt: z.string(), reply: z.string().nullable() });

export const rectificationViewSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  itemName: z.string(),
  unitName: z.string(),
  applicantName: z.string(),
  applicantPhone: z.string().nullable(),
  level: ratingLevelSchema,
  levelName: z.string(),
  comment: z.string(),
  ratedAt: z.string(),
  status: z.enum(['open', 'done']),
  dueOn: z.string(),
  overdue: z.boolean(),
  callbackAt: z.string().nullable(),
  callbackNote: z.string().nullable(),
  result: z.string().nullable(),
  replyToApplicant: z.string().nullable(),
  closedAt: z.string().nullable(),
});

export const callbackInputSchema = z.object({ note: z.string().trim().min(2, '请记录回访情况 / record the call-back').max(2000) });
export const closeRectificationInputSchema = z.object({
  result: z.string().trim().min(2, '请填写整改结果 / give the result').max(2000),
  replyToApplicant: z.string().trim().min(2, '请填写告知申请人的答复 / give the reply to the applicant').max(2000),
});

export const RATING_POLICY_SETTING = 'services.ratingPolicy';
export const ratingPolicySchema = z.object({ rectificationDays: z.number().int().min(1).max(60) });
export const DEFAULT_RATING_POLICY = { rectificationDays: 5 };

export type RectificationView = z.infer<typeof rectificationViewSchema>;
