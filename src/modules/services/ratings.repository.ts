// All SQL on service ratings (好差评) and the rectification records bad ratings open.
import type { Insertable, Updateable } from 'kysely';
import { scopeCondition, type DataScope } from '../../core/auth/data-scope.ts';
import type { DbExecutor } from '../../core/db/database.ts';
import { toCount } from '../../core/db/values.ts';
import type { CaseRatingsTable, RectificationsTable } from './services.tables.ts';

/** Inserts a rating; the unique case_id makes a second rating of the same case fail. */
export async function insertRating(db: DbExecutor, row: Insertable<CaseRatingsTable>): Promise<void> {
  await db.insertInto('case_ratings').values(row).execute();
}

/** The rating of a case, or undefined. */
export function findRatingOfCase(db: DbExecutor, caseId: string) {
  return db.selectFrom('case_ratings').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

/** Inserts a rectification record. */
export async function insertRectification(db: DbExecutor, row: Insertable<RectificationsTable>): Promise<void> {
  await db.insertInto('rectifications').values(row).execute();
}

/** Updates a rectification record. */
export async function updateRectification(db: DbExecutor, id: string, changes: Updateable<RectificationsTable>): Promise<void> {
  await db.updateTable('rectifications').set(changes).where('id', '=', id).execute();
}

function selectRectifications(db: DbExecutor) {
  return db
    .selectFrom('rectifications')
    .innerJoin('case_ratings', 'case_ratings.id', 'rectifications.rating_id')
    .innerJoin('cases', 'cases.id', 'rectifications.case_id')
    .innerJoin('service_items', 'service_items.id', 'cases.item_id')
    .innerJoin('units', 'units.id', 'rectifications.unit_id')
    .selectAll('rectifications')
    .select(['case_ratings.level', 'case_ratings.comment', 'case_ratings.created_at as rated_at', 'cases.case_number', 'cases.applicant_name', 'cases.applicant_phone', 'service_items.name as item_name', 'units.name as unit_name', 'units.path as unit_path']);
}

/** One rectification record with its rating and case, or undefined. */
export function findRectificationById(db: DbExecutor, id: string) {
  return selectRectifications(db).where('rectifications.id', '=', id).executeTakeFirst();
}

/** The rectification of a case, or undefined. */
export function findRectificationOfCase(db: DbExecutor, caseId: string) {
  return selectRectifications(db).where('rectifications.case_id', '=', caseId).executeTakeFirst();
}

/** A page of rectification records in a data scope, open ones and the soonest due first. */
export async function findRectifications(db: DbExecutor, scope: DataScope, filter: { status?: 'open' | 'done' | undefined }, page: number, pageSize: number) {
  let query = selectRectifications(db).where((eb) => scopeCondition(eb, scope, { unitIdColumn: 'rectifications.unit_id', unitPathColumn: 'units.path', ownerColumn: 'rectifications.handled_by' }));
  if (filter.status) query = query.where('rectifications.status', '=', filter.status);
  const [items, count] = await Promise.all([
    query.orderBy('rectifications.status', 'desc').orderBy('rectifications.due_on').orderBy('rectifications.id').limit(pageSize).offset((page - 1) * pageSize).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: toCount(count.total) };
}
