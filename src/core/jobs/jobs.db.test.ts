// The job queue and the scheduler on a real database: single runs, retries with backoff, many workers sharing
// a queue without running a job twice, lease expiry, and periodic jobs that run once per period per cluster.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { coreMigrations } from '../db/migrations/index.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { isAppError } from '../errors/app-error.ts';
import { manualClock, testDialect, withMigratedDatabase } from '../../../test/test-database.ts';
import { claimNextDueJob, findSchedule, markJobDone } from './jobs.repository.ts';
import { createJobWorker, defineJob, definePeriodicJob, enqueueJob, findJobById, silentLogger, type PeriodOutcome } from './index.ts';

const withDatabase = (work: Parameters<typeof withMigratedDatabase>[1]) => withMigratedDatabase([coreMigrations], work);

const caseIdSchema = z.object({ caseId: z.string().min(1) });

test(`a job runs once and is marked done (${testDialect()})`, () =>
  withDatabase(async ({ db }) => {
    const seen: string[] = [];
    const job = defineJob({ name: 'test.remember', schema: caseIdSchema, run: async (payload) => void seen.push(payload.caseId) });
    const id = await db.transaction().execute((tx) => enqueueJob(tx, job, { caseId: 'c-1' }));
    const worker = createJobWorker({ db, jobs: [job], workerId: 'w1', logger: silentLogger });
    const first = await worker.runOnce();
    assert.equal(first.done, 1);
    assert.deepEqual(seen, ['c-1']);
    const second = await worker.runOnce();
    assert.equal(second.done, 0);
    const row = await findJobById(db, id);
    assert.equal(row?.status, 'done');
    assert.equal(row?.attempts, 1);
    assert.ok(row?.finished_at);
  }));

test(`a job enqueued in a rolled-back transaction does not exist (${testDialect()})`, () =>
  withDatabase(async ({ db }) => {
    const job = defineJob({ name: 'test.never', schema: caseIdSchema, run: async () => assert.fail('must not run') });
    await assert.rejects(
      db.transaction().execute(async (tx) => {
        await enqueueJob(tx, job, { caseId: 'c-1' });
        throw new Error('use case failed');
      }),
      /use case failed/,
    );
    const counts = await createJobWorker({ db, jobs: [job], workerId: 'w1', logger: silentLogger }).runOnce();
    assert.equal(counts.done + counts.failed + counts.retried, 0);
  }));

test(`a payload that does not match the schema is refused at enqueue (${testDialect()})`, () =>
  withDatabase(async ({ db }) => {
    const job = defineJob({ name: 'test.strict', schema: caseIdSchema, run: async () => {} });
    await assert.rejects(
      db.transaction().execute((tx) => enqueueJob(tx, job, { caseId: 42 } as unknown as { caseId: string })),
      (error) => isAppError(error, 'JOB_PAYLOAD_INVALID') && error.issues?.[0]?.path === 'caseId',
    );
    assert.throws(() => defineJob({ name: 'NoModule', schema: caseIdSchema, run: async () => {} }), /module\.verbPhrase/);
  }));

test(`a failing job retries with growing delays and ends failed (${testDialect()})`, () =>
  withDatabase(async ({ db }) => {
    const time = manualClock();
    let calls = 0;
    const job = defineJob({
      name: 'test.alwaysFails',
      schema: caseIdSchema,
      maxAttempts: 3,
      run: async () => {
        calls += 1;
        throw new Error(`downstream unavailable ${calls}`);
      },
    });
    const id = await db.transaction().execute((tx) => enqueueJob(tx, job, { caseId: 'c-1' }, { runAt: time.clock() }));
    const worker = createJobWorker({ db, jobs: [job], workerId: 'w1', clock: time.clock, logger: silentLogger });

    const delays: number[] = [];
    for (const expectedBaseMs of [30_000, 60_000]) {
      const before = time.clock().getTime();
      assert.equal((await worker.runOnce()).retried, 1);
      const row = await findJobById(db, id);
      assert.equal(row?.status, 'pending');
      const delay = Date.parse(row!.run_at) - before;
      assert.ok(delay >= expectedBaseMs * 0.9 && delay <= expectedBaseMs * 1.1, `delay ${delay} near ${expectedBaseMs}`);
      delays.push(delay);
      assert.equal((await worker.runOnce()).retried, 0, 'not due before its delay');
      time.advance(delay);
    }
    assert.ok(delays[1]! > delays[0]!);
    assert.equal((await worker.runOnce()).failed, 1);
    const row = await findJobById(db, id);
    assert.equal(row?.status, 'failed');
    assert.equal(row?.attempts, 3);
    assert.equal(row?.last_error, 'downstream unavailable 3');
    time.advance(10 * 3_600_000);
    await worker.runOnce();
    assert.equal(calls, 3);
  }));

test(`three workers on three handles share 60 jobs and run none twice (${testDialect()})`, () =>
  withDatabase(async ({ db, testDatabase }) => {
    const runs = new Map<string, string[]>();
    const job = defineJob({
      name: 'test.share',
      schema: caseIdSchema,
      run: async (payload, context) => {
        runs.set(payload.caseId, [...(runs.get(payload.caseId) ?? []), context.workerId]);
        await sleep(2);
      },
    });
    await db.transaction().execute(async (tx) => {
      for (let index = 0; index < 60; index += 1) await enqueueJob(tx, job, { caseId: `c-${index}` });
    });
    const handles: DatabaseHandle[] = [testDatabase.open(), testDatabase.open(), testDatabase.open()];
    try {
      const workers = handles.map((handle, index) => createJobWorker({ db: handle.db, jobs: [job], workerId: `w${index + 1}`, batchSize: 5, logger: silentLogger }));
      await Promise.all(
        workers.map(async (worker) => {
          for (;;) {
            const counts = await worker.runOnce();
            if (counts.done === 0) break;
          }
        }),
      );
    } finally {
      await Promise.all(handles.map((handle) => handle.close()));
    }
    assert.equal(runs.size, 60);
    for (const [caseId, workerIds] of runs) assert.equal(workerIds.length, 1, `${caseId} ran ${workerIds.length} times`);
    const participants = new Set([...runs.values()].flat());
    assert.ok(participants.size >= 2, `work was shared (${[...participants].join(', ')})`);
  }));

test(`a job whose lease expired is taken over, and the old holder cannot record a result (${testDialect()})`, () =>
  withDatabase(async ({ db }) => {
    const time = manualClock();
    const seen: string[] = [];
    const job = defineJob({ name: 'test.takeOver', schema: caseIdSchema, leaseSeconds: 60, run: async (_payload, context) => void seen.push(context.workerId) });
    const id = await db.transaction().execute((tx) => enqueueJob(tx, job, { caseId: 'c-1' }, { runAt: time.clock() }));
    // A node claims the job and dies without finishing it.
    const now = time.clock().getTime();
    const stuck = await claimNextDueJob(db, { names: [job.name], workerId: 'dead-node', now: new Date(now).toISOString(), lockedUntil: new Date(now + 60_000).toISOString() });
    assert.equal(stuck?.id, id);
    const worker = createJobWorker({ db, jobs: [job], workerId: 'w2', clock: time.clock, logger: silentLogger });
    assert.equal((await worker.runOnce()).reclaimed, 0, 'not before the lease ends');
    time.advance(61_000);
    const counts = await worker.runOnce();
    assert.equal(counts.reclaimed, 1);
    assert.equal(counts.done, 1);
    assert.deepEqual(seen, ['w2']);
    assert.equal(await markJobDone(db, { id, workerId: 'dead-node', attempts: stuck!.attempts }, time.clock().toISOString()), false);
    const row = await findJobById(db, id);
    assert.equal(row?.status, 'done');
    assert.equal(row?.attempts, 2);
    assert.equal(row?.locked_by, 'w2');
  }));

test(`a periodic job runs exactly once per period with two schedulers on two handles (${testDialect()})`, () =>
  withDatabase(async ({ testDatabase }) => {
    const time = manualClock(Date.parse('2026-03-02T00:00:00.000Z'));
    const runs: Array<{ node: string; scheduledFor: string }> = [];
    const periodic = definePeriodicJob({
      name: 'test.everyMinute',
      everySeconds: 60,
      run: async (context) => {
        runs.push({ node: context.nodeId, scheduledFor: context.scheduledFor.toISOString() });
        await sleep(2);
      },
    });
    const handles: DatabaseHandle[] = [testDatabase.open(), testDatabase.open()];
    try {
      const workers = handles.map((handle, index) => createJobWorker({ db: handle.db, jobs: [], periodicJobs: [periodic], workerId: `node-${index + 1}`, clock: time.clock, logger: silentLogger }));
      for (let period = 0; period < 6; period += 1) {
        await Promise.all(workers.map((worker) => worker.runOnce()));
        await Promise.all(workers.map((worker) => worker.runOnce()));
        assert.equal(runs.length, period + 1, `period ${period} ran once`);
        time.advance(20_000);
        await Promise.all(workers.map((worker) => worker.runOnce()));
        assert.equal(runs.length, period + 1, 'not again within the period');
        time.advance(40_000);
      }
      assert.deepEqual(
        runs.map((run) => run.scheduledFor),
        [0, 1, 2, 3, 4, 5].map((minute) => new Date(Date.parse('2026-03-02T00:00:00.000Z') + minute * 60_000).toISOString()),
      );
      // Nodes down for a while: the missed periods collapse into one run, and the period grid is kept.
      time.advance(3 * 60_000 + 5_000);
      await Promise.all(workers.map((worker) => worker.runOnce()));
      assert.equal(runs.length, 7);
      const schedule = await findSchedule(handles[0]!.db, 'test.everyMinute');
      assert.equal(schedule?.next_run_at, '2026-03-02T00:10:00.000Z');
      assert.ok(schedule?.last_run_by?.startsWith('node-'));
    } finally {
      await Promise.all(handles.map((handle) => handle.close()));
    }
  }));

test(`a slow periodic run is not overlapped by the next period on another node (postgres)`, { skip: testDialect() !== 'postgres' && 'advisory locks are PostgreSQL only; SQLite runs one node' }, () =>
  withDatabase(async ({ testDatabase }) => {
    const time = manualClock(Date.parse('2026-03-02T00:00:00.000Z'));
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let running = 0;
    let runs = 0;
    const periodic = definePeriodicJob({
      name: 'test.slow',
      everySeconds: 60,
      run: async () => {
        running += 1;
        assert.equal(running, 1, 'never two at once');
        runs += 1;
        if (runs === 1) await gate;
        running -= 1;
      },
    });
    const handles: DatabaseHandle[] = [testDatabase.open(), testDatabase.open()];
    try {
      const [first, second] = handles.map((handle, index) => createJobWorker({ db: handle.db, jobs: [], periodicJobs: [periodic], workerId: `node-${index + 1}`, clock: time.clock, logger: silentLogger }));
      const slowRun = first!.runOnce();
      while (runs === 0) await sleep(5);
      time.advance(150_000);
      const whileSlow = await second!.runOnce();
      assert.equal(whileSlow.periodic['test.slow'], 'busy' satisfies PeriodOutcome);
      release();
      assert.equal((await slowRun).periodic['test.slow'], 'ran');
      assert.equal((await second!.runOnce()).periodic['test.slow'], 'ran');
      assert.equal(runs, 2);
    } finally {
      await Promise.all(handles.map((handle) => handle.close()));
    }
  }));
