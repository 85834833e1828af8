// Reporting to the provincial supervision platform (数据上报) against a receiver this test starts: case events
// and new findings are reported in the documented format with the configured token; while the platform is
// down the reports wait and are retried with backoff; after the last attempt a report is dead until a person
// retries it; a redelivered event never reports twice. Without an endpoint nothing is stored.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createTestApp, deliverEvents, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { act, applyFor, completeGuide, publishItem } from '../services/fixtures.ts';
import { deliverDueReports, MAX_REPORT_ATTEMPTS, reportBatchSchema, sweepDueSubjects } from '../../src/modules/supervision/index.ts';

const on = testDialect();
const DAY = 86_400_000;
let app: TestApp;
let receiver: http.Server;
let failWith: number | null = null;
const received: Array<{ authorization: string | undefined; body: unknown }> = [];

before(async () => {
  receiver = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (failWith !== null) {
        response.writeHead(failWith).end('platform busy');
        return;
      }
      received.push({ authorization: request.headers.authorization, body: JSON.parse(body) });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted: true }));
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/supervision/reports`;
  app = await createTestApp({ startAt: new Date('2026-11-16T01:00:00Z'), env: { PROVINCIAL_SUPERVISION_URL: url, PROVINCIAL_SUPERVISION_TOKEN: 'province-secret-token' } });
});
after(async () => {
  await app.close();
  receiver.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

const deps = () => ({ db: app.platform.database.db, calendar: () => app.platform.calendar.getCalendar(), now: app.clock.now, reporting: app.platform.config.provincialSupervision });


const reportsOf = (kind: string) => received.flatMap((request) => (request.body as { reports: Array<{ kind: string; data: Record<string, unknown>; reportId: string; event: string }> }).reports).filter((report) => report.kind === kind);

test(`${on}: case events and findings reach the provincial platform in the documented format, once each`, async () => {
  const itemId = await publishItem(app, completeGuide({ promisedDays: 3 }));
  const citizen = await app.signIn('liu.yang');
  const window = await app.signIn('deng.xiao');
  const caseId = (await applyFor(citizen, itemId)).id;
  assert.equal((await act(window, caseId, { action: 'accept', opinion: '' })).status, 200);
  await deliverEvents(app);
  app.clock.advance(2 * DAY);
  await sweepDueSubjects(deps());
  await deliverEvents(app);

  const sent = await deliverDueReports(deps());
  assert.ok(sent.sent > 0);
  assert.equal(sent.failed, 0);
  for (const request of received) {
    assert.equal(request.authorization, 'Bearer province-secret-token');
    const parsed = reportBatchSchema.safeParse(request.body);
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
    assert.equal(parsed.data.sender.regionName, '示范县');
  }
  const caseReports = reportsOf('case').filter((report) => report.data.caseId === caseId);
  assert.deepEqual(caseReports.map((report) => report.event), ['case.submitted', 'case.accepted']);
  assert.equal(caseReports[1]!.data.status, 'in_progress');
  assert.equal(caseReports[0]!.data.applicantKind, 'person', 'the applicant appears only as a kind');
  assert.ok(!JSON.stringify(caseReports).includes('11010519491231002X'));
  const findingReports = reportsOf('finding').filter((report) => report.data.subjectId === caseId);
  assert.ok(findingReports.some((report) => report.data.level === 'yellow' && report.data.unitName === '县市场监督管理局'));

  // A redelivered event stores no second report.
  const before = received.length;
  await app.platform.database.db.updateTable('outbox').set({ status: 'pending', attempts: 0 }).where('channel', '=', 'event').execute();
  await deliverEvents(app);
  assert.deepEqual(await deliverDueReports(deps()), { sent: 0, failed: 0, dead: 0 });
  assert.equal(received.length, before);
});

test(`${on}: while the platform is down reports wait and are retried with backoff; dead after the last attempt; a person retries`, async () => {
  const citizen = await app.signIn('liu.yang');
  const itemId = await publishItem(app);
  failWith = 503;
  await applyFor(citizen, itemId);
  await deliverEvents(app);
  const first = await deliverDueReports(deps());
  assert.ok(first.failed > 0);
  assert.deepEqual(await deliverDueReports(deps()), { sent: 0, failed: 0, dead: 0 }, 'not due again before the backoff');

  const admin = await app.signIn('jiang.wen');
  const log = await admin.get('/api/supervision/reports?status=pending');
  assert.equal(log.status, 200);
  assert.match(log.body.items[0].lastError, /503/);
  assert.equal((await (await app.signIn('chen.jing')).get('/api/supervision/reports')).status, 403);
  assert.equal((await (await app.signIn('tang.zheng')).get('/api/supervision/reports')).status, 403, 'the county-wide log is for those granted all of it');

  let dead = 0;
  for (let attempt = 1; attempt < MAX_REPORT_ATTEMPTS && dead === 0; attempt += 1) {
    app.clock.advance(2 * 3_600_000);
    dead += (await deliverDueReports(deps())).dead;
  }
  assert.ok(dead > 0, 'given up after the last attempt');
  const admin2 = await app.signIn('jiang.wen');
  const deadOnes = (await admin2.get('/api/supervision/reports?status=dead')).body.items;
  assert.equal(deadOnes[0].attempts, MAX_REPORT_ATTEMPTS);
  assert.equal((await admin2.post(`/api/supervision/reports/${deadOnes[0].id}/retry`)).status, 200);
  assert.equal((await admin2.post(`/api/supervision/reports/${deadOnes[0].id}/retry`)).status, 409, 'it is no longer dead');

  failWith = null;
  const recovered = await deliverDueReports(deps());
  assert.ok(recovered.sent >= 1);
  const sentNow = (await admin2.get('/api/supervision/reports?status=sent&pageSize=100')).body.items.map((item: { id: string }) => item.id);
  assert.ok(sentNow.includes(deadOnes[0].id));
});
