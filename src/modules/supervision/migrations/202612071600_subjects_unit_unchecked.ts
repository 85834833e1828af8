// The watched subjects lose their foreign key to units. The table is derived: re-evaluation rebuilds it from
// the cases (and items, tasks, complaints) it watches, whose own rows hold the checked reference to their unit,
// and units are never deleted. On PostgreSQL the check is a trigger running a query for every row written:
// re-evaluating two million cases from scratch spent a third of its time checking units the cases had already
// checked. SQLite cannot drop a constraint, so there the table is rebuilt with the same columns, key and index.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../../core/db/database.ts';

export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await db.schema.alterTable('supervision_subjects').dropConstraint('supervision_subjects_unit_id_fkey').execute();
    return;
  }
  await db.schema
    .createTable('supervision_subjects_rebuilt')
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('scope_key', 'text')
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('deadlines_json', 'text', (c) => c.notNull())
    .addColumn('next_check_on', 'text')
    .addColumn('evaluated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('supervision_subjects_pk', ['subject_type', 'subject_id'])
    .execute();
  await sql`insert into supervision_subjects_rebuilt select subject_type, subject_id, unit_id, scope_key, label, deadlines_json, next_check_on, evaluated_at from supervision_subjects`.execute(db);
  await db.schema.dropTable('supervision_subjects').execute();
  await db.schema.alterTable('supervision_subjects_rebuilt').renameTo('supervision_subjects').execute();
  await db.schema.createIndex('supervision_subjects_next_check').on('supervision_subjects').column('next_check_on').execute();
}
