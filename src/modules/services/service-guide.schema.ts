// The service guide (办事指南) of an item version and the application form it asks citizens to fill.
// A draft may leave elements empty; guide-completeness.ts says which are missing before publishing.
import { z } from 'zod';
import { AUDIENCES, ITEM_TYPE_CODES, THEME_CODES } from './service-catalogue.ts';

const text = (max: number) => z.string().trim().max(max).default('');
const key = z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, '键名应为小写字母开头的字母、数字或下划线 / keys are lower-case letters, digits or _');

export const materialSchema = z.object({
  key,
  name: z.string().trim().min(1).max(120),
  required: z.boolean().default(true),
  /** 原件 / 复印件 / 电子材料. */
  form: z.enum(['original', 'copy', 'electronic']).default('electronic'),
  copies: z.number().int().min(0).max(20).default(1),
  /** Files (core/files ids) of the blank form and a filled sample to download. */
  blankFormFileId: z.uuid().nullable().default(null),
  sampleFileId: z.uuid().nullable().default(null),
  /** The electronic licence (电子证照) that can replace the material, when the applicant already holds it. */
  licenceType: z.string().trim().max(60).nullable().default(null),
  note: text(300),
});

export const feeSchema = z.object({
  name: z.string().trim().min(1).max(80),
  basis: z.string().trim().min(1).max(300),
  /** Standard amount in yuan (元), at most two decimals. */
  amount: z.number().min(0).max(100_000_000).multipleOf(0.01),
});

export const formFieldSchema = z.object({
  key,
  label: z.string().trim().min(1).max(60),
  type: z.enum(['text', 'textarea', 'number', 'date', 'select', 'resident_id', 'credit_code', 'phone', 'email']),
  required: z.boolean().default(true),
  options: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
  maxLength: z.number().int().min(1).max(5000).optional(),
});

/** A fine of the discretion standard (元): the same range and precision a penalty decision may state. */
const fine = z.number().min(0).max(100_000_000).multipleOf(0.01);

/** One circumstance (情形) of a violation; the decide step offers it by its code. */
export const circumstanceSchema = z
  .object({ code: key, name: z.string().trim().min(1).max(80), fineMin: fine, fineMax: fine })
  // On fineMax, so the console shows the message beside the field to correct.
  .refine((c) => c.fineMax >= c.fineMin, { message: '罚款上限不能低于下限 / the maximum fine is below the minimum', path: ['fineMax'] });

/** 裁量基准: for a penalty item, each violation's circumstances with their fine ranges (元). */
export const discretionSchema = z.object({
  violation: z.string().trim().min(1).max(200),
  basis: z.string().trim().min(1).max(300),
  circumstances: z.array(circumstanceSchema).min(1, '每项违法行为至少有一种情形 / each violation needs at least one circumstance').max(10),
});

export const serviceGuideSchema = z.object({
  name: z.string().trim().min(1).max(120),
  itemType: z.enum(ITEM_TYPE_CODES),
  /** 基本编码 (national catalogue code, ≤ 12 characters). */
  basicCode: z.string().trim().regex(/^[0-9A-Z]{1,12}$/, '基本编码为 1–12 位数字或大写字母 / the basic code is 1–12 digits or capitals'),
  /** 业务办理项 suffix distinguishing variants of one item at one unit, empty for the main item. */
  variantCode: z.string().trim().regex(/^[0-9A-Z]{0,4}$/).default(''),
  summary: text(500),
  legalBasis: text(4000),
  acceptanceConditions: text(4000),
  materials: z.array(materialSchema).max(60).default([]),
  processDescription: text(2000),
  statutoryDays: z.number().int().min(0).max(365).nullable().default(null),
  promisedDays: z.number().int().min(0).max(365).nullable().default(null),
  caseKind: z.enum(['immediate', 'promised']).default('promised'),
  charged: z.boolean().default(false),
  fees: z.array(feeSchema).max(20).default([]),
  place: text(300),
  hours: text(300),
  consultation: text(300),
  complaintChannel: text(300),
  audiences: z.array(z.enum(Object.keys(AUDIENCES) as ['person', 'company'])).max(2).default([]),
  themes: z.array(z.enum(THEME_CODES)).max(6).default([]),
  /** 到现场次数: 0 = 全程网办. */
  visits: z.number().int().min(0).max(2).nullable().default(null),
  onlineApplication: z.boolean().default(true),
  form: z.array(formFieldSchema).max(60).default([]),
  discretion: z.array(discretionSchema).max(50).default([]),
}).superRefine((guide, context) => {
  for (const [list, label] of [[guide.materials, 'materials'], [guide.form, 'form']] as const) {
    const seen = new Set<string>();
    list.forEach((entry, index) => {
      if (seen.has(entry.key)) context.addIssue({ code: 'custom', path: [label, index, 'key'], message: `键名 ${entry.key} 重复 / duplicate key ${entry.key}` });
      seen.add(entry.key);
    });
  }
  // A penalty decision names only the circumstance's code, so a code must mean one range in the whole standard.
  const codes = new Set<string>();
  guide.discretion.forEach((standard, index) => {
    standard.circumstances.forEach((circumstance, position) => {
      if (codes.has(circumstance.code)) {
        context.addIssue({ code: 'custom', path: ['discretion', index, 'circumstances', position, 'code'], message: `情形编码 ${circumstance.code} 重复，须在整个裁量基准内唯一 / duplicate circumstance code ${circumstance.code}: codes are unique across the standard` });
      }
      codes.add(circumstance.code);
    });
  });
});

export type ServiceGuide = z.infer<typeof serviceGuideSchema>;
export type ServiceGuideInput = z.input<typeof serviceGuideSchema>;
export type Material = z.infer<typeof materialSchema>;
export type FormField = z.infer<typeof formFieldSchema>;
export type Discretion = z.infer<typeof discretionSchema>;
