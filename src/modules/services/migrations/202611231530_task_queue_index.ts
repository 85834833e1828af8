// The work queue reads case_tasks_due (unit, status, due date); the older (unit, status, permission)
// index only added writes to every transition.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('case_tasks_queue').execute();
}
