// Supervision tasks (督查督办) over HTTP on a real server and database: the supervising office issues a task
// with files and a due date in working days; the unit is told, replies with files; the office returns it and
// then accepts; every step is in the history and the audit chain. An overdue task escalates through the
// generic supervision engine (warning, yellow and red findings raised by the sweep), its findings resolve when
// the unit replies, and its deadline runs again when the reply is returned. Every permission is tried from the
// outside, bad input is refused with a message, and two reviews racing cannot both succeed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type ApiClient, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { unitIdByName, uploadPdf } from '../services/fixtures.ts';
import { countOverdueTasksByUnit, sweepDueSubjects } from '../../src/modules/supervision/index.ts';

const on = testDialect();
const DAY = 86_400_000;
let app: TestApp;
let samrId: string;

before(async () => {
  // Monday 16 November 2026, 09:00 in China; no holidays until 元旦.
  app = await createTestApp({ startAt: new Date('2026-11-16T01:00:00Z') });
  samrId = await unitIdByName(await app.signIn('tang.zheng'), '县市场监督管理局');
});
after(() => app.close());

function sweep() {
  return sweepDueSubjects({ db: app.platform.database.db, calendar: () => app.platform.calendar.getCalendar(), now: app.clock.now });
}

async function issue(supervisor: ApiClient, body: Record<string, unknown>) {
  return supervisor.post('/api/supervision/tasks', { unitId: samrId, title: '食品经营许可积压问题督办', content: '请于期限内清理积压的食品经营许可申请并报告结果', ...body });
}

async function findingsOfTask(client: ApiClient, taskId: string): Promise<Array<{ id: string; level: string; status: string; resolvedAt: string | null; ruleName: string; subjectLabel: string; unitName: string }>> {
  const response = await client.get(`/api/supervision/findings?subjectType=supervision_task&subjectId=${taskId}&pageSize=100`);
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body.items;
}

async function isWatched(taskId: string): Promise<boolean> {
  const rows = await app.platform.database.db.selectFrom('supervision_subjects').select('subject_id').where('subject_type', '=', 'supervision_task').where('subject_id', '=', taskId).execute();
  return rows.length === 1;
}

test(`${on}: the office issues a task, the unit replies, the office returns it and then accepts; all kept in the history and the audit`, async () => {
  const supervisor = await app.signIn('tang.zheng');
  const head = await app.signIn('chen.jing');
  const order = await uploadPdf(supervisor, '督办通知.pdf');
  const issued = await issue(supervisor, { dueInWorkingDays: 5, fileIds: [order] });
  assert.equal(issued.status, 200, JSON.stringify(issued.body));
  const task = issued.body;
  assert.match(task.taskNumber, /^DB2026-\d{4}$/);
  assert.equal(task.dueOn, '2026-11-23', 'five working days after Monday 16 November');
  assert.equal(task.status, 'open');
  assert.equal(task.unitName, '县市场监督管理局');
  assert.equal(task.officeUnitName, '县纪委监委');
  assert.equal(task.issuedByName, '唐正');
  assert.equal(task.canReply, false);
  assert.deepEqual(task.history.map((entry: { action: string }) => entry.action), ['issued']);
  assert.equal(task.history[0].files[0].id, order);

  // The unit's head is told; the unit sees the task and its order's file.
  const messages = await head.get('/api/messages?pageSize=50');
  assert.ok(messages.body.items.some((message: { title: string; link: string }) => message.title === '新的督办事项' && message.link === `/supervision/tasks/${task.id}`));
  const listed = await head.get('/api/supervision/tasks?status=open');
  assert.equal(listed.status, 200);
  assert.ok(listed.body.items.some((item: { id: string; canReply: boolean }) => item.id === task.id && item.canReply));
  assert.equal((await head.get(`/api/files/${order}`)).status, 200);

  // Who may do what.
  const staff = await app.signIn('yang.lei');
  assert.equal((await staff.get(`/api/supervision/tasks/${task.id}`)).status, 200, "the unit's staff see its tasks");
  assert.equal((await staff.post(`/api/supervision/tasks/${task.id}/reply`, { text: '我来答复一下试试' })).status, 403, 'only those who answer for the unit reply');
  assert.equal((await supervisor.post(`/api/supervision/tasks/${task.id}/reply`, { text: '监察室不能替单位答复' })).status, 403);
  assert.equal((await supervisor.post(`/api/supervision/tasks/${task.id}/review`, { decision: 'accept' })).status, 409, 'nothing to review yet');

  const short = await head.post(`/api/supervision/tasks/${task.id}/reply`, { text: '好' });
  assert.equal(short.status, 400);
  assert.match(short.body.error.issues[0].message, /至少 4 个字/);
  const report = await uploadPdf(head, '整改报告.pdf');
  const replied = await head.post(`/api/supervision/tasks/${task.id}/reply`, { text: '已清理积压申请 12 件，建立周通报制度', fileIds: [report] });
  assert.equal(replied.status, 200, JSON.stringify(replied.body));
  assert.equal(replied.body.status, 'answered');
  assert.equal(replied.body.canReply, false);
  assert.equal((await head.post(`/api/supervision/tasks/${task.id}/reply`, { text: '再答复一次试试' })).status, 409);
  assert.ok((await supervisor.get('/api/messages?pageSize=50')).body.items.some((message: { title: string }) => message.title === '督办事项已答复'), 'the issuer is told of the reply');

  assert.equal((await head.post(`/api/supervision/tasks/${task.id}/review`, { decision: 'accept' })).status, 403, 'the unit cannot accept its own reply');
  const noOpinion = await supervisor.post(`/api/supervision/tasks/${task.id}/review`, { decision: 'return' });
  assert.equal(noOpinion.status, 400);
  assert.match(noOpinion.body.error.issues[0].message, /退回须写明意见/);
  assert.equal((await supervisor.get(`/api/supervision/tasks/${task.id}`)).body.canReview, true);
  const returned = await supervisor.post(`/api/supervision/tasks/${task.id}/review`, { decision: 'return', opinion: '请附上清理台账' });
  assert.equal(returned.status, 200, JSON.stringify(returned.body));
  assert.equal(returned.body.status, 'open');
  assert.equal(await isWatched(task.id), true, 'the deadline runs again');
  const returnedMessages = await head.get('/api/messages?pageSize=50');
  assert.ok(returnedMessages.body.items.some((message: { title: string }) => message.title === '督办事项被退回，请重新办理'));

  assert.equal((await head.post(`/api/supervision/tasks/${task.id}/reply`, { text: '已补充清理台账，见附件' })).status, 200);
  const accepted = await supervisor.post(`/api/supervision/tasks/${task.id}/review`, { decision: 'accept', opinion: '办理到位' });
  assert.equal(accepted.status, 200);
  assert.equal(accepted.body.status, 'closed');
  assert.ok(accepted.body.closedAt);
  assert.deepEqual(accepted.body.history.map((entry: { action: string }) => entry.action), ['issued', 'replied', 'returned', 'replied', 'accepted']);
  assert.equal(accepted.body.history[1].files[0].id, report);
  assert.equal(accepted.body.history[2].note, '请附上清理台账');
  assert.equal(accepted.body.history[2].actorName, '唐正');
  assert.equal(await isWatched(task.id), false);
  assert.equal((await supervisor.get(`/api/files/${report}`)).status, 200);

  const audit = await app.platform.database.db.selectFrom('audit_log').select('action').where('subject_id', '=', task.id).orderBy('seq').execute();
  assert.deepEqual(audit.map((record) => record.action), ['supervision.task.issue', 'supervision.task.reply', 'supervision.task.return', 'supervision.task.reply', 'supervision.task.accept']);
});

test(`${on}: who sees which tasks`, async () => {
  const supervisor = await app.signIn('tang.zheng');
  const task = (await issue(supervisor, { dueOn: '2026-12-01' })).body;
  assert.equal(task.dueOn, '2026-12-01');

  const otherUnit = await app.signIn('huang.yong');
  assert.equal((await otherUnit.get(`/api/supervision/tasks/${task.id}`)).status, 404);
  assert.equal((await otherUnit.post(`/api/supervision/tasks/${task.id}/reply`, { text: '别的单位来答复' })).status, 404);
  const theirs = await otherUnit.get('/api/supervision/tasks');
  assert.equal(theirs.status, 200);
  assert.equal(theirs.body.total, 0, 'a unit sees only its own tasks');
  assert.equal((await otherUnit.post('/api/supervision/tasks', { unitId: samrId, title: '越权交办', content: '部门之间不能互相督办', dueInWorkingDays: 3 })).status, 403);

  const hallAdmin = await app.signIn('jiang.wen');
  assert.ok((await hallAdmin.get('/api/supervision/tasks')).body.items.some((item: { id: string }) => item.id === task.id));
  const colleague = await app.signIn('feng.qing');
  assert.equal((await colleague.get(`/api/supervision/tasks/${task.id}`)).body.canReply, false);
  assert.equal((await colleague.get(`/api/supervision/tasks?unitId=${samrId}`)).body.total, 2);

  const citizen = await app.signIn('liu.yang');
  assert.equal((await citizen.get('/api/supervision/tasks')).status, 403);
  assert.equal((await citizen.get(`/api/supervision/tasks/${task.id}`)).status, 403);
  assert.equal((await app.client().get('/api/supervision/tasks')).status, 401);
  assert.equal((await supervisor.get('/api/supervision/tasks?status=lost')).status, 400);
  assert.equal((await supervisor.get('/api/supervision/tasks/not-an-id')).status, 400);
  assert.equal((await supervisor.get('/api/supervision/tasks/00000000-0000-4000-8000-000000000000')).status, 404);
});

test(`${on}: bad orders are refused with a message and leave nothing behind`, async () => {
  const supervisor = await app.signIn('tang.zheng');
  const before = (await supervisor.get('/api/supervision/tasks')).body.total;
  const both = await issue(supervisor, { dueInWorkingDays: 3, dueOn: '2026-12-01' });
  assert.equal(both.status, 400);
  assert.match(both.body.error.issues[0].message, /二者选一/);
  assert.equal((await issue(supervisor, {})).status, 400, 'a due date is required');
  const past = await issue(supervisor, { dueOn: '2026-11-16' });
  assert.equal(past.status, 400);
  assert.equal(past.body.error.code, 'TASK_DUE_NOT_FUTURE');
  assert.match(past.body.error.message, /2026-11-16/);
  const notADate = await issue(supervisor, { dueOn: '2026-02-30' });
  assert.equal(notADate.status, 400);
  assert.match(notADate.body.error.issues[0].message, /YYYY-MM-DD/);
  assert.equal((await issue(supervisor, { dueInWorkingDays: 0 })).status, 400);
  assert.equal((await issue(supervisor, { dueInWorkingDays: 3, title: '' })).status, 400);
  assert.equal((await issue(supervisor, { dueInWorkingDays: 3, surprise: true })).status, 400);
  const city = await unitIdByName(supervisor, '示范市');
  const outside = await issue(supervisor, { dueInWorkingDays: 3, unitId: city });
  assert.equal(outside.status, 400);
  assert.equal(outside.body.error.code, 'TASK_UNIT_OUT_OF_SCOPE');
  assert.equal((await issue(supervisor, { dueInWorkingDays: 3, unitId: '00000000-0000-4000-8000-000000000000' })).status, 400);
  // A file that is not the issuer's own upload fails the whole order: no task without its attachment.
  const foreign = await uploadPdf(await app.signIn('chen.jing'), '别人的文件.pdf');
  assert.equal((await issue(supervisor, { dueInWorkingDays: 3, fileIds: [foreign] })).status, 404);
  assert.equal((await supervisor.get('/api/supervision/tasks')).body.total, before);
});

test(`${on}: an overdue task escalates through the supervision engine, its findings resolve on reply and its deadline runs again when returned`, async () => {
  const supervisor = await app.signIn('tang.zheng');
  const rules = await supervisor.get('/api/supervision/rules');
  const rule = rules.body.items.find((candidate: { code: string }) => candidate.code === 'timeliness.supervision_task');
  assert.ok(rule, 'the general rule was created at boot');
  assert.deepEqual(rule.settings, { warningDays: 2, redAfterOverdueDays: 5 });
  assert.equal(rule.subjectType, 'supervision_task');

  // Monday: due Thursday, 3 working days left — nothing yet.
  const task = (await issue(supervisor, { dueInWorkingDays: 3 })).body;
  assert.equal(task.dueOn, '2026-11-19');
  assert.equal(await isWatched(task.id), true);
  assert.deepEqual(await findingsOfTask(supervisor, task.id), []);

  // Tuesday: 2 working days left (warning). Friday: overdue (yellow). The Friday after: 6 working days late (red).
  app.clock.advance(DAY);
  await sweep();
  const head = await app.signIn('chen.jing');
  assert.deepEqual((await findingsOfTask(head, task.id)).map((finding) => finding.level), ['warning']);
  app.clock.advance(3 * DAY);
  await sweep();
  app.clock.advance(7 * DAY);
  await sweep();
  assert.deepEqual(await sweep(), { looked: 0, raised: 0, resolved: 0 }, 'nothing is due until something changes');

  const head2 = await app.signIn('chen.jing');
  const findings = await findingsOfTask(head2, task.id);
  assert.deepEqual(findings.map((finding) => finding.level).sort(), ['red', 'warning', 'yellow']);
  assert.ok(findings.every((finding) => finding.status === (finding.level === 'warning' ? 'notified' : 'open') && finding.resolvedAt === null));
  assert.ok(findings.every((finding) => finding.ruleName === '督办事项答复时限' && finding.unitName === '县市场监督管理局' && finding.subjectLabel.startsWith(task.taskNumber)));
  const messages = await head2.get('/api/messages?pageSize=50');
  assert.ok(messages.body.items.some((message: { title: string; body: string }) => message.title === '电子监察红牌' && message.body.includes(task.taskNumber)));
  assert.equal((await head2.get(`/api/supervision/tasks/${task.id}`)).body.overdue, true);
  assert.equal((await (await app.signIn('huang.yong')).get(`/api/supervision/findings?subjectType=supervision_task&subjectId=${task.id}`)).body.total, 0);

  // The reply stops the deadline: its findings are resolved but kept, handling and all.
  assert.equal((await head2.post(`/api/supervision/tasks/${task.id}/reply`, { text: '已处理完毕，情况见报告' })).status, 200);
  assert.equal(await isWatched(task.id), false);
  const resolved = await findingsOfTask(head2, task.id);
  assert.equal(resolved.length, 3);
  assert.ok(resolved.every((finding) => finding.resolvedAt !== null));

  // Returned, the deadline runs again; what was raised is not raised twice.
  const supervisor2 = await app.signIn('tang.zheng');
  assert.equal((await supervisor2.post(`/api/supervision/tasks/${task.id}/review`, { decision: 'return', opinion: '报告不完整' })).status, 200);
  assert.equal(await isWatched(task.id), true);
  app.clock.advance(DAY);
  await sweep();
  assert.equal((await findingsOfTask(await app.signIn('tang.zheng'), task.id)).length, 3);

  // Two reviews racing: one wins, the other is told someone else acted; the history has one decision.
  const head3 = await app.signIn('chen.jing');
  assert.equal((await head3.post(`/api/supervision/tasks/${task.id}/reply`, { text: '已补全报告，请审核' })).status, 200);
  const colleague = await app.signIn('feng.qing');
  const supervisor3 = await app.signIn('tang.zheng');
  const decisions = await Promise.all([supervisor3.post(`/api/supervision/tasks/${task.id}/review`, { decision: 'accept' }), colleague.post(`/api/supervision/tasks/${task.id}/review`, { decision: 'return', opinion: '再补充' })]);
  assert.deepEqual(decisions.map((response) => response.status).sort(), [200, 409]);
  const final = (await supervisor3.get(`/api/supervision/tasks/${task.id}`)).body;
  assert.equal(final.history.filter((entry: { action: string }) => entry.action === 'accepted' || entry.action === 'returned').length, 2, 'the earlier return and one of the racing decisions');

  // For the performance scores: this task was overdue in November; the first one was answered in time.
  const today = '2026-11-28';
  assert.deepEqual(await countOverdueTasksByUnit(app.platform.database.db, { from: '2026-11-01', to: '2026-11-30' }, today), [{ unitId: samrId, count: 1 }]);
  assert.deepEqual(await countOverdueTasksByUnit(app.platform.database.db, { from: '2026-11-21', to: '2026-11-30' }, today), [], 'it became overdue on the 20th');
  assert.deepEqual(await countOverdueTasksByUnit(app.platform.database.db, { from: '2026-11-01', to: '2026-11-19' }, today), []);
});

test(`${on}: a rule change reaches open tasks at once: the re-evaluation job looks at them from their stored deadlines`, async () => {
  const supervisor = await app.signIn('tang.zheng');
  const issued = await issue(supervisor, { dueInWorkingDays: 6 });
  assert.equal(issued.status, 200, JSON.stringify(issued.body));
  assert.equal((await findingsOfTask(supervisor, issued.body.id)).length, 0, 'six working days ahead: no warning yet');
  const rules = (await supervisor.get('/api/supervision/rules')).body.items as Array<{ id: string; code: string; scopeKey: string | null }>;
  const taskRule = rules.find((rule) => rule.code === 'timeliness.supervision_task' && rule.scopeKey === null)!;
  assert.equal((await supervisor.patch(`/api/supervision/rules/${taskRule.id}`, { settings: { warningDays: 10, redAfterOverdueDays: 5 } })).status, 200);
  for (let round = 0; round < 5; round += 1) {
    const counts = await app.platform.worker.runOnce();
    if (counts.done + counts.retried + counts.failed === 0) break;
  }
  assert.deepEqual((await findingsOfTask(supervisor, issued.body.id)).map((finding) => finding.level), ['warning']);
  assert.equal((await supervisor.patch(`/api/supervision/rules/${taskRule.id}`, { settings: { warningDays: 2, redAfterOverdueDays: 5 } })).status, 200);
});
