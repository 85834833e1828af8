// Background jobs: a job is a name + a zod schema + a handler. Use cases enqueue jobs in their own transaction
// (the job exists if and only if the change committed); workers on any node claim due jobs one at a time under
// a lease, retry failures with backoff and give up after the job's maximum attempts.
import type { z } from 'zod';
import type { Db, DbExecutor } from '../db/database.ts';
import { newId, toTimestamp } from '../db/values.ts';
import { AppError } from '../errors/app-error.ts';
import { createBackgroundLoop, systemClock, type Clock, type WorkerLogger } from './background-loop.ts';
import { computeRetryDelayMs, type BackoffOptions } from './backoff.ts';
import { assertJobName } from './job-name.ts';
import './jobs.errors.ts';
import { createScheduler, type PeriodicJobDefinition, type PeriodOutcome } from './scheduler.service.ts';
import {
  claimNextDueJob,
  insertJob,
  markJobDone,
  markJobFailed,
  markJobForRetry,
  reclaimExpiredJobs,
  type JobAttempt,
  type JobRow,
} from './jobs.repository.ts';

export interface JobContext {
  jobId: string;
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
  workerId: string;
  /** The database (not a transaction): the handler opens the transactions it needs. */
  db: Db;
  now: Date;
  logger: WorkerLogger;
  /** Aborted when the job's lease runs out; long handlers should stop then, another node may take the job over. */
  signal: AbortSignal;
}

export interface JobDefinition<TSchema extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly schema: TSchema;
  readonly maxAttempts: number;
  readonly leaseSeconds: number;
  run(payload: z.output<TSchema>, context: JobContext): Promise<void>;
}

export interface JobSpecification<TSchema extends z.ZodType> {
  /** `<module>.<verbPhrase>`, e.g. `identity.expirePasswords`. */
  name: string;
  /** Describes the payload; payloads carry ids, not records, and must survive JSON. */
  schema: TSchema;
  run: (payload: z.output<TSchema>, context: JobContext) => Promise<void>;
  /** Attempts before the job is marked failed (default 5). */
  maxAttempts?: number;
  /** How long one attempt may hold the job before another node may take it over (default 300 s). */
  leaseSeconds?: number;
}

/** Declares a job; throws at startup on a malformed name or limits. */
export function defineJob<TSchema extends z.ZodType>(specification: JobSpecification<TSchema>): JobDefinition<TSchema> {
  assertJobName(specification.name);
  const maxAttempts = specification.maxAttempts ?? 5;
  const leaseSeconds = specification.leaseSeconds ?? 300;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error(`Job ${specification.name}: maxAttempts must be a positive integer`);
  if (!(leaseSeconds > 0)) throw new Error(`Job ${specification.name}: leaseSeconds must be positive`);
  return { name: specification.name, schema: specification.schema, maxAttempts, leaseSeconds, run: specification.run };
}

/** Validates the payload and queues the job in the caller's transaction; returns the job id. */
export async function enqueueJob<TSchema extends z.ZodType>(
  tx: DbExecutor,
  job: JobDefinition<TSchema>,
  payload: z.input<TSchema>,
  options: { runAt?: Date } = {},
): Promise<string> {
  const parsed = job.schema.safeParse(payload);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
    throw new AppError('JOB_PAYLOAD_INVALID', { job: job.name }, issues);
  }
  const now = new Date();
  const id = newId(now.getTime());
  // The payload is stored as given and parsed again when it runs, so schema transforms apply exactly once.
  await insertJob(tx, {
    id,
    name: job.name,
    payload_json: JSON.stringify(payload),
    max_attempts: job.maxAttempts,
    run_at: toTimestamp(options.runAt ?? now),
    created_at: toTimestamp(now),
  });
  return id;
}

export interface JobWorkerOptions {
  db: Db;
  jobs: JobDefinition[];
  /** Periodic jobs this node's scheduler offers to run (each period runs once per cluster). */
  periodicJobs?: PeriodicJobDefinition[];
  /** Names this node in locks and logs (host name + pid is a good choice). */
  workerId: string;
  clock?: Clock;
  logger: WorkerLogger;
  /** Jobs run one after another per runOnce, at most this many (default 20). */
  batchSize?: number;
  backoff?: BackoffOptions;
}

export interface JobRunCounts {
  reclaimed: number;
  done: number;
  retried: number;
  failed: number;
  /** Results this worker could not record because its lease had expired and another node took the job. */
  lost: number;
  /** What happened to each periodic job in this run. */
  periodic: Record<string, PeriodOutcome>;
}

export interface JobWorker {
  /**
   * Runs the periodic jobs that are due, then reclaims expired leases and runs due queued jobs one at a time
   * until none is due or the batch is done.
   */
  runOnce(): Promise<JobRunCounts>;
  /** Starts two loops, the queue and the scheduler, so a slow periodic job never holds up queued jobs. */
  start(intervalMs: number): void;
  stop(): Promise<void>;
  /** Run soon (after enqueueing work that is due now). */
  kick(): void;
}

function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

/** Creates the worker that runs queued jobs of the given definitions on this node. */
export function createJobWorker(options: JobWorkerOptions): JobWorker {
  const { db, workerId, logger } = options;
  const clock = options.clock ?? systemClock;
  const batchSize = options.batchSize ?? 20;
  const definitions = new Map<string, JobDefinition>();
  for (const job of options.jobs) {
    if (definitions.has(job.name)) throw new Error(`Job ${job.name} is defined twice`);
    definitions.set(job.name, job);
  }
  const names = [...definitions.keys()];

  async function runClaimedJob(row: JobRow, definition: JobDefinition): Promise<'done' | 'retried' | 'failed' | 'lost'> {
    const attempt: JobAttempt = { id: row.id, workerId, attempts: row.attempts };
    const started = clock();
    const signal = AbortSignal.timeout(definition.leaseSeconds * 1000);
    let outcome: 'done' | 'retried' | 'failed';
    let recorded: boolean;
    try {
      const payload = definition.schema.parse(JSON.parse(row.payload_json));
      await definition.run(payload, { jobId: row.id, attempt: row.attempts, maxAttempts: row.max_attempts, workerId, db, now: started, logger, signal });
      outcome = 'done';
      recorded = await markJobDone(db, attempt, toTimestamp(clock()));
    } catch (error) {
      const message = describeFailure(error);
      const now = clock();
      if (row.attempts >= row.max_attempts) {
        outcome = 'failed';
        logger.error({ err: error, job: row.name, jobId: row.id, attempt: row.attempts }, 'job failed for good');
        recorded = await markJobFailed(db, attempt, toTimestamp(now), message);
      } else {
        outcome = 'retried';
        const runAt = new Date(now.getTime() + computeRetryDelayMs(row.attempts, options.backoff));
        logger.warn({ err: error, job: row.name, jobId: row.id, attempt: row.attempts, retryAt: toTimestamp(runAt) }, 'job failed, will retry');
        recorded = await markJobForRetry(db, attempt, toTimestamp(runAt), message);
      }
    }
    if (!recorded) {
      logger.warn({ job: row.name, jobId: row.id, attempt: row.attempts, outcome }, 'job lease was lost before its result was recorded');
      return 'lost';
    }
    return outcome;
  }

  async function runQueueOnce(): Promise<JobRunCounts> {
    const counts: JobRunCounts = { reclaimed: 0, done: 0, retried: 0, failed: 0, lost: 0, periodic: {} };
    counts.reclaimed = await reclaimExpiredJobs(db, toTimestamp(clock()));
    if (counts.reclaimed > 0) logger.warn({ reclaimed: counts.reclaimed }, 'reclaimed jobs whose lease expired');
    for (let index = 0; index < batchSize; index += 1) {
      const now = clock();
      // The lease of the longest job this worker knows; each claim takes one job.
      const row = await claimNextDueJob(db, { names, workerId, now: toTimestamp(now), lockedUntil: toTimestamp(now.getTime() + maxLeaseMs) });
      if (!row) break;
      const definition = definitions.get(row.name);
      if (!definition) throw new Error(`Claimed job ${row.id} of unknown name ${row.name}`);
      counts[await runClaimedJob(row, definition)] += 1;
    }
    return counts;
  }

  const maxLeaseMs = Math.max(1, ...options.jobs.map((job) => job.leaseSeconds)) * 1000;
  const scheduler = createScheduler({ db, periodicJobs: options.periodicJobs ?? [], nodeId: workerId, clock, logger });
  const queueLoop = createBackgroundLoop(`jobs:${workerId}`, async () => {
    const counts = await runQueueOnce();
    return counts.done + counts.retried + counts.failed + counts.lost >= batchSize;
  }, logger);

  return {
    async runOnce() {
      const periodic = await scheduler.runOnce();
      return { ...(await runQueueOnce()), periodic };
    },
    start(intervalMs) {
      queueLoop.start(intervalMs);
      if (options.periodicJobs?.length) scheduler.start(intervalMs);
    },
    async stop() {
      await Promise.all([queueLoop.stop(), scheduler.stop()]);
    },
    kick: queueLoop.kick,
  };
}
