// The county of the supervision tests that race evaluations: a test app on Monday 16 November 2026, 09:00 in
// China, and an item of 3 promised days (review 1, decide 1, delivery 1). A case accepted at the window then waits
// at the review step, due Tuesday: a warning stands.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { createTestApp, type TestApp } from '../harness.ts';
import { act, applyFor, completeGuide, publishItem } from '../services/fixtures.ts';
import { evaluateCase } from '../../src/modules/supervision/case-subjects.ts';

export interface MondayCounty {
  app: TestApp;
  itemId: string;
}

/** Starts the app and publishes the item before the file's tests, and closes the app after them. */
export function mondayCounty(): MondayCounty {
  const county = {} as MondayCounty;
  before(async () => {
    county.app = await createTestApp({ startAt: new Date('2026-11-16T01:00:00Z') });
    county.itemId = await publishItem(county.app, completeGuide({ promisedDays: 3, statutoryDays: 20 }));
  });
  after(() => county.app.close());
  return county;
}

/** What supervision's evaluations take of the app: its database, calendar and clock. */
export function supervisionDeps(app: TestApp) {
  return { db: app.platform.database.db, calendar: () => app.platform.calendar.getCalendar(), now: app.clock.now };
}

/** Evaluates a case as a lone event's evaluation does, in a transaction of its own; false when there is no such case. */
export function evaluateCaseAlone(app: TestApp, caseId: string): Promise<boolean> {
  return app.platform.database.db.transaction().execute((tx) => evaluateCase(tx, supervisionDeps(app), caseId));
}

/** A case applied for and accepted at the window; its events are left to the caller. */
export async function acceptCase(county: MondayCounty): Promise<string> {
  const caseId = (await applyFor(await county.app.signIn('liu.yang'), county.itemId)).id;
  assert.equal((await act(await county.app.signIn('deng.xiao'), caseId, { action: 'accept', opinion: '材料齐全' })).status, 200);
  return caseId;
}

/** The applicant withdraws the case from their own pages. */
export async function withdrawAsApplicant(app: TestApp, caseId: string): Promise<void> {
  const citizen = await app.signIn('liu.yang');
  const mine = await citizen.get(`/api/my/cases/${caseId}`);
  const withdrawn = await citizen.post(`/api/my/cases/${caseId}/withdraw`, { version: mine.body.version, command: { action: 'withdraw', reason: '不再经营' } });
  assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.body));
}
