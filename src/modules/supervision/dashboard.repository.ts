// SQL of the supervision room's big screen and of the findings statistics: findings counted by day, unit,
// category and level, the handling backlog and the newest findings, always inside the viewer's scope (applied in
// the query). Periods are ranges of raised_at (indexed), passed as the UTC moments China's days begin.
import { sql, type ExpressionBuilder } from 'kysely';
import { scopeCondition, type DataScope } from '../../core/auth/data-scope.ts';
import type { Database, DbExecutor } from '../../core/db/database.ts';
import { toCount } from '../../core/db/values.ts';
import type { FindingWithUnit } from './findings.repository.ts';

export interface FindingPeriod {
  /** First moment of the period (inclusive), ISO UTC. */
  fromStamp: string;
  /** First moment after the period (exclusive), ISO UTC. */
  untilStamp: string;
}

export interface FindingCountFilter extends FindingPeriod {
  /** Only units at or below this unit's path. */
  unitPath?: string | undefined;
  category?: string | undefined;
  level?: string | undefined;
}

function findingsInScope(db: DbExecutor, scope: DataScope) {
  return db
    .selectFrom('supervision_findings')
    .innerJoin('units', 'units.id', 'supervision_findings.unit_id')
    .where((eb: ExpressionBuilder<Database, 'supervision_findings' | 'units'>) =>
      scopeCondition(eb, scope, { unitIdColumn: 'supervision_findings.unit_id', unitPathColumn: 'units.path', ownerColumn: 'supervision_findings.unit_id' }),
    );
}

function findingsInPeriod(db: DbExecutor, scope: DataScope, period: FindingPeriod) {
  return findingsInScope(db, scope).where('supervision_findings.raised_at', '>=', period.fromStamp).where('supervision_findings.raised_at', '<', period.untilStamp);
}

/** Findings raised in the period per China day and level. */
export async function countFindingsByDayAndLevel(db: DbExecutor, scope: DataScope, period: FindingPeriod): Promise<Array<{ day: string; level: string; count: number }>> {
  const rows = await findingsInPeriod(db, scope, period)
    .select(['supervision_findings.raised_on', 'supervision_findings.level', (eb) => eb.fn.countAll().as('total')])
    .groupBy(['supervision_findings.raised_on', 'supervision_findings.level'])
    .execute();
  return rows.map((row) => ({ day: row.raised_on, level: row.level, count: toCount(row.total) }));
}

/** Findings raised in the period per unit, category and level, narrowed by the filter. */
export async function countFindingsByUnitCategoryLevel(
  db: DbExecutor,
  scope: DataScope,
  filter: FindingCountFilter,
): Promise<Array<{ unitId: string; unitName: string; category: string; level: string; count: number }>> {
  let query = findingsInPeriod(db, scope, filter);
  if (filter.unitPath !== undefined) query = query.where(sql<boolean>`units.path like ${escapeLikePrefix(filter.unitPath)} escape '\\'`);
  if (filter.category !== undefined) query = query.where('supervision_findings.category', '=', filter.category);
  if (filter.level !== undefined) query = query.where('supervision_findings.level', '=', filter.level);
  const rows = await query
    .select(['supervision_findings.unit_id', 'units.name as unit_name', 'supervision_findings.category', 'supervision_findings.level', (eb) => eb.fn.countAll().as('total')])
    .groupBy(['supervision_findings.unit_id', 'units.name', 'supervision_findings.category', 'supervision_findings.level'])
    .execute();
  return rows.map((row) => ({ unitId: row.unit_id, unitName: row.unit_name, category: row.category, level: row.level, count: toCount(row.total) }));
}

function escapeLikePrefix(path: string): string {
  return `${path.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Findings in the scope waiting for the unit's answer (open) or for the office's review (responded), whenever raised. */
export async function countFindingsAwaitingHandling(db: DbExecutor, scope: DataScope): Promise<{ open: number; responded: number }> {
  const rows = await findingsInScope(db, scope)
    .where('supervision_findings.status', 'in', ['open', 'responded'])
    .select(['supervision_findings.status', (eb) => eb.fn.countAll().as('total')])
    .groupBy('supervision_findings.status')
    .execute();
  const count = (status: string) => toCount(rows.find((row) => row.status === status)?.total);
  return { open: count('open'), responded: count('responded') };
}

/** The newest findings in the scope (through the raised_at index). */
export function findNewestFindings(db: DbExecutor, scope: DataScope, limit: number): Promise<FindingWithUnit[]> {
  return findingsInScope(db, scope)
    .selectAll('supervision_findings')
    .select(['units.name as unit_name', 'units.path as unit_path'])
    .orderBy('supervision_findings.raised_at', 'desc')
    .orderBy('supervision_findings.id', 'desc')
    .limit(limit)
    .execute();
}

/** A unit's name and materialised path, or undefined. */
export function findUnitNameAndPath(db: DbExecutor, unitId: string): Promise<{ name: string; path: string } | undefined> {
  return db.selectFrom('units').select(['name', 'path']).where('id', '=', unitId).executeTakeFirst();
}

/** The name of the unit at a materialised path, or undefined. */
export async function findUnitNameByPath(db: DbExecutor, path: string): Promise<string | undefined> {
  return (await db.selectFrom('units').select('name').where('path', '=', path).executeTakeFirst())?.name;
}
