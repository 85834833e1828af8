// Two evaluations of events of a case not watched yet (no row to lock), as on two nodes at once: the first reads
// the case, the case moves on, the second evaluates the newer state; the first must not then write its older
// state last. On PostgreSQL the first is held between its read and its write (a third session holds the findings
// table, which the first needs next) while the case is withdrawn and the second evaluation runs: the second must
// wait for the first and then see what it wrote. SQLite runs one transaction at a time: there the two evaluations
// can only run one after the other, and the test checks the same outcome. The first is a lone event's evaluation or
// a claimed batch's (evaluateCases), which holds the keys of its cases not watched yet the same way.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { sql } from 'kysely';
import { testDialect } from '../test-database.ts';
import { acceptCase, evaluateCaseAlone, mondayCounty, supervisionDeps, withdrawAsApplicant } from './monday-county.ts';
import { CASE_SUBJECT, evaluateCases } from '../../src/modules/supervision/case-subjects.ts';

const on = testDialect();
// Its cases are accepted with their events left undelivered: not watched yet.
const county = mondayCounty();
const deps = () => supervisionDeps(county.app);
const evaluate = (caseId: string) => evaluateCaseAlone(county.app, caseId);
// A claimed batch of events whose cases are this one and another (evaluateCases): its keys are held the same way.
const evaluateInBatch = (caseId: string, otherId: string) => county.app.platform.database.db.transaction().execute(async (tx) => (await evaluateCases(tx, deps(), [caseId, otherId])) === 2);

async function watchedRow(caseId: string) {
  return county.app.platform.database.db.selectFrom('supervision_subjects').select('deadlines_json').where('subject_type', '=', CASE_SUBJECT).where('subject_id', '=', caseId).executeTakeFirst();
}

/** Resolves once some session waits for a lock (pg_locks), so the test goes on only when the evaluation is held. */
async function untilSomeoneWaits(): Promise<void> {
  for (let tries = 0; tries < 200; tries += 1) {
    const waiting = await sql<{ count: string }>`select count(*) as count from pg_locks where not granted`.execute(county.app.platform.database.db);
    if (Number(waiting.rows[0]!.count) > 0) return;
    await sleep(25);
  }
  throw new Error('no session waited for a lock');
}

for (const firstIn of ['its own transaction', 'a batch'] as const) {
  test(`${on}: the first evaluation of a case not watched yet, in ${firstIn}, is not overwritten with an older state by one that read before`, async () => {
    const [caseId, otherId] = [await acceptCase(county), await acceptCase(county)];
    const evaluateFirst = () => (firstIn === 'a batch' ? evaluateInBatch(caseId, otherId) : evaluate(caseId));
    const { db } = county.app.platform.database;
    await db.deleteFrom('outbox').where('channel', '=', 'event').execute();
    assert.equal(await watchedRow(caseId), undefined, 'not watched yet: its events were not evaluated');

    if (on === 'postgres') {
      let second: Promise<boolean> | undefined;
      let secondDone = false;
      let first: Promise<boolean> | undefined;
      await db.transaction().execute(async (holder) => {
        await sql`lock table supervision_findings in access exclusive mode`.execute(holder);
        // The first evaluation reads the case at the review step, where a warning stands, and waits to read findings.
        first = evaluateFirst();
        await untilSomeoneWaits();
        // Meanwhile the applicant withdraws the case and its event is evaluated on another connection.
        await withdrawAsApplicant(county.app, caseId);
        second = evaluate(caseId).finally(() => (secondDone = true));
        await sleep(300);
        assert.equal(secondDone, false, 'the second evaluation waits for the first, which holds the case\'s key');
      });
      assert.equal(await first, true);
      assert.equal(await second, true);
    } else {
      assert.equal(await evaluateFirst(), true);
      await withdrawAsApplicant(county.app, caseId);
      assert.equal(await evaluate(caseId), true);
    }

    assert.equal(await watchedRow(caseId), undefined, 'the withdrawn case is not watched: no stale running deadline for the sweep to raise');
    const findings = await db.selectFrom('supervision_findings').select(['level', 'resolved_at']).where('subject_id', '=', caseId).where('deadline_key', 'like', 'step:review:%').execute();
    assert.deepEqual(findings.map((finding) => finding.level), ['warning'], 'the first evaluation raised the review step\'s warning');
    assert.ok(findings.every((finding) => finding.resolved_at !== null), 'and the second resolved it');
  });
}
