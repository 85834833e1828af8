// Indexes that keep the work queue and the case search fast with millions of cases: newest-first
// per deciding unit and per receiving hall, prefix lookups of case numbers and applicant names.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('cases_unit_submitted').on('cases').columns(['unit_id', 'submitted_at']).execute();
  await db.schema.createIndex('cases_intake_submitted').on('cases').columns(['intake_unit_id', 'submitted_at']).execute();
  await db.schema.createIndex('cases_applicant_name').on('cases').column('applicant_name').execute();
  await db.schema.createIndex('cases_status_submitted').on('cases').columns(['status', 'submitted_at']).execute();
}
