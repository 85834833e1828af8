// Statistics of the service hall for a period: cases by status, unit, item and month, the on-time
// rate and average working days of concluded cases, and satisfaction from the ratings.
import { z } from 'zod';
import type { Actor } from '../../core/auth/actor.ts';
import { resolveDataScope } from '../../core/auth/data-scope.ts';
import { toCount } from '../../core/db/values.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { CASE_STATUS_NAMES } from './case-labels.ts';
import { RATING_LEVELS, type RatingLevel } from './service-catalogue.ts';
import type { CaseStatus } from './services.tables.ts';
import type { ServicesDeps } from './services.deps.ts';
import { countByItem, countByMonth, countByStatus, countByUnit, countRatings } from './statistics.repository.ts';

export const statisticsQuerySchema = z
  .object({ from: z.iso.date(), to: z.iso.date(), unitId: z.uuid().optional() })
  .refine((query) => query.from <= query.to, { message: '开始日期不能晚于结束日期 / the start is after the end', path: ['to'] });

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

export const statisticsSchema = z.object({
  from: z.string(),
  to: z.string(),
  submitted: z.number(),
  concluded: z.number(),
  onTimeRate: z.number().nullable(),
  averageWorkingDays: z.number().nullable(),
  byStatus: z.array(z.object({ status: z.string(), name: z.string(), count: z.number() })),
  byUnit: z.array(z.object({ unitId: z.string(), unitName: z.string(), submitted: z.number(), concluded: z.number(), late: z.number(), onTimeRate: z.number().nullable(), averageWorkingDays: z.number().nullable() })),
  byItem: z.array(z.object({ itemId: z.string(), itemName: z.string(), count: z.number() })),
  byMonth: z.array(z.object({ month: z.string(), count: z.number() })),
  satisfaction: z.object({ count: z.number(), averageScore: z.number().nullable(), satisfiedRate: z.number().nullable(), byLevel: z.array(z.object({ level: z.string(), name: z.string(), count: z.number() })) }),
});
export type Statistics = z.infer<typeof statisticsSchema>;

/** The statistics of the cases in the actor's read scope for a period (dates inclusive). */
export async function computeStatistics(deps: ServicesDeps, actor: Actor, query: { from: string; to: string; unitId?: string | undefined }): Promise<Statistics> {
  if (actor.kind !== 'staff') throw new AppError(actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  const scope = resolveDataScope(actor, 'services.cases.read');
  const until = new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const filter = { from: query.from, until, unitId: query.unitId };
  const [statuses, units, items, months, ratings] = await Promise.all([
    countByStatus(deps.db, scope, filter),
    countByUnit(deps.db, scope, filter),
    countByItem(deps.db, scope, filter, 20),
    countByMonth(deps.db, scope, filter),
    countRatings(deps.db, scope, filter),
  ]);
  const unitIds = new Set([...units.submitted, ...units.concluded].map((row) => row.unit_id));
  const byUnit = [...unitIds].map((unitId) => {
    const submitted = units.submitted.find((row) => row.unit_id === unitId);
    const concluded = units.concluded.find((row) => row.unit_id === unitId);
    const done = toCount(concluded?.total);
    const late = toCount(concluded?.late);
    const average = concluded?.average_days === null || concluded?.average_days === undefined ? null : Math.round(Number(concluded.average_days) * 10) / 10;
    return { unitId, unitName: submitted?.unit_name ?? concluded?.unit_name ?? '', submitted: toCount(submitted?.total), concluded: done, late, onTimeRate: rate(done - late, done), averageWorkingDays: average };
  }).sort((a, b) => b.submitted - a.submitted || a.unitName.localeCompare(b.unitName, 'zh'));
  const concluded = byUnit.reduce((sum, unit) => sum + unit.concluded, 0);
  const late = byUnit.reduce((sum, unit) => sum + unit.late, 0);
  const usedDays = units.concluded.reduce((sum, row) => sum + Number(row.average_days ?? 0) * toCount(row.total), 0);
  const ratingCounts = ratings.map((row) => ({ level: row.level as RatingLevel, count: toCount(row.total) }));
  const ratingTotal = ratingCounts.reduce((sum, row) => sum + row.count, 0);
  const scoreTotal = ratingCounts.reduce((sum, row) => sum + RATING_LEVELS[row.level].score * row.count, 0);
  const satisfied = ratingCounts.filter((row) => RATING_LEVELS[row.level].score >= 3).reduce((sum, row) => sum + row.count, 0);
  return {
    from: query.from,
    to: query.to,
    submitted: statuses.reduce((sum, row) => sum + toCount(row.total), 0),
    concluded,
    onTimeRate: rate(concluded - late, concluded),
    averageWorkingDays: concluded === 0 ? null : Math.round((usedDays / concluded) * 10) / 10,
    byStatus: statuses.map((row) => ({ status: row.status, name: CASE_STATUS_NAMES[row.status as CaseStatus] ?? row.status, count: toCount(row.total) })),
    byUnit,
    byItem: items.map((row) => ({ itemId: row.item_id, itemName: row.item_name, count: toCount(row.total) })),
    byMonth: months.map((row) => ({ month: row.month, count: toCount(row.total) })),
    satisfaction: {
      count: ratingTotal,
      averageScore: ratingTotal === 0 ? null : Math.round((scoreTotal / ratingTotal) * 100) / 100,
      satisfiedRate: rate(satisfied, ratingTotal),
      byLevel: (Object.keys(RATING_LEVELS) as RatingLevel[]).map((level) => ({ level, name: RATING_LEVELS[level].zh, count: ratingCounts.find((row) => row.level === level)?.count ?? 0 })),
    },
  };
}
