// Shapes of the performance scores (绩效考核): the formula the supervising office configures, the period asked
// for, and a unit's row of the ranking.
import { z } from 'zod';

const weight = z.number().min(0).max(1);
const deduction = (max: number) => z.number().min(0).max(max).multipleOf(0.1);

export const scoreFormulaSchema = z
  .object({
    /** How the three part scores (each 0–100) add up to the total; the weights sum to 1. */
    weights: z.object({ onTime: weight, satisfaction: weight, discipline: weight }).strict(),
    /** Points the discipline part (from 100) loses per finding, complaint and overdue supervision task. */
    deductions: z.object({ warning: deduction(20), yellow: deduction(50), red: deduction(100), complaint: deduction(50), overdueTask: deduction(50) }).strict(),
  })
  .strict()
  .refine((formula) => Math.abs(formula.weights.onTime + formula.weights.satisfaction + formula.weights.discipline - 1) < 1e-9, { message: '三项权重之和须为 1 / the three weights must add up to 1', path: ['weights'] });
export type ScoreFormula = z.infer<typeof scoreFormulaSchema>;

export const DEFAULT_SCORE_FORMULA: ScoreFormula = {
  weights: { onTime: 0.4, satisfaction: 0.3, discipline: 0.3 },
  deductions: { warning: 0.5, yellow: 2, red: 5, complaint: 3, overdueTask: 5 },
};

export const SCORE_FORMULA_SETTING = 'supervision.scoreFormula';

/** A month (2026-11), a quarter (2026-Q4) or a year (2026). */
export const periodSchema = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, '期间须为 2026-11、2026-Q4 或 2026 / the period is a month (2026-11), a quarter (2026-Q4) or a year (2026)');

export const unitScoreSchema = z.object({
  rank: z.number().int(),
  unitId: z.string(),
  unitName: z.string(),
  casesEnded: z.number().int(),
  casesLate: z.number().int(),
  onTimeRate: z.number().nullable(),
  ratings: z.number().int(),
  averageRating: z.number().nullable(),
  warnings: z.number().int(),
  yellowCards: z.number().int(),
  redCards: z.number().int(),
  complaints: z.number().int(),
  overdueTasks: z.number().int(),
  onTimeScore: z.number(),
  satisfactionScore: z.number(),
  disciplineScore: z.number(),
  total: z.number(),
});
export type UnitScore = z.infer<typeof unitScoreSchema>;

export const scoresViewSchema = z.object({ period: z.string(), from: z.string(), to: z.string(), formula: scoreFormulaSchema, items: z.array(unitScoreSchema) });
