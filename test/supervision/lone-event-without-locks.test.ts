// A lone case event's evaluation on PostgreSQL reads without locks and writes in one statement only if neither the
// case's watched row nor the case moved since it read them (attemptCaseEvaluationWithoutLocks). These tests hold an
// attempt between its read and its write, move the case or the row, and check that the attempt then writes nothing
// at all (no row, finding, history entry, message or outbox row), and that the event's evaluation ends where the
// evaluation under lock would. A case accepted on Monday is evaluated at the review step, due Tuesday, where a
// warning stands; then the reviewer forwards it, and that event's evaluation resolves the review step's warning and
// raises the decision step's. SQLite has no attempts (one transaction at a time): there the event is evaluated under
// lock, and the same outcomes are checked.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { sql } from 'kysely';
import { testDialect } from '../test-database.ts';
import { act, applyFor } from '../services/fixtures.ts';
import { acceptCase, evaluateCaseAlone, mondayCounty, supervisionDeps, withdrawAsApplicant } from './monday-county.ts';
import { attemptCaseEvaluationWithoutLocks, CASE_SUBJECT, evaluateCaseAfterEvent, type CaseEvaluationAttempt } from '../../src/modules/supervision/case-subjects.ts';

const on = testDialect();
const county = mondayCounty();
const deps = () => supervisionDeps(county.app);
const db = () => county.app.platform.database.db;

/** A case accepted and evaluated at the review step (watched, the review step's warning raised), then forwarded by the reviewer; that event is left to the test. */
async function forwardedAfterReviewWarning(): Promise<string> {
  const caseId = await acceptCase(county);
  assert.equal(await evaluateCaseAlone(county.app, caseId), true);
  assert.equal((await act(await county.app.signIn('yang.lei'), caseId, { action: 'forward', opinion: '' })).status, 200);
  return caseId;
}

/** The write of an attempt that read without locks (a watched case on PostgreSQL). */
function writeOf(attempt: CaseEvaluationAttempt): Promise<boolean> {
  assert.notEqual(attempt, 'under lock', 'a watched case on PostgreSQL is attempted without locks');
  return (attempt as Exclude<CaseEvaluationAttempt, 'under lock'>).write();
}

/** What the case's evaluations have left: its watched row, findings with their history, and the notices about them. */
async function traceOf(caseId: string) {
  const row = await db().selectFrom('supervision_subjects').select(['deadlines_json', 'next_check_on']).where('subject_type', '=', CASE_SUBJECT).where('subject_id', '=', caseId).executeTakeFirst();
  const findings = await db().selectFrom('supervision_findings').select(['id', 'rule_code', 'level', 'deadline_key', 'resolved_at']).where('subject_id', '=', caseId).orderBy('raised_at').orderBy('deadline_key').execute();
  const ids = findings.length > 0 ? findings.map((finding) => finding.id) : ['-'];
  const entries = await db().selectFrom('supervision_finding_actions').select(['finding_id', 'action', 'note']).where('finding_id', 'in', ids).orderBy('occurred_at').orderBy('action').execute();
  const messages = await db().selectFrom('messages').select(['user_id', 'title']).where('link', 'in', ids.map((id) => `/supervision/findings/${id}`)).execute();
  const events = await db().selectFrom('outbox').select('payload_json').where('topic', '=', 'supervision.finding_raised').execute();
  const sms = await db().selectFrom('outbox').select('body').where('channel', '=', 'sms').where('topic', 'like', 'supervision.finding_%').execute();
  const about = (text: string | null) => ids.some((id) => (text ?? '').includes(id));
  const label = findings.length > 0 ? (await db().selectFrom('cases').select('case_number').where('id', '=', caseId).executeTakeFirstOrThrow()).case_number : '-';
  return {
    row: row ? { steps: (JSON.parse(row.deadlines_json) as Array<{ key: string }>).map((deadline) => deadline.key.split(':').slice(0, 2).join(':')), nextCheckOn: row.next_check_on } : null,
    findings: findings.map((finding) => ({ rule: finding.rule_code, level: finding.level, deadline: finding.deadline_key?.split(':').slice(0, 2).join(':') ?? null, resolved: finding.resolved_at !== null })),
    entries: entries.map((entry) => `${findings.findIndex((finding) => finding.id === entry.finding_id)} ${entry.action} ${entry.action === 'resolved' ? entry.note : ''}`.trim()).sort(),
    messages: messages.length,
    events: events.filter((event) => about(event.payload_json)).length,
    sms: sms.filter((message) => (message.body ?? '').includes(label)).length,
  };
}

test(`${on}: a lone event's evaluation ends where the evaluation under lock does`, async () => {
  const [byAttempt, underLock] = [await forwardedAfterReviewWarning(), await forwardedAfterReviewWarning()];
  await evaluateCaseAfterEvent(deps(), byAttempt);
  assert.equal(await evaluateCaseAlone(county.app, underLock), true);
  const [traced, expected] = [await traceOf(byAttempt), await traceOf(underLock)];
  assert.deepEqual(traced, expected);
  // What both did: the review step's warning resolved when the step was done, the decision step's raised and notified.
  assert.deepEqual(traced.row?.steps, ['case', 'step:decide']);
  assert.deepEqual(traced.findings, [
    { rule: 'timeliness.step', level: 'warning', deadline: 'step:review', resolved: true },
    { rule: 'timeliness.step', level: 'warning', deadline: 'step:decide', resolved: false },
  ]);
  assert.deepEqual(traced.entries, ['0 raised', '0 resolved 时限已结束', '1 raised']);
  assert.ok(traced.messages >= 2 && traced.events === 2, JSON.stringify(traced));
});

test(`${on}: an attempt whose case moved after it read writes nothing, and the event is evaluated again from the newer case`, async () => {
  const caseId = await forwardedAfterReviewWarning();
  const before = await traceOf(caseId);
  if (on === 'postgres') {
    const attempt = await attemptCaseEvaluationWithoutLocks(deps(), caseId);
    assert.notEqual(attempt, 'under lock');
    // The attempt read the forwarded case: the decision step's warning stands. The applicant withdraws it meanwhile.
    await withdrawAsApplicant(county.app, caseId);
    assert.equal(await writeOf(attempt), false);
    assert.deepEqual(await traceOf(caseId), before, 'nothing of the attempt was written: no decision warning, no notice, the review warning open, the row as it was');
  } else {
    await withdrawAsApplicant(county.app, caseId);
  }
  await evaluateCaseAfterEvent(deps(), caseId);
  const after = await traceOf(caseId);
  assert.equal(after.row, null, 'the withdrawn case is no longer watched');
  assert.deepEqual(after.findings, [{ rule: 'timeliness.step', level: 'warning', deadline: 'step:review', resolved: true }], 'the review step\'s warning resolved; the decision step\'s never raised for a withdrawn case');
});

test(`${on}: an attempt whose watched row another node wrote after it read writes nothing, even when it concluded nothing changes`, async () => {
  const caseId = await forwardedAfterReviewWarning();
  const touchRow = () => db().updateTable('supervision_subjects').set((eb) => ({ evaluated_at: eb.ref('evaluated_at') })).where('subject_type', '=', CASE_SUBJECT).where('subject_id', '=', caseId).execute();
  if (on === 'postgres') {
    const attempt = await attemptCaseEvaluationWithoutLocks(deps(), caseId);
    const before = await traceOf(caseId);
    await touchRow();
    assert.equal(await writeOf(attempt), false);
    assert.deepEqual(await traceOf(caseId), before);
    // The next attempt reads the row as it is now and writes.
    const again = await attemptCaseEvaluationWithoutLocks(deps(), caseId);
    assert.equal(await writeOf(again), true);
    // Evaluated again with nothing new, an attempt concludes nothing changes, yet still writes only if the row is as it read it.
    const unchanged = await attemptCaseEvaluationWithoutLocks(deps(), caseId);
    await touchRow();
    assert.equal(await writeOf(unchanged), false);
    const fresh = await attemptCaseEvaluationWithoutLocks(deps(), caseId);
    assert.equal(await writeOf(fresh), true);
  } else {
    assert.equal(await attemptCaseEvaluationWithoutLocks(deps(), caseId), 'under lock', 'SQLite evaluates under lock');
    await evaluateCaseAfterEvent(deps(), caseId);
    await evaluateCaseAfterEvent(deps(), caseId);
  }
  const after = await traceOf(caseId);
  assert.deepEqual(after.row?.steps, ['case', 'step:decide']);
  assert.equal(after.findings.filter((finding) => finding.deadline === 'step:decide').length, 1, 'raised once however often the event is evaluated');
  assert.deepEqual(after.entries.filter((entry) => entry.startsWith('0 ')), ['0 raised', '0 resolved 时限已结束'], 'and the review step\'s warning resolved once');
});

test(`${on}: a case not watched yet is evaluated under lock`, async () => {
  const caseId = (await applyFor(await county.app.signIn('liu.yang'), county.itemId)).id;
  assert.equal(await attemptCaseEvaluationWithoutLocks(deps(), caseId), 'under lock');
  await evaluateCaseAfterEvent(deps(), caseId);
  assert.deepEqual((await traceOf(caseId)).row?.steps, ['case', 'step:accept']);
});

test(`${on}: an attempt's write waits for a transition of its case still in progress, then writes nothing`, async () => {
  const caseId = await forwardedAfterReviewWarning();
  const attempt = await attemptCaseEvaluationWithoutLocks(deps(), caseId);
  if (on !== 'postgres') {
    assert.equal(attempt, 'under lock', 'SQLite evaluates under lock');
    return;
  }
  const before = await traceOf(caseId);
  let written: Promise<boolean> | undefined;
  let settled = false;
  // Another session moves the case on and has not committed yet: the write must not pass it by the older row.
  await db().transaction().execute(async (transition) => {
    await transition.updateTable('cases').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', caseId).execute();
    written = writeOf(attempt).finally(() => (settled = true));
    for (let tries = 0; tries < 200; tries += 1) {
      const waiting = await sql<{ count: string }>`select count(*) as count from pg_locks where not granted`.execute(db());
      if (Number(waiting.rows[0]!.count) > 0) break;
      await sleep(25);
    }
    await sleep(100);
    assert.equal(settled, false, 'the write waits for the case row');
  });
  assert.equal(await written, false, 'and, the transition committed, finds the case moved on');
  assert.deepEqual(await traceOf(caseId), before);
});
