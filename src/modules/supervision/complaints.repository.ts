// All SQL of complaints (投诉): a complainant's own, the ones in a supervising office's scope, one complaint
// and its history, which office handles a unit, and the counts per unit the performance scores read.
import { sql, type Insertable } from 'kysely';
import { scopeCondition, type DataScope } from '../../core/auth/data-scope.ts';
import type { DbExecutor } from '../../core/db/database.ts';
import { toCount } from '../../core/db/values.ts';
import type { ComplaintStatus, SupervisionComplaintActionsTable, SupervisionComplaintRow, SupervisionComplaintsTable } from './complaints.tables.ts';

export type ComplaintWithUnits = SupervisionComplaintRow & { unit_name: string; unit_path: string; office_unit_name: string };

function selectComplaintsWithUnits(db: DbExecutor) {
  return db
    .selectFrom('supervision_complaints')
    .innerJoin('units as unit', 'unit.id', 'supervision_complaints.unit_id')
    .innerJoin('units as office', 'office.id', 'supervision_complaints.office_unit_id')
    .selectAll('supervision_complaints')
    .select(['unit.name as unit_name', 'unit.path as unit_path', 'office.name as office_unit_name']);
}

/** Inserts a complaint. */
export async function insertComplaint(db: DbExecutor, row: Insertable<SupervisionComplaintsTable>): Promise<void> {
  await db.insertInto('supervision_complaints').values(row).execute();
}

/** Appends one entry to a complaint's history. */
export async function insertComplaintAction(db: DbExecutor, row: Insertable<SupervisionComplaintActionsTable>): Promise<void> {
  await db.insertInto('supervision_complaint_actions').values(row).execute();
}

/** A page of one person's complaints, newest first. */
export async function findComplaintsOfComplainant(db: DbExecutor, userId: string, page: number, pageSize: number): Promise<{ items: ComplaintWithUnits[]; total: number }> {
  const query = selectComplaintsWithUnits(db).where('supervision_complaints.complainant_user_id', '=', userId);
  const [items, count] = await Promise.all([
    query.orderBy('supervision_complaints.created_at', 'desc').orderBy('supervision_complaints.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    query.clearSelect().select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: toCount(count.count) };
}

/** A page of complaints about units in the scope, the ones still waiting (soonest due) first. */
export async function findComplaints(db: DbExecutor, scope: DataScope, filter: { status?: ComplaintStatus | undefined; unitId?: string | undefined }, page: number, pageSize: number): Promise<{ items: ComplaintWithUnits[]; total: number }> {
  let query = selectComplaintsWithUnits(db).where((eb) => scopeCondition(eb, scope, { unitIdColumn: 'supervision_complaints.unit_id', unitPathColumn: 'unit.path', ownerColumn: 'supervision_complaints.unit_id' }));
  if (filter.status) query = query.where('supervision_complaints.status', '=', filter.status);
  if (filter.unitId) query = query.where('supervision_complaints.unit_id', '=', filter.unitId);
  const waitingFirst = sql<number>`case when ${sql.ref('supervision_complaints.status')} = 'replied' then 1 else 0 end`;
  const [items, count] = await Promise.all([
    query.orderBy(waitingFirst).orderBy('supervision_complaints.due_on').orderBy('supervision_complaints.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    query.clearSelect().select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: toCount(count.count) };
}

/** One complaint with its units, or undefined. */
export function findComplaintById(db: DbExecutor, id: string): Promise<ComplaintWithUnits | undefined> {
  return selectComplaintsWithUnits(db).where('supervision_complaints.id', '=', id).executeTakeFirst();
}

/** A complaint's history, oldest first. */
export function findComplaintActions(db: DbExecutor, complaintId: string) {
  return db.selectFrom('supervision_complaint_actions').selectAll().where('complaint_id', '=', complaintId).orderBy('occurred_at').orderBy('id').execute();
}

/**
 * Moves a complaint that is still waiting (submitted or handling) to `changes.status`; false when it was already
 * answered, so two replies racing cannot both succeed.
 */
export async function updateWaitingComplaint(db: DbExecutor, id: string, changes: Pick<SupervisionComplaintRow, 'status' | 'updated_at'> & Partial<Pick<SupervisionComplaintRow, 'reply' | 'replied_at' | 'replied_by'>>): Promise<boolean> {
  const result = await db.updateTable('supervision_complaints').set(changes).where('id', '=', id).where('status', 'in', ['submitted', 'handling']).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The supervising office of a unit: the office whose supervised unit is the unit or one above it (its path a
 * prefix of the unit's path); the nearest one when offices are nested. Undefined when no office covers it.
 */
export async function findOfficeSupervising(db: DbExecutor, unitPath: string): Promise<{ office_unit_id: string } | undefined> {
  return db
    .selectFrom('supervision_offices')
    .innerJoin('units', 'units.id', 'supervision_offices.supervised_unit_id')
    .select('supervision_offices.office_unit_id')
    .where(sql<boolean>`substr(cast(${unitPath} as text), 1, length(${sql.ref('units.path')})) = ${sql.ref('units.path')}`)
    .orderBy(sql`length(${sql.ref('units.path')})`, 'desc')
    .orderBy('supervision_offices.office_unit_id')
    .limit(1)
    .executeTakeFirst();
}

/** Complaints per unit complained about, received within a period of China dates [from, to]. For the performance scores. */
export async function countComplaintsByUnit(db: DbExecutor, period: { from: string; to: string }): Promise<Array<{ unitId: string; count: number }>> {
  const rows = await db
    .selectFrom('supervision_complaints')
    .select(['unit_id', sql<number>`count(*)`.as('count')])
    .where('created_on', '>=', period.from)
    .where('created_on', '<=', period.to)
    .groupBy('unit_id')
    .orderBy('unit_id')
    .execute();
  return rows.map((row) => ({ unitId: row.unit_id, count: toCount(row.count) }));
}
