// Which statements a lone case event's evaluation runs on PostgreSQL, and the time spent in each. On a fresh
// database of 20,000 open cases, a thousand are accepted at the window; then their events are evaluated one at a
// time (100 to warm up, 500 traced). Each statement the pool's clients send is timed from the call to its answer,
// so a round trip counts in full. Prints statements per event and their share of the event's time.
//   BENCH_PG_URL=postgres://… npx node bench/lone-event-statements.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { createPlatform } from '../src/platform.ts';
import { buildActorOfUsername } from '../src/modules/identity/index.ts';
import { actOnCase } from '../src/modules/services/cases.service.ts';
import { reevaluateAllCases, supervisionSubscriptions } from '../src/modules/supervision/index.ts';
import { generateCases, loadItemFacts } from './case-data.ts';
import { withFreshPostgres } from './fresh-postgres.ts';

const TRACED = 500;
const serverUrl = process.env['BENCH_PG_URL'];
if (!serverUrl) throw new Error('BENCH_PG_URL: the PostgreSQL server to measure on');

// Patched before the platform connects: the pool's clients bind their query function when first checked out.
const byStatement = new Map<string, { count: number; ms: number }>();
let tracing = false;
const sendQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: unknown }).query = function traced(this: unknown, ...args: unknown[]) {
  const first = args[0] as string | { text?: string };
  const text = (typeof first === 'string' ? first : (first.text ?? '')).replace(/\s+/g, ' ').slice(0, 110);
  const started = performance.now();
  const answer = sendQuery.apply(this, args);
  if (tracing && answer instanceof Promise) {
    answer.then(
      () => {
        const seen = byStatement.get(text) ?? { count: 0, ms: 0 };
        seen.count += 1;
        seen.ms += performance.now() - started;
        byStatement.set(text, seen);
      },
      () => undefined,
    );
  }
  return answer;
};

await withFreshPostgres(serverUrl, 'zt_bench_statements', async (databaseUrl) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-statements-'));
  const now = () => new Date('2026-11-16T01:00:00Z');
  const platform = await createPlatform(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', SEED_DEMO: 'true', WORKERS: 'false', DATABASE_URL: databaseUrl }), { now });
  try {
    const { db } = platform.database;
    const deps = { db, calendar: () => platform.calendar.getCalendar(), now };
    await db.deleteFrom('outbox').execute();
    await generateCases(db, (await loadItemFacts(db)).filter((item) => item.promisedDays > 0), 20_000, { now: now(), openPercent: 100, deadlineOf: () => '2026-12-31' });
    await sql`analyze`.execute(db);
    await reevaluateAllCases(deps);
    const window = await buildActorOfUsername(db, 'deng.xiao');
    const waiting = await db.selectFrom('cases').select(['id', 'version']).where('status', '=', 'submitted').where('current_step_key', '=', 'accept').limit(100 + TRACED).execute();
    for (const row of waiting) await actOnCase(deps, window!, row.id, row.version, { action: 'accept', opinion: '' });
    const [evaluate] = supervisionSubscriptions(deps);
    const evaluateAlone = (caseId: string) => evaluate!.handler('case.accepted', { caseId }, { id: caseId, topic: 'case.accepted', unitId: null, createdAt: '', attempt: 1 });
    for (const row of waiting.slice(0, 100)) await evaluateAlone(row.id);
    tracing = true;
    const started = performance.now();
    for (const row of waiting.slice(100)) await evaluateAlone(row.id);
    const perEvent = (performance.now() - started) / TRACED;
    tracing = false;
    let statements = 0;
    let inStatements = 0;
    for (const [text, seen] of [...byStatement].sort((a, b) => b[1].ms - a[1].ms)) {
      statements += seen.count;
      inStatements += seen.ms;
      console.log(`${(seen.count / TRACED).toFixed(2)}/event  ${(seen.ms / TRACED).toFixed(3)} ms/event  ${(seen.ms / seen.count).toFixed(3)} ms each  ${text}`);
    }
    console.log(`per event ${perEvent.toFixed(3)} ms, of which in statements ${(inStatements / TRACED).toFixed(3)} ms; ${(statements / TRACED).toFixed(2)} statements per event`);
  } finally {
    await platform.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
