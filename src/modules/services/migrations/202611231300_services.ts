// Service items with versioned guides and processes, themes, life events, cases with their event
// history, tasks (steps and countersigns), materials, application drafts and case-number counters.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('service_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('basic_code', 'text', (c) => c.notNull())
    .addColumn('variant_code', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('implementation_code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('item_type', 'text', (c) => c.notNull())
    .addColumn('case_kind', 'text', (c) => c.notNull())
    .addColumn('audiences', 'text', (c) => c.notNull())
    .addColumn('promised_days', 'integer')
    .addColumn('online_application', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_version_id', 'text')
    .addColumn('working_version_id', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('retired_at', 'text')
    .execute();
  await db.schema.createIndex('service_items_unit').on('service_items').columns(['unit_id', 'status']).execute();
  await db.schema.createIndex('service_items_status').on('service_items').columns(['status', 'name']).execute();

  await db.schema
    .createTable('service_item_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('service_items.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('guide', 'text', (c) => c.notNull())
    .addColumn('process', 'text', (c) => c.notNull())
    .addColumn('review_note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('service_item_versions_number', ['item_id', 'version_no'])
    .execute();

  await db.schema
    .createTable('service_item_themes')
    .addColumn('item_id', 'text', (c) => c.notNull().references('service_items.id'))
    .addColumn('theme_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_item_themes_pk', ['item_id', 'theme_code'])
    .execute();
  await db.schema.createIndex('service_item_themes_theme').on('service_item_themes').column('theme_code').execute();

  await db.schema
    .createTable('life_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('life_event_items')
    .addColumn('life_event_id', 'text', (c) => c.notNull().references('life_events.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('service_items.id'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('life_event_items_pk', ['life_event_id', 'item_id'])
    .execute();

  await db.schema
    .createTable('case_number_counters')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_number', 'text', (c) => c.notNull().unique())
    .addColumn('query_code', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull().references('service_items.id'))
    .addColumn('item_version_id', 'text', (c) => c.notNull().references('service_item_versions.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('intake_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('applicant_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant_id_number', 'text', (c) => c.notNull())
    .addColumn('applicant_phone', 'text')
    .addColumn('applicant_email', 'text')
    .addColumn('form_data', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('current_step_key', 'text')
    .addColumn('case_kind', 'text', (c) => c.notNull())
    .addColumn('promised_days', 'integer', (c) => c.notNull())
    .addColumn('statutory_days', 'integer')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('concluded_at', 'text')
    .addColumn('case_deadline', 'text')
    .addColumn('step_deadline', 'text')
    .addColumn('time_state', 'text', (c) => c.notNull())
    .addColumn('remaining_days', 'integer')
    .addColumn('next_check_on', 'text')
    .addColumn('handler_user_id', 'text')
    .addColumn('supplement_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fine_amount', 'real')
    .addColumn('penalty_circumstance', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('submission_key', 'text')
    .addColumn('external_system_id', 'text')
    .addColumn('external_case_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('cases_submission', ['applicant_user_id', 'submission_key'])
    .addUniqueConstraint('cases_external', ['external_system_id', 'external_case_id'])
    .execute();
  await db.schema.createIndex('cases_unit_status').on('cases').columns(['unit_id', 'status', 'case_deadline']).execute();
  await db.schema.createIndex('cases_applicant').on('cases').columns(['applicant_user_id', 'submitted_at']).execute();
  await db.schema.createIndex('cases_submitted').on('cases').column('submitted_at').execute();
  await db.schema.createIndex('cases_item').on('cases').columns(['item_id', 'submitted_at']).execute();
  await db.schema.createIndex('cases_next_check').on('cases').column('next_check_on').execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('step_key', 'text')
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_unit_id', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addUniqueConstraint('case_events_seq', ['case_id', 'seq'])
    .execute();

  await db.schema
    .createTable('case_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('step_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('permission', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('touched_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('opinion', 'text')
    .execute();
  await db.schema.createIndex('case_tasks_queue').on('case_tasks').columns(['unit_id', 'status', 'permission']).execute();
  await db.schema.createIndex('case_tasks_case').on('case_tasks').columns(['case_id', 'status']).execute();

  await db.schema
    .createTable('case_materials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('material_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text')
    .addColumn('licence_reference', 'text')
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_materials_case').on('case_materials').column('case_id').execute();

  await db.schema
    .createTable('application_drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('service_items.id'))
    .addColumn('form_data', 'text', (c) => c.notNull())
    .addColumn('materials', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('application_drafts_user').on('application_drafts').columns(['user_id', 'updated_at']).execute();
}
