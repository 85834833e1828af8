// Complaints (投诉) over HTTP on a real server and database: a citizen complains about one of their cases with
// a file, a company about a department; the complaint goes to the supervising office (县纪委监委), which records
// notes and replies; the complainant sees the status and the reply but never the notes, and the unit complained
// about never sees the complaint. An unanswered complaint escalates through the generic supervision engine
// against the office. The reply deadline is a setting. Every permission is tried from the outside, bad input
// is refused with a message, and two replies racing cannot both succeed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type ApiClient, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { applyFor, completeGuide, publishItem, unitIdByName, uploadPdf } from '../services/fixtures.ts';
import { countComplaintsByUnit, sweepDueSubjects } from '../../src/modules/supervision/index.ts';

const on = testDialect();
const DAY = 86_400_000;
let app: TestApp;
let caseId: string;
let samrId: string;
let hrssId: string;

before(async () => {
  // Monday 16 November 2026, 09:00 in China; no holidays until 元旦.
  app = await createTestApp({ startAt: new Date('2026-11-16T01:00:00Z') });
  const itemId = await publishItem(app, completeGuide({ promisedDays: 3 }));
  caseId = (await applyFor(await app.signIn('liu.yang'), itemId)).id;
  const supervisor = await app.signIn('tang.zheng');
  samrId = await unitIdByName(supervisor, '县市场监督管理局');
  hrssId = await unitIdByName(supervisor, '县人力资源和社会保障局');
});
after(() => app.close());

function sweep() {
  return sweepDueSubjects({ db: app.platform.database.db, calendar: () => app.platform.calendar.getCalendar(), now: app.clock.now });
}

async function findingsOfComplaint(client: ApiClient, id: string): Promise<Array<{ level: string; unitName: string; subjectLabel: string; ruleName: string; resolvedAt: string | null }>> {
  const response = await client.get(`/api/supervision/findings?subjectType=complaint&subjectId=${id}&pageSize=100`);
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body.items;
}

const CONTENT = '窗口工作人员要求我重复提交已经提交过的材料，办理拖延';

test(`${on}: a citizen complains about their case; the office notes and replies; the citizen sees the reply, not the notes`, async () => {
  const citizen = await app.signIn('liu.yang');
  const units = await citizen.get('/api/my/complaints/units');
  assert.equal(units.status, 200);
  assert.ok(units.body.items.some((unit: { name: string }) => unit.name === '县市场监督管理局'));
  assert.ok(units.body.items.some((unit: { name: string }) => unit.name === '示范县政务服务中心'));

  const evidence = await uploadPdf(citizen, '录音整理.pdf');
  const filed = await citizen.post('/api/my/complaints', { caseId, content: CONTENT, contactPhone: '199 1210 0001', fileIds: [evidence] });
  assert.equal(filed.status, 200, JSON.stringify(filed.body));
  const complaint = filed.body;
  assert.match(complaint.complaintNumber, /^TS2026-\d{5}$/);
  assert.equal(complaint.unitName, '县市场监督管理局', "the case's unit");
  assert.equal(complaint.officeUnitName, '县纪委监委');
  assert.equal(complaint.status, 'submitted');
  assert.equal(complaint.dueOn, '2026-12-07', '15 working days after Monday 16 November');
  assert.equal(complaint.contactPhone, '19912100001');
  assert.ok(complaint.caseNumber);
  assert.equal(complaint.files[0].id, evidence);
  assert.equal((await citizen.get('/api/my/complaints')).body.total, 1);

  // The office is told and sees it, the complainant's phone masked in the list and whole on the complaint.
  const supervisor = await app.signIn('tang.zheng');
  assert.ok((await supervisor.get('/api/messages?pageSize=50')).body.items.some((message: { title: string }) => message.title === '新的投诉'));
  const listed = (await supervisor.get('/api/supervision/complaints?status=submitted')).body.items.find((item: { id: string }) => item.id === complaint.id);
  assert.equal(listed.complainantName, '刘洋');
  assert.equal(listed.contactPhone, '199****0001');
  assert.equal(listed.canHandle, true);
  const shown = await supervisor.get(`/api/supervision/complaints/${complaint.id}`);
  assert.equal(shown.status, 200);
  assert.equal(shown.body.contactPhone, '19912100001');
  assert.equal(shown.body.files[0].id, evidence);
  assert.equal((await supervisor.get(`/api/files/${evidence}`)).status, 200);

  const note = '已调阅窗口监控，约谈窗口负责人';
  const noted = await supervisor.post(`/api/supervision/complaints/${complaint.id}/notes`, { note });
  assert.equal(noted.status, 200, JSON.stringify(noted.body));
  assert.equal(noted.body.status, 'handling');
  const mine = await citizen.get(`/api/my/complaints/${complaint.id}`);
  assert.equal(mine.body.status, 'handling');
  assert.equal(mine.body.statusName, '办理中');
  assert.equal(JSON.stringify(mine.body).includes(note), false, 'handling notes are internal');

  const empty = await supervisor.post(`/api/supervision/complaints/${complaint.id}/reply`, { reply: '  ' });
  assert.equal(empty.status, 400);
  assert.match(empty.body.error.issues[0].message, /答复/);
  const colleague = await app.signIn('feng.qing');
  const reply = '经核查，窗口人员未落实一次性告知，已批评教育并责令整改';
  const replied = await colleague.post(`/api/supervision/complaints/${complaint.id}/reply`, { reply });
  assert.equal(replied.status, 200, JSON.stringify(replied.body));
  assert.equal(replied.body.status, 'replied');
  assert.equal(replied.body.canHandle, false);
  assert.deepEqual(replied.body.history.map((entry: { action: string }) => entry.action), ['submitted', 'noted', 'replied']);
  assert.equal(replied.body.history[0].actorName, '刘洋');
  assert.equal((await colleague.post(`/api/supervision/complaints/${complaint.id}/reply`, { reply: '再答复一次试试' })).status, 409);
  assert.equal((await colleague.post(`/api/supervision/complaints/${complaint.id}/notes`, { note: '办结后再记' })).status, 409);

  const answered = await citizen.get(`/api/my/complaints/${complaint.id}`);
  assert.equal(answered.body.status, 'replied');
  assert.equal(answered.body.reply, reply);
  assert.ok(answered.body.repliedAt);
  const sms = await app.platform.database.db.selectFrom('outbox').select(['recipient', 'body']).where('channel', '=', 'sms').where('topic', '=', 'supervision.complaint_replied').execute();
  assert.ok(sms.some((message) => message.recipient === '19912100001' && (message.body ?? '').includes(complaint.complaintNumber)), 'the complainant is told by SMS');

  const audit = await app.platform.database.db.selectFrom('audit_log').select('action').where('subject_id', '=', complaint.id).orderBy('seq').execute();
  assert.deepEqual(audit.map((record) => record.action), ['supervision.complaint.submit', 'supervision.complaint.note', 'supervision.complaint.reply']);
});

test(`${on}: who sees which complaints`, async () => {
  const citizen = await app.signIn('liu.yang');
  const [complaint] = (await citizen.get('/api/my/complaints')).body.items;
  const evidence = complaint.files[0].id;

  const another = await app.signIn('chen.xiuying');
  assert.equal((await another.get(`/api/my/complaints/${complaint.id}`)).status, 404);
  assert.equal((await another.get('/api/my/complaints')).body.total, 0);
  assert.equal((await another.get(`/api/files/${evidence}`)).status, 404);
  const notTheirs = await another.post('/api/my/complaints', { caseId, content: CONTENT });
  assert.equal(notTheirs.status, 400, "another person's case");
  assert.equal(notTheirs.body.error.code, 'COMPLAINT_CASE_UNKNOWN');

  // The unit complained about never sees the complaint or its files; neither does any other unit.
  for (const username of ['chen.jing', 'yang.lei', 'huang.yong']) {
    const staff = await app.signIn(username);
    assert.equal((await staff.get('/api/supervision/complaints')).status, 403, username);
    assert.equal((await staff.get(`/api/supervision/complaints/${complaint.id}`)).status, 403, username);
    assert.equal((await staff.get(`/api/files/${evidence}`)).status, 404, username);
    assert.equal((await staff.get('/api/my/complaints')).status, 403, 'staff do not file complaints here');
  }
  assert.equal((await citizen.get('/api/supervision/complaints')).status, 403);
  assert.equal((await citizen.post(`/api/supervision/complaints/${complaint.id}/reply`, { reply: '自己答复自己' })).status, 403);
  assert.equal((await app.client().get('/api/my/complaints')).status, 401);
  assert.equal((await app.client().get('/api/supervision/complaints')).status, 401);
  assert.equal((await (await app.signIn('jiang.wen')).get(`/api/supervision/complaints/${complaint.id}`)).status, 200, 'an overseer of everything');
});

test(`${on}: bad complaints are refused with a message and leave nothing behind`, async () => {
  const citizen = await app.signIn('liu.yang');
  const both = await citizen.post('/api/my/complaints', { caseId, unitId: samrId, content: CONTENT });
  assert.equal(both.status, 400);
  assert.match(both.body.error.issues[0].message, /二者选一/);
  assert.equal((await citizen.post('/api/my/complaints', { content: CONTENT })).status, 400);
  const short = await citizen.post('/api/my/complaints', { unitId: samrId, content: '太慢了' });
  assert.equal(short.status, 400);
  assert.match(short.body.error.issues[0].message, /至少 10 个字/);
  const phone = await citizen.post('/api/my/complaints', { unitId: samrId, content: CONTENT, contactPhone: '12345' });
  assert.equal(phone.status, 400);
  assert.match(phone.body.error.issues[0].message, /手机号码不正确/);
  const supervisor = await app.signIn('tang.zheng');
  for (const name of ['示范县', '城南社区', '示范市']) {
    const notAUnit = await citizen.post('/api/my/complaints', { unitId: await unitIdByName(supervisor, name), content: CONTENT });
    assert.equal(notAUnit.status, 400, name);
    assert.equal(notAUnit.body.error.code, 'COMPLAINT_UNIT_UNKNOWN');
  }
  const foreign = await uploadPdf(await app.signIn('chen.xiuying'), '别人的文件.pdf');
  assert.equal((await citizen.post('/api/my/complaints', { unitId: samrId, content: CONTENT, fileIds: [foreign] })).status, 404);
  assert.equal((await citizen.post('/api/my/complaints', { unitId: samrId, content: CONTENT, extra: 1 })).status, 400);
  assert.equal((await citizen.get('/api/my/complaints')).body.total, 1, 'nothing half-filed');

  // Without a supervising office over the unit, the complaint cannot go anywhere and is refused.
  const db = app.platform.database.db;
  const offices = await db.selectFrom('supervision_offices').selectAll().execute();
  await db.deleteFrom('supervision_offices').execute();
  try {
    const nowhere = await citizen.post('/api/my/complaints', { unitId: samrId, content: CONTENT });
    assert.equal(nowhere.status, 409);
    assert.match(nowhere.body.error.message, /12345/);
  } finally {
    await db.insertInto('supervision_offices').values(offices).execute();
  }
});

test(`${on}: the reply limit is a setting; an unanswered complaint escalates against the office; two replies racing cannot both win`, async () => {
  const supervisor = await app.signIn('tang.zheng');
  assert.deepEqual((await supervisor.get('/api/supervision/complaint-policy')).body, { replyDays: 15 });
  const hallAdmin = await app.signIn('jiang.wen');
  assert.equal((await hallAdmin.get('/api/supervision/complaint-policy')).status, 200);
  assert.equal((await hallAdmin.put('/api/supervision/complaint-policy', { replyDays: 3 })).status, 403, 'overseeing is not managing rules');
  assert.equal((await supervisor.put('/api/supervision/complaint-policy', { replyDays: 0 })).status, 400);
  assert.equal((await (await app.signIn('liu.yang')).get('/api/supervision/complaint-policy')).status, 403);
  assert.deepEqual((await supervisor.put('/api/supervision/complaint-policy', { replyDays: 3 })).body, { replyDays: 3 });

  // A company complains about a department: due Thursday, watched against the office that handles it.
  const company = await app.signIn('shifan.nongye');
  const filed = await company.post('/api/my/complaints', { unitId: hrssId, content: '社保登记窗口多次让我们来回跑，至今没有办结' });
  assert.equal(filed.status, 200, JSON.stringify(filed.body));
  const complaint = filed.body;
  assert.equal(complaint.dueOn, '2026-11-19');
  assert.equal(complaint.unitName, '县人力资源和社会保障局');
  assert.equal(complaint.caseId, null);
  assert.deepEqual(await findingsOfComplaint(supervisor, complaint.id), []);

  app.clock.advance(DAY);
  await sweep();
  app.clock.advance(3 * DAY);
  await sweep();
  app.clock.advance(7 * DAY);
  await sweep();
  const supervisor2 = await app.signIn('tang.zheng');
  const findings = await findingsOfComplaint(supervisor2, complaint.id);
  assert.deepEqual(findings.map((finding) => finding.level).sort(), ['red', 'warning', 'yellow']);
  assert.ok(findings.every((finding) => finding.unitName === '县纪委监委' && finding.ruleName === '投诉答复时限'));
  assert.ok(findings.every((finding) => finding.subjectLabel === `投诉 ${complaint.complaintNumber}`), 'findings never name the complainant');
  const officeHead = await app.signIn('han.feng');
  assert.ok((await officeHead.get('/api/messages?pageSize=50')).body.items.some((message: { title: string; body: string }) => message.title === '电子监察红牌' && message.body.includes(complaint.complaintNumber)));
  const unitHead = await app.signIn('huang.yong');
  assert.equal((await unitHead.get(`/api/supervision/findings?subjectType=complaint&subjectId=${complaint.id}`)).body.total, 0, 'the unit complained about does not learn of it through findings either');
  const listed = (await supervisor2.get(`/api/supervision/complaints?unitId=${hrssId}`)).body.items;
  assert.equal(listed.length, 1);
  assert.equal(listed[0].overdue, true);
  assert.equal(listed[0].complainantKind, 'company');

  const colleague = await app.signIn('feng.qing');
  const replies = await Promise.all([
    supervisor2.post(`/api/supervision/complaints/${complaint.id}/reply`, { reply: '已责成县人社局当日办结并书面说明' }),
    colleague.post(`/api/supervision/complaints/${complaint.id}/reply`, { reply: '已转县人社局限期办理' }),
  ]);
  assert.deepEqual(replies.map((response) => response.status).sort(), [200, 409]);
  const winner = replies.find((response) => response.status === 200)!.body;
  assert.equal(winner.history.filter((entry: { action: string }) => entry.action === 'replied').length, 1);
  assert.equal((await (await app.signIn('shifan.nongye')).get(`/api/my/complaints/${complaint.id}`)).body.reply, winner.reply);
  const resolved = await findingsOfComplaint(supervisor2, complaint.id);
  assert.ok(resolved.length === 3 && resolved.every((finding) => finding.resolvedAt !== null), 'the reply ends the deadline; its findings stay, resolved');
  const watched = await app.platform.database.db.selectFrom('supervision_subjects').select('subject_id').where('subject_id', '=', complaint.id).execute();
  assert.equal(watched.length, 0);

  // For the performance scores: complaints per unit complained about, by the day they arrived.
  const byUnit = (a: { unitId: string }, b: { unitId: string }) => (a.unitId < b.unitId ? -1 : 1);
  const counts = await countComplaintsByUnit(app.platform.database.db, { from: '2026-11-16', to: '2026-11-16' });
  assert.deepEqual(counts.sort(byUnit), [{ unitId: samrId, count: 1 }, { unitId: hrssId, count: 1 }].sort(byUnit));
  assert.deepEqual(await countComplaintsByUnit(app.platform.database.db, { from: '2026-11-17', to: '2026-11-30' }), []);
});
