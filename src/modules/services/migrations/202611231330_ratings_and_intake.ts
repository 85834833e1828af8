// Ratings of concluded cases (好差评) with the rectification record a bad rating opens, and the
// external business systems of departments that push their cases in (数据自动上报).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().unique().references('cases.id'))
    .addColumn('rated_by', 'text', (c) => c.references('users.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_ratings_unit').on('case_ratings').columns(['unit_id', 'created_at']).execute();

  await db.schema
    .createTable('rectifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('rating_id', 'text', (c) => c.notNull().unique().references('case_ratings.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('callback_at', 'text')
    .addColumn('callback_note', 'text')
    .addColumn('result', 'text')
    .addColumn('reply_to_applicant', 'text')
    .addColumn('handled_by', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rectifications_unit').on('rectifications').columns(['unit_id', 'status', 'due_on']).execute();

  await db.schema
    .createTable('external_systems')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('credential_prefix', 'text', (c) => c.notNull().unique())
    .addColumn('credential_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute();
}
