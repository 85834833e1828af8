// Prefix search of case numbers and applicant names compares bytes (SQLite's default BINARY collation).
// PostgreSQL compares with the database's linguistic collation, which ignores punctuation such as the
// dashes of a case number, so there the search compares `collate "C"` and needs indexes built that way.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  if (!db.getExecutor().adapter.constructor.name.startsWith('Postgres')) return;
  await db.schema.createIndex('cases_case_number_bytes').on('cases').expression(sql`case_number collate "C"`).execute();
  await db.schema.createIndex('cases_applicant_name_bytes').on('cases').expression(sql`applicant_name collate "C"`).execute();
}
