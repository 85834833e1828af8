// The work queue sorts open tasks by their due date and filters them by the case's time state; both are
// kept on the task itself (updated with the case's clock), so the queue of a busy service hall is
// read from one index instead of sorting every open case.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_tasks').addColumn('due_on', 'text', (c) => c.notNull().defaultTo('9999-12-31')).execute();
  await db.schema.alterTable('case_tasks').addColumn('time_state', 'text', (c) => c.notNull().defaultTo('not_started')).execute();
  await sql`update case_tasks set
      due_on = coalesce((select coalesce(cases.step_deadline, cases.case_deadline) from cases where cases.id = case_tasks.case_id), '9999-12-31'),
      time_state = coalesce((select cases.time_state from cases where cases.id = case_tasks.case_id), 'not_started')
    where status = 'open'`.execute(db);
  await db.schema.createIndex('case_tasks_due').on('case_tasks').columns(['unit_id', 'status', 'due_on', 'opened_at']).execute();
}
