// The work queue reads only open tasks. Partial indexes over them stay a fraction of the task table's size,
// a closed task simply leaves them, and they carry the permission and time state the queue filters on, so
// counting a unit's overdue tasks reads the index alone. The case search's status and time-state indexes
// each gain the other column for the same reason: whichever the planner picks, "in progress and overdue"
// is filtered and counted in the index without visiting the cases themselves.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('case_tasks_due').execute();
  await db.schema.createIndex('case_tasks_open_due').on('case_tasks').columns(['unit_id', 'due_on', 'opened_at', 'permission', 'time_state']).where(sql.ref('status'), '=', sql.lit('open')).execute();
  await db.schema.createIndex('case_tasks_open_time').on('case_tasks').columns(['unit_id', 'time_state', 'due_on', 'opened_at', 'permission']).where(sql.ref('status'), '=', sql.lit('open')).execute();
  await db.schema.dropIndex('cases_unit_time_submitted').execute();
  await db.schema.createIndex('cases_unit_time_submitted').on('cases').columns(['unit_id', 'time_state', 'submitted_at', 'status']).execute();
  await db.schema.dropIndex('cases_unit_status_submitted').execute();
  await db.schema.createIndex('cases_unit_status_submitted').on('cases').columns(['unit_id', 'status', 'submitted_at', 'time_state']).execute();
}
