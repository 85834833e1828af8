// Electronic supervision's storage: the rules the supervising office configures, the subjects it watches
// (each with the next day it must be looked at, found through an index), the findings (one row per
// finding key, so two nodes or a retried event can never raise the same finding twice), each finding's
// history, and which unit supervises which part of the organisation.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('supervision_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('deadline_kind', 'text', (c) => c.notNull())
    // '' for the rule over every subject; otherwise the scope (a service item's id) it overrides the general rule for.
    .addColumn('scope_key', 'text', (c) => c.notNull().defaultTo(''))
    // Thresholds of a timeliness rule; the level (and any threshold) of a check of the record.
    .addColumn('settings_json', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addUniqueConstraint('supervision_rules_code_scope', ['code', 'scope_key'])
    .execute();
  await db.schema.createIndex('supervision_rules_subject').on('supervision_rules').columns(['subject_type', 'category']).execute();

  await db.schema
    .createTable('supervision_subjects')
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('scope_key', 'text')
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('deadlines_json', 'text', (c) => c.notNull())
    .addColumn('next_check_on', 'text')
    .addColumn('evaluated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('supervision_subjects_pk', ['subject_type', 'subject_id'])
    .execute();
  await db.schema.createIndex('supervision_subjects_next_check').on('supervision_subjects').column('next_check_on').execute();

  await db.schema
    .createTable('supervision_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('finding_key', 'text', (c) => c.notNull().unique())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('rule_code', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('subject_label', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('deadline_key', 'text')
    .addColumn('due_on', 'text')
    // What the record shows, for checks of the record (a timeliness finding is described by its deadline).
    .addColumn('detail', 'text')
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('raised_on', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supervision_findings_subject').on('supervision_findings').columns(['subject_type', 'subject_id']).execute();
  await db.schema.createIndex('supervision_findings_unit').on('supervision_findings').columns(['unit_id', 'raised_at']).execute();
  await db.schema.createIndex('supervision_findings_raised').on('supervision_findings').columns(['raised_at']).execute();

  await db.schema
    .createTable('supervision_finding_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('finding_id', 'text', (c) => c.notNull().references('supervision_findings.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_unit_id', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supervision_finding_actions_finding').on('supervision_finding_actions').columns(['finding_id', 'occurred_at']).execute();

  await db.schema
    .createTable('supervision_offices')
    .addColumn('office_unit_id', 'text', (c) => c.primaryKey().references('units.id'))
    .addColumn('supervised_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
