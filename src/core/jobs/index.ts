// Public API of background work: queued jobs with retries, periodic jobs that run once per cluster, and the
// loop, clock and logger types the outbox dispatcher shares.
export { defineJob, enqueueJob, createJobWorker } from './jobs.service.ts';
export { JOB_NAME_PATTERN } from './job-name.ts';
export type { JobContext, JobDefinition, JobSpecification, JobWorker, JobWorkerOptions, JobRunCounts } from './jobs.service.ts';
export { definePeriodicJob, createScheduler, computeNextRunAt } from './scheduler.service.ts';
export type { PeriodicJobContext, PeriodicJobDefinition, PeriodOutcome, Scheduler, SchedulerOptions } from './scheduler.service.ts';
export { findJobById } from './jobs.repository.ts';
export type { JobRow, JobStatus, JobScheduleRow } from './jobs.repository.ts';
export { computeRetryDelayMs, DEFAULT_BACKOFF } from './backoff.ts';
export type { BackoffOptions } from './backoff.ts';
export { createBackgroundLoop, silentLogger, systemClock } from './background-loop.ts';
export type { BackgroundLoop, Clock, WorkerLogger } from './background-loop.ts';
