// All SQL of the job queue (`jobs`) and of periodic schedules (`job_schedules`). Claims are safe with many app
// nodes: PostgreSQL locks the chosen rows with `for update skip locked`; SQLite claims with one UPDATE … RETURNING.
// `attempts` is incremented by the claim and doubles as a fencing token: a node whose lease expired cannot
// record a result over the attempt of the node that reclaimed the job.
import { sql, type Selectable } from 'kysely';
import { dialectOf, type Db, type DbExecutor } from '../db/database.ts';

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

export interface JobsTable {
  id: string;
  name: string;
  payload_json: string;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_at: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface JobSchedulesTable {
  name: string;
  interval_seconds: number;
  next_run_at: string;
  last_run_at: string | null;
  last_run_by: string | null;
  last_error: string | null;
}

declare module '../db/database.ts' {
  interface Database {
    jobs: JobsTable;
    job_schedules: JobSchedulesTable;
  }
}

export type JobRow = Selectable<JobsTable>;
export type JobScheduleRow = Selectable<JobSchedulesTable>;

// Two-key advisory locks live apart from the one-key locks other parts use (the audit chain's).
const SCHEDULE_LOCK_NAMESPACE = 7_201_127;
const MAX_ERROR_LENGTH = 4000;

/** Error text as stored: bounded, never empty. */
export function truncateError(message: string): string {
  const text = message || 'unknown error';
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

/** Inserts a pending job (in the caller's transaction). */
export async function insertJob(tx: DbExecutor, row: Pick<JobRow, 'id' | 'name' | 'payload_json' | 'max_attempts' | 'run_at' | 'created_at'>): Promise<void> {
  await tx
    .insertInto('jobs')
    .values({ ...row, status: 'pending', attempts: 0 })
    .execute();
}

/** The job with this id, or undefined. */
export function findJobById(db: DbExecutor, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface JobClaim {
  /** Only jobs this worker knows how to run. */
  names: string[];
  workerId: string;
  now: string;
  lockedUntil: string;
}

/** Takes the oldest due pending job among `names` for this worker (status running, lease set), or undefined. */
export async function claimNextDueJob(db: Db, claim: JobClaim): Promise<JobRow | undefined> {
  if (claim.names.length === 0) return undefined;
  const lease = {
    status: 'running' as const,
    attempts: sql<number>`attempts + 1`,
    locked_by: claim.workerId,
    locked_until: claim.lockedUntil,
  };
  if (dialectOf(db) === 'postgres') {
    return db.transaction().execute(async (tx) => {
      const due = await tx
        .selectFrom('jobs')
        .select('id')
        .where('status', '=', 'pending')
        .where('run_at', '<=', claim.now)
        .where('name', 'in', claim.names)
        .orderBy('run_at')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!due) return undefined;
      return tx.updateTable('jobs').set(lease).where('id', '=', due.id).returningAll().executeTakeFirst();
    });
  }
  return db
    .updateTable('jobs')
    .set(lease)
    .where('status', '=', 'pending')
    .where('id', '=', (eb) =>
      eb
        .selectFrom('jobs')
        .select('id')
        .where('status', '=', 'pending')
        .where('run_at', '<=', claim.now)
        .where('name', 'in', claim.names)
        .orderBy('run_at')
        .limit(1),
    )
    .returningAll()
    .executeTakeFirst();
}

export interface JobAttempt {
  id: string;
  workerId: string;
  /** The attempts value the claim returned: the fencing token. */
  attempts: number;
}

async function finishAttempt(db: DbExecutor, attempt: JobAttempt, changes: Partial<JobsTable>): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ ...changes, locked_until: null })
    .where('id', '=', attempt.id)
    .where('status', '=', 'running')
    .where('locked_by', '=', attempt.workerId)
    .where('attempts', '=', attempt.attempts)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Records success; false when this worker no longer held the job (its lease expired and it was reclaimed). */
export function markJobDone(db: DbExecutor, attempt: JobAttempt, now: string): Promise<boolean> {
  return finishAttempt(db, attempt, { status: 'done', finished_at: now, last_error: null });
}

/** Puts the job back in the queue for another attempt at `runAt`. */
export function markJobForRetry(db: DbExecutor, attempt: JobAttempt, runAt: string, error: string): Promise<boolean> {
  return finishAttempt(db, attempt, { status: 'pending', run_at: runAt, last_error: truncateError(error) });
}

/** Gives the job up: status failed with the last error. */
export function markJobFailed(db: DbExecutor, attempt: JobAttempt, now: string, error: string): Promise<boolean> {
  return finishAttempt(db, attempt, { status: 'failed', finished_at: now, last_error: truncateError(error) });
}

/** Returns running jobs whose lease ran out (their node died) to the queue, or fails them when out of attempts. */
export async function reclaimExpiredJobs(db: DbExecutor, now: string): Promise<number> {
  const result = await db
    .updateTable('jobs')
    .set({
      status: sql<JobStatus>`case when attempts >= max_attempts then 'failed' else 'pending' end`,
      finished_at: sql<string | null>`case when attempts >= max_attempts then ${now} else null end`,
      locked_until: null,
      last_error: 'The lease expired before the job finished (the node running it stopped or the job ran too long)',
    })
    .where('status', '=', 'running')
    .where('locked_until', '<=', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Creates the schedule row of a periodic job unless one exists (safe when several nodes start at once). */
export async function ensureSchedule(db: DbExecutor, name: string, intervalSeconds: number, firstRunAt: string): Promise<void> {
  await db
    .insertInto('job_schedules')
    .values({ name, interval_seconds: intervalSeconds, next_run_at: firstRunAt })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute();
  await db
    .updateTable('job_schedules')
    .set({ interval_seconds: intervalSeconds })
    .where('name', '=', name)
    .where('interval_seconds', '<>', intervalSeconds)
    .execute();
}

/** The schedule row of a periodic job, or undefined. */
export function findSchedule(db: DbExecutor, name: string): Promise<JobScheduleRow | undefined> {
  return db.selectFrom('job_schedules').selectAll().where('name', '=', name).executeTakeFirst();
}

export interface PeriodClaim {
  name: string;
  /** The next_run_at this node read: the compare-and-set only succeeds if nobody moved it since. */
  expectedNextRunAt: string;
  nextRunAt: string;
  now: string;
  nodeId: string;
}

/** Compare-and-set on next_run_at: true for exactly one node per period. */
export async function claimSchedulePeriod(db: DbExecutor, claim: PeriodClaim): Promise<boolean> {
  const result = await db
    .updateTable('job_schedules')
    .set({ next_run_at: claim.nextRunAt, last_run_at: claim.now, last_run_by: claim.nodeId })
    .where('name', '=', claim.name)
    .where('next_run_at', '=', claim.expectedNextRunAt)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Stores how the last run of a periodic job ended (null error = success). */
export async function recordScheduleOutcome(db: DbExecutor, name: string, error: string | null): Promise<void> {
  await db
    .updateTable('job_schedules')
    .set({ last_error: error === null ? null : truncateError(error) })
    .where('name', '=', name)
    .execute();
}

/** PostgreSQL: takes the session-level lock of a schedule without waiting; `connection` must stay pinned until unlock. */
export async function tryLockSchedule(connection: DbExecutor, name: string): Promise<boolean> {
  const result = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${SCHEDULE_LOCK_NAMESPACE}, hashtext(${name})) as locked`.execute(connection);
  return result.rows[0]?.locked === true;
}

/** PostgreSQL: releases the lock taken by tryLockSchedule on the same connection. */
export async function unlockSchedule(connection: DbExecutor, name: string): Promise<void> {
  await sql`select pg_advisory_unlock(${SCHEDULE_LOCK_NAMESPACE}, hashtext(${name}))`.execute(connection);
}
