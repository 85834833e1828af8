// Electronic supervision over HTTP on a real server and database: a case's step and whole-case deadlines
// raise a warning, then a yellow and a red card as the test clock crosses working days; the unit is told;
// it explains, the supervising office rejects, the unit rectifies, the office accepts; the case ends and the
// findings stay on record, resolved. Evaluation is idempotent across repeated runs and two nodes at once,
// and every permission is tried from the outside.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, deliverEvents, type ApiClient, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { act, applyFor, completeGuide, publishItem, uploadPdf } from '../services/fixtures.ts';
import { sweepDueSubjects } from '../../src/modules/supervision/index.ts';

const on = testDialect();
const DAY = 86_400_000;
let app: TestApp;
let itemId: string;
let caseId: string;

before(async () => {
  // Monday 16 November 2026, 09:00 in China.
  app = await createTestApp({ startAt: new Date('2026-11-16T01:00:00Z') });
  // 3 promised days: review 1, decide 1, delivery 1 (process-templates.ts).
  itemId = await publishItem(app, completeGuide({ promisedDays: 3, statutoryDays: 20 }));
});
after(() => app.close());


function sweep() {
  return sweepDueSubjects({ db: app.platform.database.db, calendar: () => app.platform.calendar.getCalendar(), now: app.clock.now });
}

async function findingsOfCase(client: ApiClient): Promise<Array<{ id: string; level: string; deadlineKey: string; status: string; resolvedAt: string | null; dueOn: string }>> {
  const response = await client.get(`/api/supervision/findings?subjectType=case&subjectId=${caseId}&pageSize=100`);
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body.items;
}

async function countFindings(): Promise<number> {
  const rows = await app.platform.database.db.selectFrom('supervision_findings').select('finding_key').execute();
  assert.equal(new Set(rows.map((row) => row.finding_key)).size, rows.length);
  return rows.length;
}

function summary(findings: Array<{ level: string; deadlineKey: string }>): string[] {
  return findings.map((finding) => `${finding.deadlineKey.split(':')[0]}:${finding.level}`).sort();
}

test(`${on}: a case's deadlines raise warning, yellow and red cards as working days pass, once each`, async () => {
  const citizen = await app.signIn('liu.yang');
  const window = await app.signIn('deng.xiao');
  caseId = (await applyFor(citizen, itemId)).id;
  assert.equal((await act(window, caseId, { action: 'accept', opinion: '材料齐全' })).status, 200);
  await deliverEvents(app);

  // Monday: the review step is due Tuesday (1 working day left: warning); the case is due Thursday (3 left).
  const head = await app.signIn('chen.jing');
  assert.deepEqual(summary(await findingsOfCase(head)), ['step:warning']);

  // Wednesday: the step is overdue (yellow), the case has 1 working day left (warning).
  app.clock.advance(2 * DAY);
  assert.ok((await sweep()).raised >= 2);
  const head2 = await app.signIn('chen.jing');
  assert.deepEqual(summary(await findingsOfCase(head2)), ['case:warning', 'step:warning', 'step:yellow']);

  // The Monday after next: both more than 5 working days late (red). Two nodes sweep at once, then once more.
  app.clock.advance(12 * DAY);
  // On PostgreSQL the second sweep is another node with its own pool. SQLite is one process's database, and
  // a second handle in this same process would wait for the first synchronously: there, both share one.
  const otherNode = app.testDatabase.open();
  try {
    const deps = { calendar: () => app.platform.calendar.getCalendar(), now: app.clock.now };
    const countBefore = await countFindings();
    const secondDb = on === 'postgres' ? otherNode.db : app.platform.database.db;
    const [first, second] = await Promise.all([sweepDueSubjects({ ...deps, db: app.platform.database.db }), sweepDueSubjects({ ...deps, db: secondDb })]);
    assert.equal(first.raised + second.raised, (await countFindings()) - countBefore, 'what the two nodes raised between them is what is stored');
  } finally {
    await otherNode.close();
  }
  assert.deepEqual(await sweep(), { looked: 0, raised: 0, resolved: 0 }, 'nothing is due until something changes');
  await deliverEvents(app);
  const head3 = await app.signIn('chen.jing');
  const findings = await findingsOfCase(head3);
  assert.deepEqual(summary(findings), ['case:red', 'case:warning', 'case:yellow', 'step:red', 'step:warning', 'step:yellow']);
  assert.ok(findings.every((finding) => finding.status === (finding.level === 'warning' ? 'notified' : 'open')));
  assert.ok(findings.every((finding) => finding.resolvedAt === null));

  // The unit's head was told in the console and by SMS.
  const messages = await head3.get('/api/messages?pageSize=50');
  assert.ok(messages.body.items.filter((message: { title: string }) => message.title.startsWith('电子监察')).length >= 6);
  const outbox = await app.platform.database.db.selectFrom('outbox').select(['recipient', 'body']).where('channel', '=', 'sms').where('topic', 'like', 'supervision.%').execute();
  assert.ok(outbox.some((sms) => sms.recipient === '19900121005' && (sms.body ?? '').includes('红牌')));
});

test(`${on}: who sees which findings`, async () => {
  const supervisor = await app.signIn('tang.zheng');
  assert.equal(summary(await findingsOfCase(supervisor)).length, 6, 'the county supervising office sees every unit of the county');
  const hallAdmin = await app.signIn('jiang.wen');
  assert.equal(summary(await findingsOfCase(hallAdmin)).length, 6);
  const staff = await app.signIn('yang.lei');
  assert.equal(summary(await findingsOfCase(staff)).length, 6, 'the unit\'s own staff see its findings');

  const otherUnit = await app.signIn('huang.yong');
  assert.equal((await findingsOfCase(otherUnit)).length, 0, 'another unit sees none of them');
  const [one] = await findingsOfCase(supervisor);
  assert.equal((await otherUnit.get(`/api/supervision/findings/${one!.id}`)).status, 404);
  const citizen = await app.signIn('liu.yang');
  assert.equal((await citizen.get('/api/supervision/findings')).status, 403);
  assert.equal((await app.client().get('/api/supervision/findings')).status, 401);
  assert.equal((await supervisor.get('/api/supervision/findings?level=purple')).status, 400);
  assert.equal((await supervisor.get('/api/supervision/findings?category=gossip')).status, 400);
  const timely = await supervisor.get(`/api/supervision/findings?category=timeliness&subjectId=${caseId}`);
  assert.equal(timely.body.total, 6);
  assert.equal((await supervisor.get(`/api/supervision/findings?category=fees&subjectId=${caseId}`)).body.total, 0);
});

test(`${on}: the unit explains, the office rejects, the unit rectifies, the office accepts; all in the history and the audit`, async () => {
  const head = await app.signIn('chen.jing');
  const supervisor = await app.signIn('tang.zheng');
  const staff = await app.signIn('yang.lei');
  const red = (await findingsOfCase(head)).find((finding) => finding.level === 'red' && finding.deadlineKey === 'case')!;
  const warning = (await findingsOfCase(head)).find((finding) => finding.level === 'warning')!;

  assert.equal((await head.post(`/api/supervision/findings/${warning.id}/response`, { kind: 'explain', text: '预警无需申辩' })).status, 409, 'a warning only notifies');
  assert.equal((await staff.post(`/api/supervision/findings/${red.id}/response`, { kind: 'explain', text: '我来申辩一下' })).status, 403, 'staff without the permission cannot answer');
  assert.equal((await supervisor.post(`/api/supervision/findings/${red.id}/response`, { kind: 'explain', text: '监察室不能替单位申辩' })).status, 403);
  assert.equal((await head.post(`/api/supervision/findings/${red.id}/response`, { kind: 'explain', text: '短' })).status, 400);
  assert.equal((await supervisor.post(`/api/supervision/findings/${red.id}/review`, { decision: 'accept' })).status, 409, 'nothing to review yet');

  const fileId = await uploadPdf(head, '情况说明.pdf');
  const explained = await head.post(`/api/supervision/findings/${red.id}/response`, { kind: 'explain', text: '申请人要求延期现场核查，已电话沟通', fileIds: [fileId] });
  assert.equal(explained.status, 200, JSON.stringify(explained.body));
  assert.equal(explained.body.status, 'responded');
  assert.equal(explained.body.canRespond, false);
  assert.equal((await head.post(`/api/supervision/findings/${red.id}/response`, { kind: 'explain', text: '再申辩一次试试' })).status, 409);

  assert.equal((await head.post(`/api/supervision/findings/${red.id}/review`, { decision: 'accept' })).status, 403, 'the unit cannot accept its own answer');
  assert.equal((await supervisor.post(`/api/supervision/findings/${red.id}/review`, { decision: 'reject' })).status, 400, 'a rejection needs an opinion');
  const shown = await supervisor.get(`/api/supervision/findings/${red.id}`);
  assert.equal(shown.body.canReview, true);
  const rejected = await supervisor.post(`/api/supervision/findings/${red.id}/review`, { decision: 'reject', opinion: '延期须有书面申请，请整改' });
  assert.equal(rejected.status, 200, JSON.stringify(rejected.body));
  assert.equal(rejected.body.status, 'open');

  const rectified = await head.post(`/api/supervision/findings/${red.id}/response`, { kind: 'rectify', text: '已补充书面延期申请并加快办理' });
  assert.equal(rectified.status, 200);
  const accepted = await supervisor.post(`/api/supervision/findings/${red.id}/review`, { decision: 'accept', opinion: '整改到位' });
  assert.equal(accepted.status, 200);
  assert.equal(accepted.body.status, 'closed');
  assert.deepEqual(accepted.body.history.map((entry: { action: string }) => entry.action), ['raised', 'explained', 'rejected', 'rectified', 'accepted']);
  assert.equal(accepted.body.history[1].files[0].id, fileId);
  assert.equal(accepted.body.history[2].actorName, '唐正');

  // The answer's file is readable by the office and the unit, not by another unit.
  assert.equal((await supervisor.get(`/api/files/${fileId}`)).status, 200);
  assert.equal((await (await app.signIn('huang.yong')).get(`/api/files/${fileId}`)).status, 404);

  const audit = await app.platform.database.db.selectFrom('audit_log').select(['action', 'actor_name']).where('subject_id', '=', red.id).orderBy('seq').execute();
  assert.deepEqual(audit.map((record) => record.action), ['supervision.finding.explain', 'supervision.finding.reject', 'supervision.finding.rectify', 'supervision.finding.accept']);

  // 监察日志: the office sees its own actions; the unit has no access.
  const log = await supervisor.get('/api/supervision/log?pageSize=50');
  assert.equal(log.status, 200);
  assert.deepEqual(log.body.items.map((entry: { action: string }) => entry.action).slice(0, 2), ['supervision.finding.accept', 'supervision.finding.reject']);
  assert.ok(log.body.items.every((entry: { actorName: string }) => entry.actorName === '唐正'), 'only the office’s own staff');
  assert.equal((await head.get('/api/supervision/log')).status, 403);
});

test(`${on}: when the case ends its timeliness findings stay on record, resolved, and it is no longer watched`, async () => {
  const reviewer = await app.signIn('yang.lei');
  const head = await app.signIn('chen.jing');
  const window = await app.signIn('deng.xiao');
  assert.equal((await act(reviewer, caseId, { action: 'forward', opinion: '' })).status, 200);
  await deliverEvents(app);
  const afterStep = await findingsOfCase(head);
  assert.ok(afterStep.filter((finding) => finding.deadlineKey.startsWith('step:review')).every((finding) => finding.resolvedAt !== null), 'the review step is done');
  assert.ok(afterStep.filter((finding) => finding.deadlineKey === 'case').every((finding) => finding.resolvedAt === null), 'the case is still late');
  assert.ok(afterStep.some((finding) => finding.deadlineKey.startsWith('step:decide')), 'the decision step is already late on its first day');

  assert.equal((await act(head, caseId, { action: 'approve', opinion: '准予' })).status, 200);
  assert.equal((await act(window, caseId, { action: 'conclude', opinion: '' })).status, 200);
  await deliverEvents(app);
  const ended = await findingsOfCase(head);
  assert.ok(ended.length >= 6);
  assert.ok(ended.every((finding) => finding.resolvedAt !== null));
  assert.equal(ended.find((finding) => finding.level === 'red' && finding.deadlineKey === 'case')!.status, 'closed', 'handling is kept');
  const watched = await app.platform.database.db.selectFrom('supervision_subjects').select('subject_id').where('subject_id', '=', caseId).execute();
  assert.equal(watched.length, 0);

  // Delivering the same events again (a retry) and sweeping change nothing.
  const before = ended.length;
  await app.platform.database.db.updateTable('outbox').set({ status: 'pending', attempts: 0 }).where('channel', '=', 'event').execute();
  await deliverEvents(app);
  await sweep();
  assert.equal((await findingsOfCase(head)).length, before);
});

test(`${on}: the office tunes rules per item; bad rules are refused; a change never raises again what was raised`, async () => {
  const supervisor = await app.signIn('tang.zheng');
  const head = await app.signIn('chen.jing');
  const rules = await supervisor.get('/api/supervision/rules');
  assert.equal(rules.status, 200);
  const general = rules.body.items.find((rule: { code: string; scopeKey: string | null }) => rule.code === 'timeliness.case' && rule.scopeKey === null);
  assert.deepEqual(general.settings, { warningDays: 2, redAfterOverdueDays: 5 });
  assert.equal(general.name, '办件承诺时限');

  assert.equal((await head.get('/api/supervision/rules')).status, 403);
  assert.equal((await head.patch(`/api/supervision/rules/${general.id}`, { enabled: false })).status, 403);
  assert.equal((await supervisor.patch(`/api/supervision/rules/${general.id}`, { settings: { warningDays: -1, redAfterOverdueDays: 5 } })).status, 400);
  assert.equal((await supervisor.patch(`/api/supervision/rules/${general.id}`, {})).status, 400);
  assert.equal((await supervisor.post('/api/supervision/rules', { code: 'timeliness.nothing', scopeKey: itemId, settings: { warningDays: 1, redAfterOverdueDays: 1 } })).status, 400);
  assert.equal((await supervisor.post('/api/supervision/rules', { code: 'timeliness.case', scopeKey: '00000000-0000-4000-8000-000000000000', settings: { warningDays: 1, redAfterOverdueDays: 1 } })).status, 400);
  assert.equal((await supervisor.delete(`/api/supervision/rules/${general.id}`)).status, 409);

  const override = await supervisor.post('/api/supervision/rules', { code: 'timeliness.case', scopeKey: itemId, settings: { warningDays: 3, redAfterOverdueDays: 1 } });
  assert.equal(override.status, 200, JSON.stringify(override.body));
  assert.equal(override.body.scopeName, '测试食品经营许可');
  assert.equal((await supervisor.post('/api/supervision/rules', { code: 'timeliness.case', scopeKey: itemId, settings: { warningDays: 3, redAfterOverdueDays: 1 } })).status, 409);

  // A new case of the item: with 3 warning days, a 3-day case warns from the day it is accepted.
  const citizen = await app.signIn('liu.yang');
  const window = await app.signIn('deng.xiao');
  const fresh = (await applyFor(citizen, itemId)).id;
  assert.equal((await act(window, fresh, { action: 'accept', opinion: '' })).status, 200);
  await deliverEvents(app);
  const caseFindings = await head.get(`/api/supervision/findings?subjectId=${fresh}`);
  assert.ok(caseFindings.body.items.some((finding: { deadlineKey: string; level: string }) => finding.deadlineKey === 'case' && finding.level === 'warning'));

  // The change re-evaluates every running case in the background; nothing already raised comes again.
  const total = async () => (await supervisor.get('/api/supervision/findings?pageSize=1')).body.total as number;
  const beforeJobs = await total();
  for (let round = 0; round < 5; round += 1) {
    const counts = await app.platform.worker.runOnce();
    if (counts.done + counts.retried + counts.failed === 0) break;
  }
  assert.equal(await total(), beforeJobs);

  const audit = await app.platform.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'supervision.rule.%').execute();
  assert.deepEqual(audit.map((record) => record.action), ['supervision.rule.create']);
  assert.equal((await supervisor.delete(`/api/supervision/rules/${override.body.id}`)).status, 200);
});

test(`${on}: the system administrator keeps which unit each supervising office watches; the office's view follows`, async () => {
  const sysadmin = await app.signIn('sysadmin');
  const listed = await sysadmin.get('/api/supervision/offices');
  assert.equal(listed.status, 200);
  assert.deepEqual(listed.body.items.map((row: { officeUnitName: string; supervisedUnitName: string }) => [row.officeUnitName, row.supervisedUnitName]), [['县纪委监委', '示范县']]);
  const office = listed.body.items[0];
  const tree = (await sysadmin.get('/api/org/tree')).body.items as Array<{ id: string; name: string }>;
  const hrss = tree.find((unit) => unit.name === '县人力资源和社会保障局')!;

  const head = await app.signIn('chen.jing');
  assert.equal((await head.put(`/api/supervision/offices/${office.officeUnitId}`, { supervisedUnitId: hrss.id })).status, 403);
  assert.equal((await sysadmin.put(`/api/supervision/offices/${office.officeUnitId}`, { supervisedUnitId: '00000000-0000-4000-8000-000000000000' })).status, 400);
  assert.equal((await sysadmin.put(`/api/supervision/offices/${office.officeUnitId}`, { supervisedUnitId: hrss.id })).status, 200);
  const supervisor = await app.signIn('tang.zheng');
  assert.equal((await findingsOfCase(supervisor)).length, 0, 'narrowed to another bureau, the office no longer sees the market regulator');
  assert.equal((await sysadmin.put(`/api/supervision/offices/${office.officeUnitId}`, { supervisedUnitId: office.supervisedUnitId })).status, 200);
  assert.ok((await findingsOfCase(supervisor)).length >= 6);
  assert.equal((await sysadmin.delete('/api/supervision/offices/00000000-0000-4000-8000-000000000000')).status, 404);
});
