// Two evaluations of events of a case not watched yet (no row to lock), as on two nodes at once: the first reads
// the case, the case moves on, the second evaluates the newer state; the first must not then write its older
// state last. On PostgreSQL the first is held between its read and its write (a third session holds the findings
// table, which the first needs next) while the case is withdrawn and the second evaluation runs: the second must
// wait for the first and then see what it wrote. SQLite runs one transaction at a time: there the two evaluations
// can only run one after the other, and the test checks the same outcome. The first is a lone event's evaluation or
// a claimed batch's (evaluateCases), which holds the keys of its cases not watched yet the same way.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { act, applyFor, completeGuide, publishItem } from '../services/fixtures.ts';
import { CASE_SUBJECT, evaluateCase, evaluateCases } from '../../src/modules/supervision/case-subjects.ts';

const on = testDialect();
let app: TestApp;
let itemId: string;

before(async () => {
  // Monday 16 November 2026, 09:00 in China. 3 promised days: the review step is due tomorrow (a warning).
  app = await createTestApp({ startAt: new Date('2026-11-16T01:00:00Z') });
  itemId = await publishItem(app, completeGuide({ promisedDays: 3, statutoryDays: 20 }));
});
after(() => app.close());

const deps = () => ({ db: app.platform.database.db, calendar: () => app.platform.calendar.getCalendar(), now: app.clock.now });
const evaluate = (caseId: string) => app.platform.database.db.transaction().execute((tx) => evaluateCase(tx, deps(), caseId));
// A claimed batch of events whose cases are this one and another (evaluateCases): its keys are held the same way.
const evaluateInBatch = (caseId: string, otherId: string) => app.platform.database.db.transaction().execute(async (tx) => (await evaluateCases(tx, deps(), [caseId, otherId])) === 2);

async function watchedRow(caseId: string) {
  return app.platform.database.db.selectFrom('supervision_subjects').select('deadlines_json').where('subject_type', '=', CASE_SUBJECT).where('subject_id', '=', caseId).executeTakeFirst();
}

async function withdraw(caseId: string): Promise<void> {
  const citizen = await app.signIn('liu.yang');
  const mine = await citizen.get(`/api/my/cases/${caseId}`);
  const withdrawn = await citizen.post(`/api/my/cases/${caseId}/withdraw`, { version: mine.body.version, command: { action: 'withdraw', reason: '不再经营' } });
  assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.body));
}

/** A case accepted at the window, waiting at the review step; its events not evaluated, so it is not watched yet. */
async function acceptedCase(): Promise<string> {
  const caseId = (await applyFor(await app.signIn('liu.yang'), itemId)).id;
  assert.equal((await act(await app.signIn('deng.xiao'), caseId, { action: 'accept', opinion: '材料齐全' })).status, 200);
  return caseId;
}

/** Resolves once some session waits for a lock (pg_locks), so the test goes on only when the evaluation is held. */
async function untilSomeoneWaits(): Promise<void> {
  for (let tries = 0; tries < 200; tries += 1) {
    const waiting = await sql<{ count: string }>`select count(*) as count from pg_locks where not granted`.execute(app.platform.database.db);
    if (Number(waiting.rows[0]!.count) > 0) return;
    await sleep(25);
  }
  throw new Error('no session waited for a lock');
}

for (const firstIn of ['its own transaction', 'a batch'] as const) {
  test(`${on}: the first evaluation of a case not watched yet, in ${firstIn}, is not overwritten with an older state by one that read before`, async () => {
    const [caseId, otherId] = [await acceptedCase(), await acceptedCase()];
    const evaluateFirst = () => (firstIn === 'a batch' ? evaluateInBatch(caseId, otherId) : evaluate(caseId));
    const { db } = app.platform.database;
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
        await withdraw(caseId);
        second = evaluate(caseId).finally(() => (secondDone = true));
        await sleep(300);
        assert.equal(secondDone, false, 'the second evaluation waits for the first, which holds the case\'s key');
      });
      assert.equal(await first, true);
      assert.equal(await second, true);
    } else {
      assert.equal(await evaluateFirst(), true);
      await withdraw(caseId);
      assert.equal(await evaluate(caseId), true);
    }

    assert.equal(await watchedRow(caseId), undefined, 'the withdrawn case is not watched: no stale running deadline for the sweep to raise');
    const findings = await db.selectFrom('supervision_findings').select(['level', 'resolved_at']).where('subject_id', '=', caseId).where('deadline_key', 'like', 'step:review:%').execute();
    assert.deepEqual(findings.map((finding) => finding.level), ['warning'], 'the first evaluation raised the review step\'s warning');
    assert.ok(findings.every((finding) => finding.resolved_at !== null), 'and the second resolved it');
  });
}
