// An event's evaluation does not read the subject's findings to raise what stands: it hands every standing
// finding to the batch, whose insert skips keys on record. A warning that still stands when the case is
// evaluated again (a retry, another event) is then neither stored nor announced again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDialect } from '../test-database.ts';
import { acceptCase, evaluateCaseAlone, mondayCounty } from './monday-county.ts';

const on = testDialect();
const county = mondayCounty();
const evaluate = (caseId: string) => evaluateCaseAlone(county.app, caseId);

test(`${on}: a warning that still stands when the case is evaluated again is stored and announced once`, async () => {
  const { db } = county.app.platform.database;
  const caseId = await acceptCase(county);
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
  county.app.clock.advance(3_600_000);
  assert.equal(await evaluate(caseId), true);
  assert.deepEqual(await announced(), first);
});
