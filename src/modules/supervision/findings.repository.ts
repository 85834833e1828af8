// SQL of the findings pages and their handling: lists in the viewer's scope, one finding, its history.
import { sql } from 'kysely';
import { scopeCondition, type DataScope } from '../../core/auth/data-scope.ts';
import type { DbExecutor } from '../../core/db/database.ts';
import { toCount } from '../../core/db/values.ts';
import type { FindingFilter } from './supervision.schema.ts';
import type { FindingStatus, SupervisionFindingRow } from './supervision.tables.ts';

export type FindingWithUnit = SupervisionFindingRow & { unit_name: string; unit_path: string; unit_credit_code?: string | null };

function selectFindingsWithUnit(db: DbExecutor) {
  return db.selectFrom('supervision_findings').innerJoin('units', 'units.id', 'supervision_findings.unit_id').selectAll('supervision_findings').select(['units.name as unit_name', 'units.path as unit_path', 'units.credit_code as unit_credit_code']);
}

/** A page of findings in the scope, newest first. */
export async function findFindings(db: DbExecutor, scope: DataScope, filter: FindingFilter, page: number, pageSize: number): Promise<{ items: FindingWithUnit[]; total: number }> {
  let query = db
    .selectFrom('supervision_findings')
    .innerJoin('units', 'units.id', 'supervision_findings.unit_id')
    .where((eb) => scopeCondition(eb, scope, { unitIdColumn: 'supervision_findings.unit_id', unitPathColumn: 'units.path', ownerColumn: 'supervision_findings.unit_id' }));
  if (filter.level) query = query.where('supervision_findings.level', '=', filter.level);
  if (filter.status) query = query.where('supervision_findings.status', '=', filter.status);
  if (filter.category) query = query.where('supervision_findings.category', '=', filter.category);
  if (filter.unitId) query = query.where('supervision_findings.unit_id', '=', filter.unitId);
  if (filter.subjectType) query = query.where('supervision_findings.subject_type', '=', filter.subjectType);
  if (filter.subjectId) query = query.where('supervision_findings.subject_id', '=', filter.subjectId);
  if (filter.resolved !== undefined) query = query.where('supervision_findings.resolved_at', filter.resolved ? 'is not' : 'is', null);
  const [items, count] = await Promise.all([
    query.selectAll('supervision_findings').select(['units.name as unit_name', 'units.path as unit_path', 'units.credit_code as unit_credit_code']).orderBy('supervision_findings.raised_at', 'desc').orderBy('supervision_findings.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    query.select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: toCount(count.count) };
}

/** One finding with its unit, or undefined. */
export function findFindingById(db: DbExecutor, id: string): Promise<FindingWithUnit | undefined> {
  return selectFindingsWithUnit(db).where('supervision_findings.id', '=', id).executeTakeFirst();
}

/** A finding's history, oldest first. */
export function findFindingActions(db: DbExecutor, findingId: string) {
  return db.selectFrom('supervision_finding_actions').selectAll().where('finding_id', '=', findingId).orderBy('occurred_at').orderBy('id').execute();
}

/** Moves a finding from one handling status to the next; false when it was no longer in `from` (someone else acted). */
export async function updateFindingStatus(db: DbExecutor, id: string, from: FindingStatus, to: FindingStatus, now: string): Promise<boolean> {
  const result = await db.updateTable('supervision_findings').set({ status: to, updated_at: now }).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The finding an action belongs to, for deciding who may read the action's files. */
export function findFindingOfAction(db: DbExecutor, actionId: string): Promise<FindingWithUnit | undefined> {
  return selectFindingsWithUnit(db).innerJoin('supervision_finding_actions', 'supervision_finding_actions.finding_id', 'supervision_findings.id').where('supervision_finding_actions.id', '=', actionId).executeTakeFirst();
}

/** Findings raised per unit and level between two China dates (inclusive), for the performance scores. */
export async function countFindingsByUnit(db: DbExecutor, period: { from: string; to: string }): Promise<Array<{ unitId: string; level: string; count: number }>> {
  const rows = await db
    .selectFrom('supervision_findings')
    .select(['unit_id', 'level', sql<number>`count(*)`.as('count')])
    .where('raised_on', '>=', period.from)
    .where('raised_on', '<=', period.to)
    .groupBy(['unit_id', 'level'])
    .execute();
  return rows.map((row) => ({ unitId: row.unit_id, level: row.level, count: toCount(row.count) }));
}
