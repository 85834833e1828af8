// On PostgreSQL, re-evaluating every case reads a page of cases before it locks their watched rows (the next page
// is read while one is written; SQLite reads each page inside its own transaction instead). An event evaluated in
// between moves a case on; the page must then not write its older state over the event's, nor take the new step's
// deadline for stopped and resolve what it raised. The page is read, the case moved on and its event evaluated,
// then the stale page evaluated (reevaluateCasePage): deterministically, on both databases.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deliverEvents } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { act } from '../services/fixtures.ts';
import { acceptCase, mondayCounty, supervisionDeps, withdrawAsApplicant } from './monday-county.ts';
import { findRunningCasesForSupervision } from '../../src/modules/services/index.ts';
import { CASE_SUBJECT, reevaluateCasePage } from '../../src/modules/supervision/case-subjects.ts';
import { loadRules } from '../../src/modules/supervision/supervision-evaluation.ts';
import { insertSubjectsIfAbsent } from '../../src/modules/supervision/supervision.repository.ts';

const on = testDialect();
const county = mondayCounty();
const deps = () => supervisionDeps(county.app);

async function watched(caseId: string): Promise<string[] | undefined> {
  const row = await county.app.platform.database.db.selectFrom('supervision_subjects').select('deadlines_json').where('subject_type', '=', CASE_SUBJECT).where('subject_id', '=', caseId).executeTakeFirst();
  return row ? (JSON.parse(row.deadlines_json) as Array<{ key: string }>).map((deadline) => deadline.key.split(':').slice(0, 2).join(':')).sort() : undefined;
}

async function stepFindings(caseId: string, step: string): Promise<Array<{ level: string; resolved_at: string | null }>> {
  return county.app.platform.database.db.selectFrom('supervision_findings').select(['level', 'resolved_at']).where('subject_id', '=', caseId).where('deadline_key', 'like', `step:${step}:%`).execute();
}

/** A case accepted at the window, its event evaluated: it waits at the review step, due tomorrow (a warning). */
async function acceptedCase(): Promise<string> {
  const caseId = await acceptCase(county);
  await deliverEvents(county.app);
  return caseId;
}

/** The page re-evaluation reads now: every running case as it stands. */
async function readPage() {
  return findRunningCasesForSupervision(county.app.platform.database.db, '', 1000);
}

async function evaluateStalePage(page: Awaited<ReturnType<typeof readPage>>): Promise<void> {
  const rules = await loadRules(county.app.platform.database.db, CASE_SUBJECT);
  await county.app.platform.database.db.transaction().execute((tx) => reevaluateCasePage(tx, deps(), county.app.platform.calendar.getCalendar(), page, rules));
}

test(`${on}: a page read before an event moved its case on keeps the event's newer state and findings`, async () => {
  const caseId = await acceptedCase();
  assert.deepEqual(await watched(caseId), ['case', 'step:review']);
  const page = await readPage();
  assert.deepEqual(page.find((found) => found.id === caseId)!.deadlines.map((deadline) => deadline.kind), ['case', 'step']);

  // Meanwhile the reviewer forwards the case and the event is evaluated: the decision step runs, due tomorrow.
  assert.equal((await act(await county.app.signIn('yang.lei'), caseId, { action: 'forward', opinion: '' })).status, 200);
  await deliverEvents(county.app);
  assert.deepEqual(await watched(caseId), ['case', 'step:decide']);
  assert.deepEqual((await stepFindings(caseId, 'decide')).map((finding) => [finding.level, finding.resolved_at]), [['warning', null]]);

  await evaluateStalePage(page);
  assert.deepEqual(await watched(caseId), ['case', 'step:decide'], 'the stale page did not write the review step back');
  assert.deepEqual((await stepFindings(caseId, 'decide')).map((finding) => [finding.level, finding.resolved_at]), [['warning', null]], 'the running step\'s warning is not resolved');
  assert.ok((await stepFindings(caseId, 'review')).every((finding) => finding.resolved_at !== null), 'the finished step\'s findings stay resolved');
});

test(`${on}: on a first pass (no watched row yet) a case that moved on since the page was read is described afresh`, async () => {
  const caseId = await acceptedCase();
  await county.app.platform.database.db.deleteFrom('supervision_subjects').where('subject_id', '=', caseId).execute();
  const page = await readPage();
  assert.equal((await act(await county.app.signIn('yang.lei'), caseId, { action: 'forward', opinion: '' })).status, 200);
  await deliverEvents(county.app);
  await county.app.platform.database.db.deleteFrom('supervision_subjects').where('subject_id', '=', caseId).execute();

  await evaluateStalePage(page);
  assert.deepEqual(await watched(caseId), ['case', 'step:decide']);
  assert.deepEqual((await stepFindings(caseId, 'decide')).map((finding) => [finding.level, finding.resolved_at]), [['warning', null]]);
});

test(`${on}: a page whose case has ended since it was read stops watching it and resolves what it raised`, async () => {
  const caseId = await acceptedCase();
  const page = await readPage();
  await withdrawAsApplicant(county.app, caseId);
  // The withdrawal's own evaluation has not run yet: the page is the first to look at the case again.
  await evaluateStalePage(page);
  assert.equal(await watched(caseId), undefined);
  assert.ok((await stepFindings(caseId, 'review')).length > 0);
  assert.ok((await stepFindings(caseId, 'review')).every((finding) => finding.resolved_at !== null));
  await deliverEvents(county.app);
  assert.equal(await watched(caseId), undefined);
});

test(`${on}: a row written by someone else after the page looked is kept by the page's insert`, async () => {
  const caseId = await acceptedCase();
  const row = await county.app.platform.database.db.selectFrom('supervision_subjects').selectAll().where('subject_id', '=', caseId).executeTakeFirstOrThrow();
  await county.app.platform.database.db.transaction().execute((tx) => insertSubjectsIfAbsent(tx, [{ ...row, deadlines_json: '[]', next_check_on: null }]));
  assert.deepEqual(await watched(caseId), ['case', 'step:review']);
  const fresh = { ...row, subject_id: `${caseId}-other` };
  await county.app.platform.database.db.transaction().execute((tx) => insertSubjectsIfAbsent(tx, [fresh, { ...row, deadlines_json: '[]' }]));
  assert.deepEqual(await watched(`${caseId}-other`), ['case', 'step:review'], 'an absent row is inserted, several at once too');
  assert.deepEqual(await watched(caseId), ['case', 'step:review']);
});
