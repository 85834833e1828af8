// Case engine at scale: with BENCH_CASES (default 1,000,000) cases in the database, measures case
// transitions per second through the service layer (events, tasks, clock, domain events, notices,
// audit — one transaction each) beside plain single-row commits in the same run, each one at a time and
// from BENCH_LANES (default 8) callers at once; the p50/p95 of the staff work queue and of the
// comprehensive search; and the server process's memory.
//   npm run bench:cases                                  (embedded SQLite)
//   BENCH_PG_URL=postgres://… npm run bench:cases        (also on PostgreSQL, in a database it creates and drops)
//   BENCH_CASES=100000 npm run bench:cases               (a quicker run)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { createPlatform, type Platform } from '../src/platform.ts';
import { newId, toTimestamp } from '../src/core/db/values.ts';
import { buildActorOfUsername, demoStaff, demoUnits } from '../src/modules/identity/index.ts';
import { actOnCase } from '../src/modules/services/cases.service.ts';
import { listQueue, searchCases } from '../src/modules/services/cases.views.ts';
import { generateCases, loadItemFacts } from './case-data.ts';
import { withFreshPostgres } from './fresh-postgres.ts';

const CASES = Number(process.env['BENCH_CASES'] ?? 1_000_000);
const TRANSITION_CASES = Number(process.env['BENCH_TRANSITION_CASES'] ?? 1000);
const QUERY_RUNS = Number(process.env['BENCH_QUERY_RUNS'] ?? 200);
/** Callers acting at the same moment in the concurrent runs (staff at their desks, requests in flight). */
const LANES = Number(process.env['BENCH_LANES'] ?? 8);

const perSecond = (count: number, milliseconds: number) => Math.round((count / milliseconds) * 1000);
const megabytes = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;

function percentiles(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0) * 10) / 10;
  return { p50: at(0.5), p95: at(0.95) };
}

async function timeEach(runs: number, work: (run: number) => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await work(run);
    samples.push(performance.now() - started);
  }
  return percentiles(samples);
}

/** Runs `count` pieces of work from `lanes` callers at once, each taking the next piece when done. */
async function runLanes(count: number, lanes: number, work: (index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: lanes }, lane));
}

async function timeRate(count: number, lanes: number, work: (index: number) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await runLanes(count, lanes, work);
  return perSecond(count, performance.now() - started);
}

async function startPlatform(label: string, databaseUrl: string | undefined): Promise<{ platform: Platform; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `zt-bench-${label}-`));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), LOG_LEVEL: 'silent', SEED_DEMO: 'true', WORKERS: 'false' });
  return { platform: await createPlatform(config), dataDir };
}

async function benchDatabase(label: string, databaseUrl: string | undefined): Promise<void> {
  console.log(`\n== ${label}: ${CASES.toLocaleString('en')} cases ==`);
  const { platform, dataDir } = await startPlatform(label, databaseUrl);
  const { db } = platform.database;
  const deps = { db, calendar: () => platform.calendar.getCalendar(), now: () => new Date(), store: undefined as never };
  const items = await loadItemFacts(db);

  const loadStarted = performance.now();
  await generateCases(db, items, CASES, { now: new Date(), onProgress: (done) => done % 200_000 === 0 && console.log(`  generated ${done.toLocaleString('en')}`) });
  console.log(`  bulk load: ${perSecond(CASES, performance.now() - loadStarted).toLocaleString('en')} cases/s (with events and open tasks)`);
  // The bulk load leaves gigabytes in SQLite's WAL, and on PostgreSQL a million fresh rows whose visibility is not yet
  // recorded (the first reads would set hint bits and autovacuum would sweep the tables mid-measurement): settle
  // them first, so that the figures below are those of a running county rather than of the load's aftermath.
  if (databaseUrl) await sql`vacuum (analyze)`.execute(db);
  else {
    await sql`analyze`.execute(db);
    await sql`pragma wal_checkpoint(truncate)`.execute(db);
  }

  // Baseline: plain single-row commits into a table of the same database, in this process — one at a time,
  // then from LANES callers at once (as many staff acting together; SQLite then commits them in groups).
  await sql`create table bench_plain (id text primary key, at text not null, note text)`.execute(db);
  const plainCommit = (index: number) => db.transaction().execute((tx) => tx.insertInto('bench_plain' as never).values({ id: newId(), at: toTimestamp(Date.now()), note: `row ${index}` } as never).execute());
  const plainSerial = await timeRate(TRANSITION_CASES * 2, 1, plainCommit);
  const plainConcurrent = await timeRate(TRANSITION_CASES * 2, LANES, plainCommit);

  // Transitions: the window accepts, then the unit's case officer forwards (the window approves a 即办件) — two per case.
  const waiting = await db.selectFrom('cases').select(['id', 'unit_id', 'version', 'case_kind']).where('status', '=', 'submitted').where('current_step_key', '=', 'accept').orderBy('submitted_at', 'desc').limit(TRANSITION_CASES * 2).execute();
  const window = await buildActorOfUsername(db, 'deng.xiao');
  const unitIdByKey = new Map<string, string>();
  for (const unit of demoUnits) {
    const row = unit.creditCode ? await db.selectFrom('units').select('id').where('credit_code', '=', unit.creditCode).executeTakeFirst() : undefined;
    if (row) unitIdByKey.set(unit.key, row.id);
  }
  const officers = new Map<string, NonNullable<typeof window>>();
  for (const person of demoStaff.filter((candidate) => candidate.roleCode === 'dept_staff')) {
    const unitId = unitIdByKey.get(person.unitKey);
    const actor = await buildActorOfUsername(db, person.username);
    if (unitId && actor && !officers.has(unitId)) officers.set(unitId, actor);
  }
  let transitions = 0;
  const handle = async (row: (typeof waiting)[number]) => {
    const accepted = await actOnCase(deps, window!, row.id, row.version, { action: 'accept', opinion: '' });
    transitions += 1;
    const officer = officers.get(row.unit_id);
    if (row.case_kind === 'immediate') {
      await actOnCase(deps, window!, row.id, accepted.version, { action: 'approve', opinion: '' });
      transitions += 1;
    } else if (officer) {
      await actOnCase(deps, officer, row.id, accepted.version, { action: 'forward', opinion: '' });
      transitions += 1;
    }
  };
  const firstHalf = waiting.slice(0, TRANSITION_CASES);
  const secondHalf = waiting.slice(TRANSITION_CASES);
  let started = performance.now();
  for (const row of firstHalf) await handle(row);
  const serialTransitions = transitions;
  const transitionSerial = perSecond(serialTransitions, performance.now() - started);
  started = performance.now();
  await runLanes(secondHalf.length, LANES, (index) => handle(secondHalf[index]!));
  const concurrentTransitions = transitions - serialTransitions;
  const transitionConcurrent = perSecond(concurrentTransitions, performance.now() - started);

  const head = await buildActorOfUsername(db, 'chen.jing');
  const officer = await buildActorOfUsername(db, 'yang.lei');
  const hallAdmin = await buildActorOfUsername(db, 'jiang.wen');
  const sample = await db.selectFrom('cases').select(['case_number', 'applicant_name']).orderBy('id').limit(1).offset(Math.floor(CASES / 2)).executeTakeFirstOrThrow();
  const results = {
    queueHall: await timeEach(QUERY_RUNS, () => listQueue(deps, window!, {}, 1, 20)),
    queueUnit: await timeEach(QUERY_RUNS, () => listQueue(deps, officer!, {}, 1, 20)),
    queueOverdue: await timeEach(QUERY_RUNS, () => listQueue(deps, officer!, { timeState: 'overdue' }, 1, 20)),
    searchUnit: await timeEach(QUERY_RUNS, (run) => searchCases(deps, head!, { q: undefined }, 1 + (run % 5), 20)),
    searchAll: await timeEach(QUERY_RUNS, (run) => searchCases(deps, hallAdmin!, { q: undefined }, 1 + (run % 5), 20)),
    searchNumber: await timeEach(QUERY_RUNS, () => searchCases(deps, hallAdmin!, { q: sample.case_number }, 1, 20)),
    searchStatus: await timeEach(QUERY_RUNS, () => searchCases(deps, head!, { q: undefined, status: 'in_progress', timeState: 'overdue' }, 1, 20)),
  };
  const memory = process.memoryUsage();

  console.log(`  plain single-row commits:          ${plainSerial.toLocaleString('en')} /s one at a time, ${plainConcurrent.toLocaleString('en')} /s from ${LANES} callers at once`);
  console.log(`  case transitions (service layer):  ${transitionSerial.toLocaleString('en')} /s one at a time (${serialTransitions}), ${transitionConcurrent.toLocaleString('en')} /s from ${LANES} staff at once (${concurrentTransitions})`);
  console.log(`    a transition takes ${(plainSerial / transitionSerial).toFixed(1)}× the time of a plain commit one at a time, ${(plainConcurrent / transitionConcurrent).toFixed(1)}× at once`);
  for (const [name, figures] of Object.entries(results)) console.log(`  ${name.padEnd(14)} p50 ${String(figures.p50).padStart(6)} ms   p95 ${String(figures.p95).padStart(6)} ms`);
  console.log(`  memory: rss ${megabytes(memory.rss)}, heap used ${megabytes(memory.heapUsed)}`);
  if (!databaseUrl) console.log(`  database file: ${megabytes(fs.statSync(path.join(dataDir, 'zhengtong.sqlite')).size)}`);
  await platform.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

if (!process.env['BENCH_SKIP_SQLITE']) await benchDatabase('SQLite', undefined);
if (process.env['BENCH_PG_URL']) await withFreshPostgres(process.env['BENCH_PG_URL'], 'zt_bench', (url) => benchDatabase('PostgreSQL', url));
