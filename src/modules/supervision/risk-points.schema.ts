// Shapes of the integrity risk register's endpoints.
import { z } from 'zod';

export const RISK_TYPES = { discretion: '自由裁量', approval: '审批决定', fees: '收费', inspection: '现场核查', acceptance: '受理审查', other: '其他' } as const;
export const RISK_LEVELS = { high: '高', medium: '中', low: '低' } as const;

const text = (max: number) => z.string().trim().min(2, '至少 2 个字 / at least 2 characters').max(max);

export const riskPointInputSchema = z
  .object({
    itemId: z.uuid(),
    stepKey: z.string().trim().min(1).max(30),
    name: text(80),
    riskType: z.enum(Object.keys(RISK_TYPES) as [keyof typeof RISK_TYPES, ...Array<keyof typeof RISK_TYPES>]),
    level: z.enum(Object.keys(RISK_LEVELS) as [keyof typeof RISK_LEVELS, ...Array<keyof typeof RISK_LEVELS>]),
    description: text(2000),
    controlMeasures: text(2000),
    requiresSecondApprover: z.boolean().default(false),
  })
  .strict();
export type RiskPointInput = z.infer<typeof riskPointInputSchema>;

export const riskPointUpdateSchema = riskPointInputSchema.omit({ itemId: true }).partial().strict();

export const riskPointViewSchema = z.object({
  id: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  stepKey: z.string(),
  stepName: z.string().nullable(),
  name: z.string(),
  riskType: z.string(),
  riskTypeName: z.string(),
  level: z.string(),
  levelName: z.string(),
  description: z.string(),
  controlMeasures: z.string(),
  requiresSecondApprover: z.boolean(),
  updatedAt: z.string(),
});
export type RiskPointView = z.infer<typeof riskPointViewSchema>;
