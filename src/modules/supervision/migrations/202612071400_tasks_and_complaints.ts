// 督查督办 and 投诉: the supervising office's orders to a unit with the unit's replies, and the public's
// complaints about a unit or one of their cases, each with its history. Both are supervised subjects of the
// generic engine (their reply deadlines live in supervision_subjects), so only their own facts are here. The
// China dates beside the timestamps (created_on, first_replied_on) are what the performance statistics count by.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Readable numbers (DB2026-0001, TS2026-0001), one counter per kind and year; safe under concurrent inserts.
  await db.schema
    .createTable('supervision_counters')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('supervision_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_number', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('office_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('issued_by_name', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    // open: waits for the unit's reply; answered: waits for the office; closed: accepted.
    .addColumn('status', 'text', (c) => c.notNull())
    // The China date of the unit's first reply: a task answered after its due date was overdue.
    .addColumn('first_replied_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('supervision_tasks_unit').on('supervision_tasks').columns(['unit_id', 'status']).execute();
  await db.schema.createIndex('supervision_tasks_due').on('supervision_tasks').columns(['due_on', 'unit_id']).execute();
  await db.schema.createIndex('supervision_tasks_created').on('supervision_tasks').columns(['created_at']).execute();

  await db.schema
    .createTable('supervision_task_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('supervision_tasks.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_unit_id', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supervision_task_actions_task').on('supervision_task_actions').columns(['task_id', 'occurred_at']).execute();

  await db.schema
    .createTable('supervision_complaints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_number', 'text', (c) => c.notNull().unique())
    .addColumn('complainant_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('complainant_kind', 'text', (c) => c.notNull())
    .addColumn('complainant_name', 'text', (c) => c.notNull())
    .addColumn('contact_phone', 'text')
    // The case complained about (its number kept for display); null for a complaint about a unit.
    .addColumn('case_id', 'text')
    .addColumn('case_number', 'text')
    // The unit complained about, and the supervising office that handles the complaint.
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('office_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    // submitted → handling (a note recorded) → replied.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('reply', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('replied_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supervision_complaints_complainant').on('supervision_complaints').columns(['complainant_user_id', 'created_at']).execute();
  await db.schema.createIndex('supervision_complaints_office').on('supervision_complaints').columns(['office_unit_id', 'status']).execute();
  await db.schema.createIndex('supervision_complaints_unit').on('supervision_complaints').columns(['unit_id', 'created_on']).execute();
  await db.schema.createIndex('supervision_complaints_created').on('supervision_complaints').columns(['created_on']).execute();

  await db.schema
    .createTable('supervision_complaint_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('supervision_complaints.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_unit_id', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supervision_complaint_actions_complaint').on('supervision_complaint_actions').columns(['complaint_id', 'occurred_at']).execute();
}
