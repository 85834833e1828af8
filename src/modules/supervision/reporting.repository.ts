// SQL of the provincial delivery log (数据上报).
import { sql, type Selectable } from 'kysely';
import type { DbExecutor } from '../../core/db/database.ts';
import { toCount } from '../../core/db/values.ts';

export type ReportStatus = 'pending' | 'sent' | 'dead';

export interface ProvincialReportsTable {
  id: string;
  kind: 'case' | 'finding';
  event: string;
  subject_id: string;
  payload_json: string;
  status: ReportStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}
export type ProvincialReportRow = Selectable<ProvincialReportsTable>;

declare module '../../core/db/database.ts' {
  interface Database {
    provincial_reports: ProvincialReportsTable;
  }
}

/** Queues a report unless one with its id exists (a redelivered event). */
export async function insertReportIfNew(db: DbExecutor, row: ProvincialReportRow): Promise<void> {
  await db.insertInto('provincial_reports').values(row).onConflict((conflict) => conflict.column('id').doNothing()).execute();
}

/** Reports due for (another) attempt, oldest first. */
export function findDueReports(db: DbExecutor, now: string, limit: number): Promise<ProvincialReportRow[]> {
  return db.selectFrom('provincial_reports').selectAll().where('status', '=', 'pending').where('next_attempt_at', '<=', now).orderBy('created_at').orderBy('id').limit(limit).execute();
}

/** Marks a batch delivered. */
export async function markReportsSent(db: DbExecutor, ids: string[], now: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('provincial_reports').set({ status: 'sent', sent_at: now, last_error: null, attempts: sql`attempts + 1` }).where('id', 'in', ids).execute();
}

/** Records a failed attempt of one report: due again later, or dead after its last attempt. */
export async function markReportFailed(db: DbExecutor, id: string, changes: { status: ReportStatus; attempts: number; next_attempt_at: string; last_error: string }): Promise<void> {
  await db.updateTable('provincial_reports').set(changes).where('id', '=', id).execute();
}

/** A page of the delivery log, newest first, optionally by status. */
export async function findReports(db: DbExecutor, status: ReportStatus | undefined, page: number, pageSize: number): Promise<{ items: ProvincialReportRow[]; total: number }> {
  let query = db.selectFrom('provincial_reports');
  if (status) query = query.where('status', '=', status);
  const [items, count] = await Promise.all([
    query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    query.select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: toCount(count.count) };
}

/** One report, or undefined. */
export function findReportById(db: DbExecutor, id: string): Promise<ProvincialReportRow | undefined> {
  return db.selectFrom('provincial_reports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Puts a dead report back in the queue (a person asked to retry it). */
export async function requeueReport(db: DbExecutor, id: string, now: string): Promise<boolean> {
  const result = await db.updateTable('provincial_reports').set({ status: 'pending', attempts: 0, next_attempt_at: now }).where('id', '=', id).where('status', '=', 'dead').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
