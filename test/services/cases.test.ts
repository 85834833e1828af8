// Cases through HTTP: an application from submission to conclusion with a supplement on the way,
// idempotent submits, bad input, concurrent actions, and who sees which case.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestApp, type ApiClient, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { act, applyFor, publishItem, uploadPdf } from './fixtures.ts';

let app: TestApp;
let itemId: string;
let citizen: ApiClient;
let window: ApiClient;
const on = testDialect();

before(async () => {
  // A Monday morning in China, so the working days of the test are predictable.
  app = await createTestApp({ startAt: new Date('2026-11-16T01:00:00Z') });
  itemId = await publishItem(app);
  await signInAgain();
});

/** The text of a PDF, as poppler's pdftotext reads it. */
async function pdfText(pdf: Buffer): Promise<string> {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'zt-notice-')), 'notice.pdf');
  await writeFile(file, pdf);
  return (await promisify(execFile)('pdftotext', ['-layout', file, '-'])).stdout.replace(/\s+/g, '');
}

/** Moving the clock ends idle sessions, so the usual actors sign in again. */
async function signInAgain(): Promise<void> {
  citizen = await app.signIn('liu.yang');
  window = await app.signIn('deng.xiao');
}
after(() => app.close());

test(`${on}: apply → supplement → supply → accept → review → approve → conclude, with deadlines and notices`, async () => {
  const receipt = await applyFor(citizen, itemId);
  assert.match(receipt.caseNumber, /^[0-9A-Z]{9}-20261116-\d{5}$/);
  assert.match(receipt.queryCode, /^\d{6}$/);
  assert.equal(receipt.replayed, false);

  const queue = await window.get('/api/cases/queue?pageSize=100');
  const entry = queue.body.items.find((candidate: { caseId: string }) => candidate.caseId === receipt.id);
  assert.ok(entry, 'the hall window sees the new application');
  assert.equal(entry.stepKey, 'accept');

  const supplement = await act(window, receipt.id, { action: 'request_supplement', items: [{ materialKey: 'site_plan', name: '经营场所平面布局图', requirement: '须标明各功能区面积' }] });
  assert.equal(supplement.status, 200, JSON.stringify(supplement.body));
  const again = await act(window, receipt.id, { action: 'request_supplement', items: [{ materialKey: null, name: '其他', requirement: '再要一次' }] });
  assert.equal(again.status, 409, 'a supplement is requested once');

  const mine = await citizen.get(`/api/my/cases/${receipt.id}`);
  assert.equal(mine.body.status, 'supplementing');
  assert.deepEqual(mine.body.allowedActions, ['supply', 'withdraw']);
  assert.equal(mine.body.supplementRequest[0].requirement, '须标明各功能区面积');
  assert.equal(mine.body.clock.timeState, 'paused');

  app.clock.advance(3 * 86_400_000); // Thursday
  await signInAgain();
  const supplied = await citizen.post(`/api/my/cases/${receipt.id}/supply`, { version: mine.body.version, materials: [{ materialKey: 'site_plan', fileIds: [await uploadPdf(citizen, '新平面图.pdf')] }] });
  assert.equal(supplied.status, 200, JSON.stringify(supplied.body));

  assert.equal((await act(window, receipt.id, { action: 'accept', opinion: '材料齐全' })).status, 200);
  const accepted = await citizen.get(`/api/my/cases/${receipt.id}`);
  assert.equal(accepted.body.status, 'in_progress');
  assert.equal(accepted.body.currentStepKey, 'review');
  // Accepted Thursday 2026-11-19; 10 working days counted from the next working day.
  assert.equal(accepted.body.clock.caseDeadline, '2026-12-03');
  assert.ok(accepted.body.clock.explanation.some((line: string) => line.includes('2026-11-19')));
  assert.ok(accepted.body.materials.some((material: { round: number }) => material.round === 1), 'the supplied file is recorded as round 1');

  const reviewer = await app.signIn('yang.lei');
  assert.equal((await act(reviewer, receipt.id, { action: 'forward', opinion: '符合条件' })).status, 200);
  const head = await app.signIn('chen.jing');
  const denied = await act(head, receipt.id, { action: 'deny', reason: '', legalBasis: '' });
  assert.equal(denied.status, 400, 'a denial needs a reason and a legal basis');
  assert.equal((await act(head, receipt.id, { action: 'approve', opinion: '准予许可' })).status, 200);
  const deliver = await act(window, receipt.id, { action: 'conclude', opinion: '证照已送达' });
  assert.equal(deliver.status, 200, JSON.stringify(deliver.body));

  const done = await citizen.get(`/api/my/cases/${receipt.id}`);
  assert.equal(done.body.status, 'concluded');
  assert.equal(done.body.outcome, 'approved');
  assert.equal(done.body.clock.timeState, 'stopped');
  assert.deepEqual(done.body.timeline.map((event: { type: string }) => event.type), ['submitted', 'supplement_requested', 'supplemented', 'accepted', 'forwarded', 'decided', 'concluded']);
  assert.ok(done.body.steps.every((step: { state: string }) => step.state === 'done'));

  assert.deepEqual(done.body.notices, ['acceptance', 'supplement', 'approval']);
  const notice = await citizen.get(`/api/my/cases/${receipt.id}/notices/supplement`);
  assert.equal(notice.status, 200);
  assert.equal(notice.headers.get('content-type'), 'application/pdf');
  const text = await pdfText(notice.body);
  for (const expected of ['补正材料通知书', receipt.caseNumber, '须标明各功能区面积', '县市场监督管理局', receipt.queryCode]) assert.ok(text.includes(expected), expected);
  assert.equal((await citizen.get(`/api/my/cases/${receipt.id}/notices/refusal`)).status, 404, 'no refusal notice for an approved case');
  const staffCopy = await pdfText((await head.get(`/api/cases/${receipt.id}/notices/approval`)).body);
  assert.ok(staffCopy.includes('准予行政许可决定书'));
  assert.equal(staffCopy.includes(receipt.queryCode), false, 'the query code is printed only on the applicant\'s copy');
  assert.equal((await (await app.signIn('zhou.yan')).get(`/api/cases/${receipt.id}/notices/approval`)).status, 404);

  const sysadmin = await app.signIn('sysadmin');
  const outbox = await sysadmin.get('/api/outbox?pageSize=100');
  const topics = outbox.body.items.map((message: { topic: string }) => message.topic);
  for (const topic of ['case.submitted', 'case.supplement_requested', 'case.accepted', 'case.decided', 'case.concluded']) assert.ok(topics.includes(topic), topic);
  assert.ok(outbox.body.items.some((message: { channel: string; topic: string }) => message.channel === 'sms' && message.topic === 'case.accepted'), 'the applicant gets an SMS at acceptance');

  const lookup = await app.client().post('/api/public/case-lookup', { caseNumber: receipt.caseNumber, queryCode: receipt.queryCode });
  assert.equal(lookup.status, 200);
  assert.equal(lookup.body.statusName, '已办结');
  assert.equal(JSON.stringify(lookup.body).includes('刘洋'), false, 'the public lookup shows no personal data');
  const wrong = await app.client().post('/api/public/case-lookup', { caseNumber: receipt.caseNumber, queryCode: receipt.queryCode === '000000' ? '111111' : '000000' });
  assert.equal(wrong.status, 404);
});

test(`${on}: the same idempotency key gives the same case, even when sent twice at once`, async () => {
  const key = randomUUID();
  const first = await applyFor(citizen, itemId, key);
  const second = await applyFor(citizen, itemId, key);
  assert.equal(second.id, first.id);
  assert.equal(second.replayed, true);
  const racingKey = randomUUID();
  const [a, b] = await Promise.all([applyFor(citizen, itemId, racingKey), applyFor(citizen, itemId, racingKey)]);
  assert.equal(a.id, b.id);
});

test(`${on}: bad applications are refused with every problem named, and nothing is created`, async () => {
  const before = (await citizen.get('/api/my/cases?pageSize=100')).body.total;
  const noMaterials = await citizen.post('/api/applications', { itemId, form: { shop_name: '店', contact_phone: '19912100001', business_scope: '预包装食品销售' }, materials: [] });
  assert.equal(noMaterials.status, 400);
  assert.equal(noMaterials.body.error.code, 'CASE_MATERIALS_MISSING');
  assert.match(noMaterials.body.error.message, /食品经营许可申请书.*经营场所平面布局图/);
  const badForm = await citizen.post('/api/applications', { itemId, form: { shop_name: '', contact_phone: '123', business_scope: '卖烟花', extra: 'x' }, materials: [] });
  assert.equal(badForm.status, 400);
  assert.deepEqual(badForm.body.error.issues.map((issue: { path: string }) => issue.path), ['form.shop_name', 'form.contact_phone', 'form.business_scope', 'form.extra']);
  const someoneElsesFile = await uploadPdf(window);
  const stolen = await citizen.post('/api/applications', { itemId, form: { shop_name: '店', contact_phone: '19912100001', business_scope: '预包装食品销售' }, materials: [{ materialKey: 'application_form', fileIds: [someoneElsesFile] }, { materialKey: 'site_plan', fileIds: [someoneElsesFile] }] });
  assert.equal(stolen.status, 404, 'a file that is not yours cannot be attached');
  const badKey = await citizen.post('/api/applications', { itemId, form: {}, materials: [] }, { 'idempotency-key': 'short' });
  assert.equal(badKey.status, 400);
  const staffApply = await window.post('/api/applications', { itemId, form: {}, materials: [] });
  assert.equal(staffApply.status, 403);
  assert.equal((await citizen.get('/api/my/cases?pageSize=100')).body.total, before);
});

test(`${on}: two staff acting on the same case at once: exactly one wins, the other gets a conflict`, async () => {
  const receipt = await applyFor(citizen, itemId);
  const otherWindow = await app.signIn('cao.yue');
  const [first, second] = await Promise.all([
    window.post(`/api/cases/${receipt.id}/actions`, { version: 1, command: { action: 'accept', opinion: '' } }),
    otherWindow.post(`/api/cases/${receipt.id}/actions`, { version: 1, command: { action: 'refuse', reason: '不属于本机关职权范围', legalBasis: '《行政许可法》第三十二条' } }),
  ]);
  assert.deepEqual([first.status, second.status].sort(), [200, 409]);
  const loser = first.status === 409 ? first : second;
  assert.equal(loser.body.error.code, 'CASE_CONFLICT');
  const detail = await window.get(`/api/cases/${receipt.id}`);
  assert.equal(detail.body.version, 2);
  assert.equal(detail.body.timeline.length, 2, 'one transition happened, not two');
});

test(`${on}: send back, recall, countersign, special procedure and withdrawal`, async () => {
  const receipt = await applyFor(citizen, itemId);
  await act(window, receipt.id, { action: 'accept', opinion: '' });
  const reviewer = await app.signIn('yang.lei');
  const head = await app.signIn('chen.jing');
  assert.equal((await act(reviewer, receipt.id, { action: 'forward', opinion: '' })).status, 200);
  const recall = await act(reviewer, receipt.id, { action: 'recall', reason: '漏看一项材料' });
  assert.equal(recall.status, 200, JSON.stringify(recall.body));
  assert.equal((await reviewer.get(`/api/cases/${receipt.id}`)).body.currentStepKey, 'review');
  assert.equal((await act(reviewer, receipt.id, { action: 'forward', opinion: '' })).status, 200);
  assert.equal((await act(head, receipt.id, { action: 'note', text: '已阅' })).status, 200);
  assert.equal((await act(reviewer, receipt.id, { action: 'recall', reason: '再看看' })).status, 409, 'no recall once the next step touched it');
  assert.equal((await act(head, receipt.id, { action: 'send_back', toStepKey: 'accept', reason: '退回受理' })).status, 400, 'never back to acceptance');
  assert.equal((await act(head, receipt.id, { action: 'send_back', toStepKey: 'review', reason: '请补充现场核查意见' })).status, 200);

  const hrss = await reviewer.get('/api/org/tree');
  const hrssUnit = hrss.body.items.find((unit: { name: string }) => unit.name === '县卫生健康委员会').id;
  assert.equal((await act(reviewer, receipt.id, { action: 'countersign', unitIds: [hrssUnit], question: '是否涉及公共场所卫生许可' })).status, 200);
  assert.equal((await act(reviewer, receipt.id, { action: 'forward', opinion: '' })).status, 409, 'the step waits for the countersign');
  const health = await app.signIn('liang.kai');
  const healthQueue = await health.get('/api/cases/queue?pageSize=100');
  assert.ok(healthQueue.body.items.some((entry: { caseId: string; taskKind: string }) => entry.caseId === receipt.id && entry.taskKind === 'countersign'));
  assert.equal((await act(health, receipt.id, { action: 'countersign_reply', agree: true, opinion: '不涉及，同意' })).status, 200);

  const tooLong = await act(reviewer, receipt.id, { action: 'suspend', procedure: 'site_inspection', reason: '现场勘查', plannedDays: 30 });
  assert.equal(tooLong.status, 400);
  assert.equal((await act(reviewer, receipt.id, { action: 'suspend', procedure: 'site_inspection', reason: '现场勘查', plannedDays: 5 })).status, 200);
  const suspended = await reviewer.get(`/api/cases/${receipt.id}`);
  assert.equal(suspended.body.status, 'suspended');
  assert.deepEqual(suspended.body.allowedActions, ['resume', 'note']);
  app.clock.advance(86_400_000);
  await signInAgain();
  const inspector = await app.signIn('yang.lei');
  assert.equal((await act(inspector, receipt.id, { action: 'resume', result: '现场符合要求' })).status, 200);

  const mine = await citizen.get(`/api/my/cases/${receipt.id}`);
  const withdrawn = await citizen.post(`/api/my/cases/${receipt.id}/withdraw`, { version: mine.body.version, command: { action: 'withdraw', reason: '不再经营' } });
  assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.body));
  const after = await inspector.get(`/api/cases/${receipt.id}`);
  assert.equal(after.body.status, 'withdrawn');
  assert.deepEqual(after.body.allowedActions, []);
  assert.ok(after.body.tasks.every((task: { status: string }) => task.status !== 'open'));
});

test(`${on}: a unit never sees another unit's cases; applicants see only their own`, async () => {
  const receipt = await applyFor(citizen, itemId);
  const otherUnit = await app.signIn('zhou.yan');
  assert.equal((await otherUnit.get(`/api/cases/${receipt.id}`)).status, 404);
  assert.equal((await act(otherUnit, receipt.id, { action: 'note', text: 'x' }).catch(() => ({ status: 404 }))).status, 404);
  const search = await otherUnit.get('/api/cases?pageSize=100');
  assert.equal(search.body.items.some((item: { id: string }) => item.id === receipt.id), false);
  const otherCitizen = await app.signIn('chen.xiuying');
  assert.equal((await otherCitizen.get(`/api/my/cases/${receipt.id}`)).status, 404);
  assert.equal((await otherCitizen.get(`/api/cases/${receipt.id}`)).status, 403);
  const samrHead = await app.signIn('chen.jing');
  assert.ok((await samrHead.get('/api/cases?pageSize=100')).body.items.some((item: { id: string }) => item.id === receipt.id));
  assert.equal((await app.client().get('/api/my/cases')).status, 401);
});

test(`${on}: materials of an earlier case are reused as the new case's own copies`, async () => {
  await applyFor(citizen, itemId);
  const earlier = await citizen.get('/api/my/materials');
  assert.equal(earlier.status, 200);
  const pick = (key: string) => earlier.body.items.find((material: { materialKey: string }) => material.materialKey === key).fileId;
  const form = { shop_name: '城南便民超市', contact_phone: '19912100001', business_scope: '预包装食品销售' };
  const reused = await citizen.post('/api/applications', { itemId, form, materials: [{ materialKey: 'application_form', reuseFileIds: [pick('application_form')] }, { materialKey: 'site_plan', reuseFileIds: [pick('site_plan')] }] });
  assert.equal(reused.status, 200, JSON.stringify(reused.body));
  const detail = await window.get(`/api/cases/${reused.body.id}`);
  assert.deepEqual(detail.body.materials.map((material: { source: string }) => material.source), ['reuse', 'reuse']);
  const copy = detail.body.materials[0].fileId;
  assert.notEqual(copy, pick('application_form'));
  assert.equal((await window.get(`/api/files/${copy}/content`)).status, 200, 'the hall reads the copy through the new case');
  const stranger = await app.signIn('wang.haoran');
  const stolen = await stranger.post('/api/applications', { itemId, form, materials: [{ materialKey: 'application_form', reuseFileIds: [pick('application_form')] }, { materialKey: 'site_plan', reuseFileIds: [pick('site_plan')] }] });
  assert.equal(stolen.status, 404, 'someone else\'s file cannot be reused');
  assert.equal((await citizen.post('/api/applications', { itemId, form, materials: [{ materialKey: 'application_form' }, { materialKey: 'site_plan', fileIds: [] }] })).status, 400);
});
