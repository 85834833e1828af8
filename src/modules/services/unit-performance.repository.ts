// What the service hall contributes to each unit's performance score (绩效考核): the cases it ended in a period
// and how many of them late, and its applicants' ratings.
import { sql } from 'kysely';
import type { DbExecutor } from '../../core/db/database.ts';
import { toCount } from '../../core/db/values.ts';

export interface UnitCaseOutcomes {
  unitId: string;
  ended: number;
  late: number;
}

/** Cases ended per unit between two China dates (inclusive), with how many ended after their deadline. */
export async function countEndedCasesByUnit(db: DbExecutor, period: { from: string; to: string }): Promise<UnitCaseOutcomes[]> {
  const rows = await db
    .selectFrom('cases')
    .select(['unit_id', sql<number>`count(*)`.as('ended'), sql<number>`sum(case when ended_late = 1 then 1 else 0 end)`.as('late')])
    .where('ended_on', '>=', period.from)
    .where('ended_on', '<=', period.to)
    .groupBy('unit_id')
    .execute();
  return rows.map((row) => ({ unitId: row.unit_id, ended: toCount(row.ended), late: toCount(row.late ?? 0) }));
}

export interface UnitRatings {
  unitId: string;
  count: number;
  /** Sum of the ratings' scores (1 very dissatisfied … 5 very satisfied). */
  scoreSum: number;
}

/** Ratings per unit given between two instants (UTC timestamps, `to` exclusive). */
export async function sumRatingsByUnit(db: DbExecutor, period: { fromAt: string; toAt: string }): Promise<UnitRatings[]> {
  const rows = await db
    .selectFrom('case_ratings')
    .select(['unit_id', sql<number>`count(*)`.as('count'), sql<number>`sum(score)`.as('total')])
    .where('created_at', '>=', period.fromAt)
    .where('created_at', '<', period.toAt)
    .groupBy('unit_id')
    .execute();
  return rows.map((row) => ({ unitId: row.unit_id, count: toCount(row.count), scoreSum: toCount(row.total ?? 0) }));
}
