// Supervision reads, for every running case, when the open task of its current step opened (the step
// deadline's identity). A partial index over open tasks by case and step answers that from the index alone;
// re-evaluating two million cases spent most of its reading time on that lookup without it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('case_tasks_open_step').on('case_tasks').columns(['case_id', 'step_key', 'opened_at']).where(sql.ref('status'), '=', sql.lit('open')).execute();
}
