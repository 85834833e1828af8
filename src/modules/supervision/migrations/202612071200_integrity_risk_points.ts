// 廉政风险点: the register of integrity risks per item and step, kept by the supervising office. A point may
// require a second approver at its step, which the record checks enforce (legality.second_approver).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('integrity_risk_points')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('service_items.id'))
    .addColumn('step_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('risk_type', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('control_measures', 'text', (c) => c.notNull())
    .addColumn('requires_second_approver', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema.createIndex('integrity_risk_points_item').on('integrity_risk_points').columns(['item_id', 'step_key']).execute();
}
