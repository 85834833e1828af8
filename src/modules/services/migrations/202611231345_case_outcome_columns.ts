// What the statistics read of an ended case without recomputing its clock: the China date it ended,
// whether that was after its deadline, and how many working days it used.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('ended_on', 'text').execute();
  await db.schema.alterTable('cases').addColumn('ended_late', 'integer').execute();
  await db.schema.alterTable('cases').addColumn('used_days', 'integer').execute();
  await db.schema.createIndex('cases_ended').on('cases').columns(['ended_on', 'unit_id']).execute();
}
