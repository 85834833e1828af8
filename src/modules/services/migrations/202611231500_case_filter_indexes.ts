// Status and time-state filters of the case search read the newest cases of a unit in order; the
// queue no longer sorts cases by deadline (tasks carry their due date), so that index gives way.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_unit_status').execute();
  await db.schema.createIndex('cases_unit_status_submitted').on('cases').columns(['unit_id', 'status', 'submitted_at']).execute();
  await db.schema.createIndex('cases_unit_time_submitted').on('cases').columns(['unit_id', 'time_state', 'submitted_at']).execute();
}
