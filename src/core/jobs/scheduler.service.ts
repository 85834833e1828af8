// Periodic jobs that run once per period per cluster, however many nodes run a scheduler. Each period is
// claimed with a compare-and-set on `job_schedules.next_run_at`; on PostgreSQL the run also holds a session-level
// advisory lock, so a run that outlasts its period is never overlapped by the next one on another node (that
// period waits until the lock is free). SQLite is the one-node deployment: there a scheduler never overlaps
// itself because its loop runs one tick at a time.
import type { Db } from '../db/database.ts';
import { dialectOf } from '../db/database.ts';
import { toTimestamp } from '../db/values.ts';
import { createBackgroundLoop, systemClock, type Clock, type WorkerLogger } from './background-loop.ts';
import { assertJobName } from './job-name.ts';
import { claimSchedulePeriod, ensureSchedule, findSchedule, recordScheduleOutcome, tryLockSchedule, unlockSchedule } from './jobs.repository.ts';

export interface PeriodicJobContext {
  name: string;
  nodeId: string;
  db: Db;
  now: Date;
  /** The moment this period was due (runs late when nodes were down; missed periods collapse into one run). */
  scheduledFor: Date;
  logger: WorkerLogger;
}

export interface PeriodicJobDefinition {
  readonly name: string;
  readonly everySeconds: number;
  run(context: PeriodicJobContext): Promise<void>;
}

/** Declares a job that runs every `everySeconds` (first run when the first scheduler starts). */
export function definePeriodicJob(specification: { name: string; everySeconds: number; run: (context: PeriodicJobContext) => Promise<void> }): PeriodicJobDefinition {
  assertJobName(specification.name);
  if (!Number.isInteger(specification.everySeconds) || specification.everySeconds < 1) {
    throw new Error(`Periodic job ${specification.name}: everySeconds must be a positive integer`);
  }
  return { name: specification.name, everySeconds: specification.everySeconds, run: specification.run };
}

/** The first period boundary after `now`, counting from `dueAt` in steps of `intervalMs`. */
export function computeNextRunAt(dueAt: number, now: number, intervalMs: number): number {
  if (now < dueAt) return dueAt;
  return dueAt + (Math.floor((now - dueAt) / intervalMs) + 1) * intervalMs;
}

export type PeriodOutcome = 'not-due' | 'busy' | 'taken' | 'ran' | 'failed';

export interface SchedulerOptions {
  db: Db;
  periodicJobs: PeriodicJobDefinition[];
  /** Names this node in `job_schedules.last_run_by` and in logs. */
  nodeId: string;
  clock?: Clock;
  logger: WorkerLogger;
}

export interface Scheduler {
  /** Makes sure every schedule row exists, then runs each periodic job whose period is due and unclaimed. */
  runOnce(): Promise<Record<string, PeriodOutcome>>;
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

/** Creates the scheduler of this node for the given periodic jobs. */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { db, nodeId, logger } = options;
  const clock = options.clock ?? systemClock;
  const names = new Set<string>();
  for (const job of options.periodicJobs) {
    if (names.has(job.name)) throw new Error(`Periodic job ${job.name} is defined twice`);
    names.add(job.name);
  }
  const usesAdvisoryLocks = dialectOf(db) === 'postgres';
  let schedulesEnsured = false;

  async function claimAndRun(job: PeriodicJobDefinition, expectedNextRunAt: string): Promise<PeriodOutcome> {
    const now = clock();
    const nextRunAt = computeNextRunAt(Date.parse(expectedNextRunAt), now.getTime(), job.everySeconds * 1000);
    const claimed = await claimSchedulePeriod(db, { name: job.name, expectedNextRunAt, nextRunAt: toTimestamp(nextRunAt), now: toTimestamp(now), nodeId });
    if (!claimed) return 'taken';
    try {
      await job.run({ name: job.name, nodeId, db, now, scheduledFor: new Date(expectedNextRunAt), logger });
      await recordScheduleOutcome(db, job.name, null);
      return 'ran';
    } catch (error) {
      const message = error instanceof Error ? error.message || error.name : String(error);
      logger.error({ err: error, job: job.name, nodeId }, 'periodic job failed; it runs again next period');
      await recordScheduleOutcome(db, job.name, message);
      return 'failed';
    }
  }

  async function runIfDue(job: PeriodicJobDefinition): Promise<PeriodOutcome> {
    const schedule = await findSchedule(db, job.name);
    if (!schedule || schedule.next_run_at > toTimestamp(clock())) return 'not-due';
    if (!usesAdvisoryLocks) return claimAndRun(job, schedule.next_run_at);
    // The lock is per session: pin one connection for the lock, the unlock and everything in between.
    return db.connection().execute(async (connection) => {
      if (!(await tryLockSchedule(connection, job.name))) return 'busy';
      try {
        // Read again under the lock: the node that just released it may have moved the period on.
        const current = await findSchedule(connection, job.name);
        if (!current || current.next_run_at > toTimestamp(clock())) return 'not-due';
        return await claimAndRun(job, current.next_run_at);
      } finally {
        await unlockSchedule(connection, job.name);
      }
    });
  }

  async function runOnce(): Promise<Record<string, PeriodOutcome>> {
    if (!schedulesEnsured) {
      const now = toTimestamp(clock());
      for (const job of options.periodicJobs) await ensureSchedule(db, job.name, job.everySeconds, now);
      schedulesEnsured = true;
    }
    const outcomes: Record<string, PeriodOutcome> = {};
    for (const job of options.periodicJobs) outcomes[job.name] = await runIfDue(job);
    return outcomes;
  }

  const loop = createBackgroundLoop(`scheduler:${nodeId}`, async () => {
    await runOnce();
    return false;
  }, logger);

  return { runOnce, start: loop.start, stop: loop.stop };
}
