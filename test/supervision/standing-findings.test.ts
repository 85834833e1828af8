// An event's evaluation does not read the subject's findings to raise what stands: it hands every standing
// finding to the batch, whose insert skips keys on record. A warning that still stands when the case is
// evaluated again (a retry, another event) is then neither stored nor announced again.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { act, applyFor, completeGuide, publishItem } from '../services/fixtures.ts';
import { evaluateCase } from '../../src/modules/supervision/case-subjects.ts';

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

test(`${on}: a warning that still stands when the case is evaluated again is stored and announced once`, async () => {
  const { db } = app.platform.database;
  const caseId = (await applyFor(await app.signIn('liu.yang'), itemId)).id;
  assert.equal((await act(await app.signIn('deng.xiao'), caseId, { action: 'accept', opinion: '材料齐全' })).status, 200);
  const announced = async () => {
    const findings = await db.selectFrom('supervision_findings').select(['id', 'level', 'deadline_key']).where('subject_id', '=', caseId).execute();
    const ids = findings.map((finding) => finding.id);
    const count = async (query: Promise<unknown[]>) => (ids.length === 0 ? 0 : (await query).length);
    return {
      findings: findings.map((finding) => `${finding.deadline_key!.split(':')[0]}:${finding.level}`).sort(),
      entries: await count(db.selectFrom('supervision_finding_actions').select('id').where('finding_id', 'in', ids).execute()),
      messages: await count(db.selectFrom('messages').select('id').where('link', 'in', ids.map((id) => `/supervision/findings/${id}`)).execute()),
      events: await count(db.selectFrom('outbox').select('payload_json').where('topic', '=', 'supervision.finding_raised').execute().then((rows) => rows.filter((row) => ids.some((id) => (row.payload_json ?? '').includes(id))))),
    };
  };

  assert.equal(await evaluate(caseId), true);
  const first = await announced();
  assert.deepEqual(first.findings, ['step:warning']);
  assert.ok(first.messages > 0, 'the unit was told');
  assert.deepEqual([first.entries, first.events], [1, 1]);

  // The same event delivered again, and later the same day again (another event of the case, or a retry after a
  // failure further on) while the warning still stands.
  assert.equal(await evaluate(caseId), true);
  app.clock.advance(3_600_000);
  assert.equal(await evaluate(caseId), true);
  assert.deepEqual(await announced(), first);
});
