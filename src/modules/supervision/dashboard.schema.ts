// Shapes of the supervision room's big screen (GET /api/supervision/dashboard) and of the findings statistics
// (GET /api/supervision/statistics and its .xlsx).
import { z } from 'zod';
import { RULE_CATEGORIES, type RuleCategory } from './supervision-rules.ts';
import { findingLevelSchema, findingStatusSchema } from './supervision.schema.ts';

const levelCountsShape = { warning: z.number(), yellow: z.number(), red: z.number(), total: z.number() };
export const levelCountsSchema = z.object(levelCountsShape);
export type LevelCounts = z.infer<typeof levelCountsSchema>;

/** How the ranking weighs each level (documented on the screen; see dashboard.service.ts). */
export const RANKING_WEIGHTS = { warning: 1, yellow: 3, red: 5 } as const;
/** The big screen's trend and per-unit window, in calendar days ending today. */
export const DASHBOARD_WINDOW_DAYS = 30;
export const NEWEST_FINDINGS = 20;

export const dashboardFindingSchema = z.object({
  id: z.string(),
  level: findingLevelSchema,
  levelName: z.string(),
  category: z.string(),
  categoryName: z.string(),
  ruleCode: z.string(),
  ruleName: z.string(),
  description: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  subjectLabel: z.string(),
  raisedAt: z.string(),
  status: findingStatusSchema,
});

export const dashboardSchema = z.object({
  /** Today in China, the last day of the window. */
  today: z.string(),
  /** The first day of the trend and per-unit window. */
  from: z.string(),
  windowDays: z.number(),
  generatedAt: z.string(),
  /** The unit whose part of the organisation the viewer oversees; null when they oversee everything. */
  scopeUnitName: z.string().nullable(),
  casesInProgress: z.object({ total: z.number(), byUnit: z.array(z.object({ unitId: z.string(), unitName: z.string(), count: z.number() })) }),
  findingsToday: levelCountsSchema,
  findingsInWindow: levelCountsSchema,
  /** Findings waiting for the unit's answer (open) and for the office's review (responded), whenever raised. */
  handling: z.object({ awaitingAnswer: z.number(), awaitingReview: z.number() }),
  trend: z.array(z.object({ date: z.string(), ...levelCountsShape })),
  byUnit: z.array(z.object({ unitId: z.string(), unitName: z.string(), ...levelCountsShape })),
  ranking: z.object({
    weights: z.object({ warning: z.number(), yellow: z.number(), red: z.number() }),
    units: z.array(
      z.object({
        rank: z.number(),
        unitId: z.string(),
        unitName: z.string(),
        /** Cases running now plus cases ended in the window. */
        cases: z.number(),
        ...levelCountsShape,
        weighted: z.number(),
        /** Weighted findings per case, two decimals (the ranking key, lowest first). */
        perCase: z.number(),
      }),
    ),
  }),
  newest: z.array(dashboardFindingSchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const RULE_CATEGORY_CODES = Object.keys(RULE_CATEGORIES) as [RuleCategory, ...RuleCategory[]];

export const statisticsQuerySchema = z
  .object({
    from: z.iso.date('须为日期 YYYY-MM-DD / must be a date YYYY-MM-DD').optional(),
    to: z.iso.date('须为日期 YYYY-MM-DD / must be a date YYYY-MM-DD').optional(),
    unitId: z.uuid().optional(),
    category: z.enum(RULE_CATEGORY_CODES).optional(),
    level: findingLevelSchema.optional(),
  })
  .strict()
  .refine((query) => !query.from || !query.to || query.from <= query.to, { message: '开始日期不能晚于结束日期 / the start is after the end', path: ['to'] });
export type FindingStatisticsQuery = z.infer<typeof statisticsQuerySchema>;

export const findingStatisticsSchema = z.object({
  from: z.string(),
  to: z.string(),
  unitId: z.string().nullable(),
  category: z.string().nullable(),
  level: findingLevelSchema.nullable(),
  categories: z.array(z.object({ category: z.string(), name: z.string() })),
  /** One row per unit and category with findings, the levels as columns. */
  rows: z.array(z.object({ unitId: z.string(), unitName: z.string(), category: z.string(), categoryName: z.string(), ...levelCountsShape })),
  byUnit: z.array(z.object({ unitId: z.string(), unitName: z.string(), ...levelCountsShape })),
  byCategory: z.array(z.object({ category: z.string(), categoryName: z.string(), ...levelCountsShape })),
  totals: levelCountsSchema,
});
export type FindingStatistics = z.infer<typeof findingStatisticsSchema>;
