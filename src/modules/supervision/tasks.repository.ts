// All SQL of supervision tasks (督查督办): the tasks in a viewer's scope, one task, its history, the readable
// numbers of tasks and complaints, and the overdue counts the performance scores read.
import { sql, type Insertable } from 'kysely';
import { scopeCondition, type DataScope } from '../../core/auth/data-scope.ts';
import { addCalendarDays } from '../../core/calendar/working-days.ts';
import type { DbExecutor } from '../../core/db/database.ts';
import { toCount } from '../../core/db/values.ts';
import type { SupervisionTaskActionsTable, SupervisionTaskRow, SupervisionTasksTable, TaskStatus } from './tasks.tables.ts';

/** The next number of a counter (e.g. 'task-2026'); safe under concurrent inserts on both databases. */
export async function nextSupervisionNumber(db: DbExecutor, scope: string): Promise<number> {
  const row = await db
    .insertInto('supervision_counters')
    .values({ scope, last_value: 1 })
    .onConflict((conflict) => conflict.column('scope').doUpdateSet({ last_value: sql<number>`supervision_counters.last_value + 1` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return toCount(row.last_value);
}

export type TaskWithUnits = SupervisionTaskRow & { unit_name: string; unit_path: string; office_unit_name: string };

function selectTasksWithUnits(db: DbExecutor) {
  return db
    .selectFrom('supervision_tasks')
    .innerJoin('units as unit', 'unit.id', 'supervision_tasks.unit_id')
    .innerJoin('units as office', 'office.id', 'supervision_tasks.office_unit_id')
    .selectAll('supervision_tasks')
    .select(['unit.name as unit_name', 'unit.path as unit_path', 'office.name as office_unit_name']);
}

/** Inserts a task. */
export async function insertTask(db: DbExecutor, row: Insertable<SupervisionTasksTable>): Promise<void> {
  await db.insertInto('supervision_tasks').values(row).execute();
}

/** Appends one entry to a task's history. */
export async function insertTaskAction(db: DbExecutor, row: Insertable<SupervisionTaskActionsTable>): Promise<void> {
  await db.insertInto('supervision_task_actions').values(row).execute();
}

export interface TaskFilter {
  status?: TaskStatus | undefined;
  unitId?: string | undefined;
}

/** A page of tasks whose unit is in the scope, newest first. */
export async function findTasks(db: DbExecutor, scope: DataScope, filter: TaskFilter, page: number, pageSize: number): Promise<{ items: TaskWithUnits[]; total: number }> {
  let query = selectTasksWithUnits(db).where((eb) => scopeCondition(eb, scope, { unitIdColumn: 'supervision_tasks.unit_id', unitPathColumn: 'unit.path', ownerColumn: 'supervision_tasks.unit_id' }));
  if (filter.status) query = query.where('supervision_tasks.status', '=', filter.status);
  if (filter.unitId) query = query.where('supervision_tasks.unit_id', '=', filter.unitId);
  const [items, count] = await Promise.all([
    query.orderBy('supervision_tasks.created_at', 'desc').orderBy('supervision_tasks.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    query.clearSelect().select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: toCount(count.count) };
}

/** One task with its unit and office, or undefined. */
export function findTaskById(db: DbExecutor, id: string): Promise<TaskWithUnits | undefined> {
  return selectTasksWithUnits(db).where('supervision_tasks.id', '=', id).executeTakeFirst();
}

/** The task an entry of a history belongs to, for deciding who may read the entry's files. */
export function findTaskOfAction(db: DbExecutor, actionId: string): Promise<TaskWithUnits | undefined> {
  return selectTasksWithUnits(db).innerJoin('supervision_task_actions', 'supervision_task_actions.task_id', 'supervision_tasks.id').where('supervision_task_actions.id', '=', actionId).executeTakeFirst();
}

/** A task's history, oldest first. */
export function findTaskActions(db: DbExecutor, taskId: string) {
  return db.selectFrom('supervision_task_actions').selectAll().where('task_id', '=', taskId).orderBy('occurred_at').orderBy('id').execute();
}

/**
 * Moves a task from one status to the next with the given changes; false when it was no longer in `from`
 * (someone else acted first), so two reviewers or two replies cannot both succeed.
 */
export async function updateTaskStatus(db: DbExecutor, id: string, from: TaskStatus, changes: Pick<SupervisionTaskRow, 'status' | 'updated_at'> & Partial<Pick<SupervisionTaskRow, 'closed_at'>>): Promise<boolean> {
  const result = await db.updateTable('supervision_tasks').set(changes).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Keeps the day of a task's first reply (later replies after a return leave it as it is). */
export async function markFirstReply(db: DbExecutor, id: string, day: string): Promise<void> {
  await db.updateTable('supervision_tasks').set({ first_replied_on: day }).where('id', '=', id).where('first_replied_on', 'is', null).execute();
}

/**
 * Tasks per unit that became overdue within a period of China dates [from, to]: the day after the due date lies
 * in it (and not after `today`, so a period still running counts only what has happened) and the unit had not
 * replied by the due date — replied late or not at all. For the performance scores.
 */
export async function countOverdueTasksByUnit(db: DbExecutor, period: { from: string; to: string }, today: string): Promise<Array<{ unitId: string; count: number }>> {
  const lastOverdueDay = period.to < today ? period.to : today;
  const rows = await db
    .selectFrom('supervision_tasks')
    .select(['unit_id', sql<number>`count(*)`.as('count')])
    .where('due_on', '>=', addCalendarDays(period.from, -1))
    .where('due_on', '<=', addCalendarDays(lastOverdueDay, -1))
    .where((eb) => eb.or([eb('first_replied_on', 'is', null), eb('first_replied_on', '>', eb.ref('due_on'))]))
    .groupBy('unit_id')
    .orderBy('unit_id')
    .execute();
  return rows.map((row) => ({ unitId: row.unit_id, count: toCount(row.count) }));
}
