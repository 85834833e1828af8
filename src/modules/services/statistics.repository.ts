// SQL of the service-hall statistics: counts by status, unit, item and month, timeliness and ratings,
// always inside the reader's data scope.
import { sql, type ExpressionBuilder } from 'kysely';
import { scopeCondition, type DataScope } from '../../core/auth/data-scope.ts';
import type { Database, DbExecutor } from '../../core/db/database.ts';

export interface StatisticsFilter {
  from: string;
  /** Exclusive end (the day after the last day). */
  until: string;
  unitId?: string | undefined;
}

function casesInScope(db: DbExecutor, scope: DataScope, filter: StatisticsFilter) {
  let query = db
    .selectFrom('cases')
    .innerJoin('units', 'units.id', 'cases.unit_id')
    .where((eb: ExpressionBuilder<Database, 'cases' | 'units'>) => scopeCondition(eb, scope, { unitIdColumn: 'cases.unit_id', unitPathColumn: 'units.path', ownerColumn: 'cases.handler_user_id' }));
  if (filter.unitId) query = query.where('cases.unit_id', '=', filter.unitId);
  return query;
}

const submittedIn = (filter: StatisticsFilter) => (eb: ExpressionBuilder<Database, 'cases'>) => eb.and([eb('cases.submitted_at', '>=', filter.from), eb('cases.submitted_at', '<', filter.until)]);
const endedIn = (filter: StatisticsFilter) => (eb: ExpressionBuilder<Database, 'cases'>) => eb.and([eb('cases.ended_on', '>=', filter.from), eb('cases.ended_on', '<', filter.until)]);

/** Cases submitted in the period by status. */
export function countByStatus(db: DbExecutor, scope: DataScope, filter: StatisticsFilter) {
  return casesInScope(db, scope, filter).where(submittedIn(filter)).select(['cases.status', (eb) => eb.fn.countAll().as('total')]).groupBy('cases.status').execute();
}

/** Per unit: submitted in the period, and of the cases concluded in the period how many were late and the working days used. */
export async function countByUnit(db: DbExecutor, scope: DataScope, filter: StatisticsFilter) {
  const [submitted, concluded] = await Promise.all([
    casesInScope(db, scope, filter).where(submittedIn(filter)).select(['cases.unit_id', 'units.name as unit_name', (eb) => eb.fn.countAll().as('total')]).groupBy(['cases.unit_id', 'units.name']).execute(),
    casesInScope(db, scope, filter)
      .where(endedIn(filter))
      .where('cases.status', '=', 'concluded')
      .select(['cases.unit_id', 'units.name as unit_name', (eb) => eb.fn.countAll().as('total'), (eb) => eb.fn.sum<number>('cases.ended_late').as('late'), (eb) => eb.fn.avg<number>('cases.used_days').as('average_days')])
      .groupBy(['cases.unit_id', 'units.name'])
      .execute(),
  ]);
  return { submitted, concluded };
}

/** The most applied-for items in the period. */
export function countByItem(db: DbExecutor, scope: DataScope, filter: StatisticsFilter, limit: number) {
  return casesInScope(db, scope, filter)
    .innerJoin('service_items', 'service_items.id', 'cases.item_id')
    .where(submittedIn(filter))
    .select(['cases.item_id', 'service_items.name as item_name', (eb) => eb.fn.countAll().as('total')])
    .groupBy(['cases.item_id', 'service_items.name'])
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('service_items.name')
    .limit(limit)
    .execute();
}

/** Cases submitted per month (YYYY-MM of the submission time). */
export function countByMonth(db: DbExecutor, scope: DataScope, filter: StatisticsFilter) {
  const month = sql<string>`substr(cases.submitted_at, 1, 7)`;
  return casesInScope(db, scope, filter).where(submittedIn(filter)).select([month.as('month'), (eb) => eb.fn.countAll().as('total')]).groupBy(month).orderBy(month).execute();
}

/** Ratings given in the period, by level. */
export function countRatings(db: DbExecutor, scope: DataScope, filter: StatisticsFilter) {
  return casesInScope(db, scope, filter)
    .innerJoin('case_ratings', 'case_ratings.case_id', 'cases.id')
    .where('case_ratings.created_at', '>=', filter.from)
    .where('case_ratings.created_at', '<', filter.until)
    .select(['case_ratings.level', (eb) => eb.fn.countAll().as('total')])
    .groupBy('case_ratings.level')
    .execute();
}
