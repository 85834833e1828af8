// Electronic supervision at scale. For each size in BENCH_SIZES (default 100,000 and 2,000,000 open cases), on a
// fresh database:
//   1. re-evaluating every open case from scratch (twice: the first pass builds the watched subjects, the
//      second is a re-evaluation over existing state, as after a calendar or rule change);
//   2. the sweep on the day BENCH_CROSSINGS (default 10,000) cases cross into warning — the same number at
//      every size, so a flat sweep time shows its cost follows the crossings, not the open cases; the time
//      from a crossing to its finding is at most the sweep's period (30 s) plus the sweep itself;
//   3. the cost event-driven evaluation adds to a case transition: the subscriber's time per transition, one
//      event at a time and 20 at a time (what a claim of the dispatcher's 50 rows holds under load, with the notices
//      beside them), beside the transition's own time through the service layer and a plain single-row commit;
//   4. the same cost under load, end to end: windows accepting cases four at once, with and without the
//      platform's dispatcher delivering their events and the notices the findings queue (sustained-transitions.ts).
//   npm run bench:supervision                               (embedded SQLite)
//   BENCH_PG_URL=postgres://… npm run bench:supervision     (also on PostgreSQL, in a database it creates and drops)
//   BENCH_SIZES=20000 npm run bench:supervision             (a quick run)
// Before measuring, the database gets BENCH_HISTORY (100,000) resolved findings of earlier days, as a platform
// that has been running has.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { createPlatform } from '../src/platform.ts';
import { newId, toTimestamp } from '../src/core/db/values.ts';
import { buildActorOfUsername } from '../src/modules/identity/index.ts';
import { actOnCase } from '../src/modules/services/cases.service.ts';
import { reevaluateAllCases, supervisionSubscriptions, sweepDueSubjects } from '../src/modules/supervision/index.ts';
import { cloneCasesOnPostgres, generateCases, loadItemFacts } from './case-data.ts';
import { withFreshPostgres } from './fresh-postgres.ts';
import { measureSustainedTransitions, STREAMS } from './sustained-transitions.ts';

const SIZES = (process.env['BENCH_SIZES'] ?? '100000,2000000').split(',').map(Number);
const CROSSINGS = Number(process.env['BENCH_CROSSINGS'] ?? 10_000);
const TRANSITIONS = Number(process.env['BENCH_TRANSITIONS'] ?? 1000);
const PG_GENERATED = Number(process.env['BENCH_PG_GENERATED'] ?? 100_000);
const HISTORY = Number(process.env['BENCH_HISTORY'] ?? 100_000);

// Monday 16 November 2026, 09:00 in China. Crossing cases are due Thursday 19 November: three working days
// ahead today, two (warning) tomorrow. The others are due on 31 December, far from any threshold.
const MONDAY = Date.parse('2026-11-16T01:00:00Z');
const TUESDAY = MONDAY + 86_400_000;
const CROSSING_DUE = '2026-11-19';
const FAR_DUE = '2026-12-31';

const perSecond = (count: number, milliseconds: number) => Math.round((count / milliseconds) * 1000);
const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;
const megabytes = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

async function benchSize(label: string, databaseUrl: string | undefined, openCases: number): Promise<void> {
  console.log(`\n== ${label}: ${openCases.toLocaleString('en')} open cases, ${CROSSINGS.toLocaleString('en')} crossing into warning ==`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `zt-bench-supervision-`));
  let nowMs = MONDAY;
  const now = () => new Date(nowMs);
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), LOG_LEVEL: 'silent', SEED_DEMO: 'true', WORKERS: 'false' });
  const platform = await createPlatform(config, { now });
  const { db } = platform.database;
  // The demo's own cases and their events are not part of the measurement.
  await db.deleteFrom('outbox').execute();
  const deps = { db, calendar: () => platform.calendar.getCalendar(), now };

  const items = (await loadItemFacts(db)).filter((item) => item.promisedDays > 0);
  // On PostgreSQL the generator's multi-row inserts manage a few hundred cases a second: beyond PG_GENERATED
  // cases, that many are generated and then copied in SQL up to the size.
  const copies = databaseUrl && openCases > PG_GENERATED ? Math.round(openCases / PG_GENERATED) : 1;
  const load = await timed(async () => {
    await generateCases(db, items, openCases / copies, { now: now(), openPercent: 100, deadlineOf: () => FAR_DUE });
    if (copies > 1) await cloneCasesOnPostgres(db, copies);
  });
  console.log(`  bulk load: ${perSecond(openCases, load.ms).toLocaleString('en')} cases/s${copies > 1 ? ` (${(openCases / copies).toLocaleString('en')} generated, copied ${copies} times in SQL)` : ''}`);
  // Exactly CROSSINGS running cases (taken across the id range) are due on the crossing day, their steps too.
  const running = await db.selectFrom('cases').select('id').where('status', '=', 'in_progress').orderBy('id').execute();
  const stride = Math.max(1, Math.floor(running.length / CROSSINGS));
  const crossing = running.filter((_row, index) => index % stride === 0).slice(0, CROSSINGS).map((row) => row.id);
  for (let offset = 0; offset < crossing.length; offset += 1000) {
    await db.updateTable('cases').set({ case_deadline: CROSSING_DUE, step_deadline: CROSSING_DUE }).where('id', 'in', crossing.slice(offset, offset + 1000)).execute();
  }
  // A platform that has been running has a history of findings: HISTORY resolved ones with their history entries,
  // so the tables' statistics (and PostgreSQL's cached plans of their foreign-key checks) are those of a working
  // system, not of empty tables.
  await loadFindingHistory(db, running.map((row) => row.id), Math.min(HISTORY, running.length));
  // The load's last writes are flushed before measuring: a checkpoint still writing out gigabytes in the
  // background (PostgreSQL) or a long WAL (SQLite) is the aftermath of the bulk load, not the platform's work.
  if (databaseUrl) {
    await sql`vacuum (analyze)`.execute(db);
    await sql`checkpoint`.execute(db);
  } else {
    await sql`analyze`.execute(db);
    await sql`pragma wal_checkpoint(truncate)`.execute(db);
  }

  const first = await timed(() => reevaluateAllCases(deps));
  const second = await timed(() => reevaluateAllCases(deps));
  const watched = Number((await db.selectFrom('supervision_subjects').select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow()).count);
  console.log(`  re-evaluate all from scratch: first ${seconds(first.ms)} (${perSecond(first.result, first.ms).toLocaleString('en')} cases/s, ${watched.toLocaleString('en')} subjects watched), again ${seconds(second.ms)} (${perSecond(second.result, second.ms).toLocaleString('en')} cases/s)   target ≤ 60 s`);

  nowMs = TUESDAY;
  const sweep = await timed(() => sweepDueSubjects(deps));
  console.log(`  sweep on the crossing day: ${seconds(sweep.ms)} — looked at ${sweep.result.looked.toLocaleString('en')}, raised ${sweep.result.raised.toLocaleString('en')} findings`);
  console.log(`    crossing → finding: at most ${seconds(30_000 + sweep.ms)} (the 30 s period + the sweep)   target ≤ 60 s`);
  const idle = await timed(() => sweepDueSubjects(deps));
  console.log(`  sweep with nothing due: ${idle.ms.toFixed(1)} ms`);
  // The sweep just wrote tens of thousands of findings into tables analysed while empty; a running system's
  // autovacuum (PostgreSQL) analyses them soon after. Without it the planner keeps scanning them whole.
  if (!process.env['BENCH_NO_ANALYZE']) await sql`analyze`.execute(db);

  // Transitions: the window accepts cases waiting at acceptance; then the subscriber evaluates each event.
  await db.deleteFrom('outbox').execute();
  const window = await buildActorOfUsername(db, 'deng.xiao');
  // A third of them for the events timed one by one and in batches, two thirds under load (sustained-transitions.ts).
  const allWaiting = await db.selectFrom('cases').select(['id', 'version']).where('status', '=', 'submitted').where('current_step_key', '=', 'accept').limit(3 * TRANSITIONS).execute();
  const waiting = allWaiting.slice(0, TRANSITIONS);
  // The generated cases carry no materials; an application waiting at acceptance has its required ones on file.
  const guides = await db.selectFrom('service_items').innerJoin('service_item_versions', 'service_item_versions.id', 'service_items.published_version_id').select(['service_items.id', 'service_item_versions.guide']).execute();
  const requiredOf = new Map(guides.map((row) => [row.id, (JSON.parse(row.guide) as { materials: Array<{ key: string; name: string; required: boolean }> }).materials.filter((material) => material.required)]));
  const itemOf = new Map((await db.selectFrom('cases').select(['id', 'item_id']).where('id', 'in', allWaiting.length > 0 ? allWaiting.map((row) => row.id) : ['-']).execute()).map((row) => [row.id, row.item_id]));
  const materials = allWaiting.flatMap((row) => (requiredOf.get(itemOf.get(row.id) ?? '') ?? []).map((material) => ({ id: newId(), case_id: row.id, material_key: material.key, name: material.name, source: 'upload' as const, file_id: null, licence_reference: null, round: 1, created_at: toTimestamp(nowMs - 3_600_000) })));
  for (let offset = 0; offset < materials.length; offset += 500) await db.insertInto('case_materials').values(materials.slice(offset, offset + 500)).execute();
  const servicesDeps = { ...deps, store: undefined as never };
  const transitions = await timed(async () => {
    for (const row of waiting) await actOnCase(servicesDeps, window!, row.id, row.version, { action: 'accept', opinion: '' });
  });
  const events = await db.selectFrom('outbox').select(['id', 'topic', 'payload_json', 'unit_id', 'created_at']).where('channel', '=', 'event').where('topic', 'like', 'case.%').execute();
  const [evaluate] = supervisionSubscriptions(deps);
  const findingsBefore = await countFindings(db);
  const findingIdsBefore = new Set((await db.selectFrom('supervision_findings').select('id').execute()).map((row) => row.id));
  const delivered = events.map((event) => ({ topic: event.topic!, payload: JSON.parse(event.payload_json ?? 'null') as unknown, event: { id: event.id, topic: event.topic!, unitId: event.unit_id, createdAt: event.created_at, attempt: 1 } }));
  // Half the events one at a time (an idle platform: each event alone), the other half as the dispatcher hands
  // them over under load: 20 at a time, as a claim of 50 rows holds them beside the notices the findings queue.
  const half = Math.floor(delivered.length / 2);
  const evaluation = await timed(async () => {
    for (const { topic, payload, event } of delivered.slice(0, half)) await evaluate!.handler(topic, payload, event);
  });
  const batched = await timed(async () => {
    for (let offset = half; offset < delivered.length; offset += 20) await evaluate!.batchHandler!(delivered.slice(offset, offset + 20));
  });
  await sql`create table bench_plain (id text primary key, at text not null)`.execute(db);
  const plain = await timed(async () => {
    for (let index = 0; index < waiting.length; index += 1) await db.transaction().execute((tx) => tx.insertInto('bench_plain' as never).values({ id: newId(), at: toTimestamp(Date.now()) } as never).execute());
  });
  const per = (ms: number, count = waiting.length) => (count > 0 ? (ms / count).toFixed(2) : '–');
  const findingsRaised = (await countFindings(db)) - findingsBefore;
  const raisedByRule = new Map<string, number>();
  for (const row of await db.selectFrom('supervision_findings').select(['id', 'rule_code', 'level']).execute()) {
    if (!findingIdsBefore.has(row.id)) raisedByRule.set(`${row.rule_code} ${row.level}`, (raisedByRule.get(`${row.rule_code} ${row.level}`) ?? 0) + 1);
  }
  console.log(`  per transition (${waiting.length} accepted): the transition ${per(transitions.ms)} ms; a plain commit ${per(plain.ms)} ms`);
  console.log(`    its event-driven evaluation: one event at a time ${per(evaluation.ms, half)} ms, 20 at a time ${per(batched.ms, delivered.length - half)} ms   target ≤ 1 ms (${findingsRaised} findings raised by the ${delivered.length} events: ${[...raisedByRule].map(([rule, count]) => `${rule} ${count}`).join(', ')})`);
  const underLoad = allWaiting.slice(TRANSITIONS);
  const sustained = await measureSustainedTransitions(platform, deps, window!, underLoad.slice(0, Math.floor(underLoad.length / 2)), underLoad.slice(Math.floor(underLoad.length / 2)));
  console.log(`  under load (${sustained.transitions} accepted by ${STREAMS} windows at once, twice): transitions alone ${per(sustained.aloneMs, sustained.transitions)} ms each; with the dispatcher delivering their events and notices ${per(sustained.withEvaluationMs, sustained.transitions)} ms`);
  console.log(`    added per transition by event-driven evaluation: ${per(sustained.withEvaluationMs - sustained.aloneMs, sustained.transitions)} ms   target ≤ 1 ms (${sustained.findingsRaised} findings raised, ${sustained.delivered} outbox rows delivered)`);
  console.log(`  memory: rss ${megabytes(process.memoryUsage().rss)}`);
  if (!databaseUrl) console.log(`  database file: ${megabytes(fs.statSync(path.join(dataDir, 'zhengtong.sqlite')).size)}`);
  await platform.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/** Resolved findings of earlier days on `count` of the cases, each with its raised and resolved entries. */
async function loadFindingHistory(db: Awaited<ReturnType<typeof createPlatform>>['database']['db'], caseIds: readonly string[], count: number): Promise<void> {
  const unitOf = new Map<string, string>();
  const stride = Math.max(1, Math.floor(caseIds.length / count));
  const chosen = caseIds.filter((_id, index) => index % stride === 0).slice(0, count);
  for (let offset = 0; offset < chosen.length; offset += 1000) {
    const ids = chosen.slice(offset, offset + 1000);
    for (const row of await db.selectFrom('cases').select(['id', 'unit_id', 'case_number']).where('id', 'in', ids).execute()) unitOf.set(row.id, `${row.unit_id}|${row.case_number}`);
  }
  const raisedAt = toTimestamp(MONDAY - 30 * 86_400_000);
  const resolvedAt = toTimestamp(MONDAY - 20 * 86_400_000);
  for (let offset = 0; offset < chosen.length; offset += 250) {
    const findings = chosen.slice(offset, offset + 250).map((caseId) => {
      const [unitId, label] = unitOf.get(caseId)!.split('|') as [string, string];
      return {
        id: newId(MONDAY - 30 * 86_400_000), finding_key: `timeliness.step|case|${caseId}|step:history|warning`, category: 'timeliness', rule_code: 'timeliness.step', level: 'warning' as const, subject_type: 'case', subject_id: caseId,
        subject_label: label, unit_id: unitId, deadline_key: 'step:history', due_on: raisedAt.slice(0, 10), detail: '办理环节时限即将到期', raised_at: raisedAt, raised_on: raisedAt.slice(0, 10), resolved_at: resolvedAt, status: 'notified' as const, updated_at: resolvedAt,
      };
    });
    await db.insertInto('supervision_findings').values(findings).execute();
    const actions = findings.flatMap((finding) => [
      { id: newId(MONDAY - 30 * 86_400_000), finding_id: finding.id, action: 'raised' as const, actor_user_id: null, actor_name: '电子监察系统', actor_unit_id: null, note: finding.detail, occurred_at: raisedAt },
      { id: newId(MONDAY - 20 * 86_400_000), finding_id: finding.id, action: 'resolved' as const, actor_user_id: null, actor_name: '电子监察系统', actor_unit_id: null, note: '时限已结束', occurred_at: resolvedAt },
    ]);
    await db.insertInto('supervision_finding_actions').values(actions).execute();
  }
}

async function countFindings(db: Awaited<ReturnType<typeof createPlatform>>['database']['db']): Promise<number> {
  return Number((await db.selectFrom('supervision_findings').select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow()).count);
}

for (const size of SIZES) {
  if (!process.env['BENCH_SKIP_SQLITE']) await benchSize('SQLite', undefined, size);
  if (process.env['BENCH_PG_URL']) await withFreshPostgres(process.env['BENCH_PG_URL'], 'zt_bench_supervision', (url) => benchSize('PostgreSQL', url, size));
}
