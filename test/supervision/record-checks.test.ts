// The checks of a case's record over HTTP: a department's system pushes cases that break the rules (a refusal
// without legal basis, a decision taken before the case was entered, a backdated submission, an unlisted fee),
// a window refuses a complete application; each raises its finding once, at its rule's level. The office
// switches a check off and loosens another for one item, and the next cases follow.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, deliverEvents, type ApiClient, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { act, applyFor, publishItem, unitIdByName } from '../services/fixtures.ts';
import { createPlatform } from '../../src/platform.ts';

const on = testDialect();
const ITEM = '000103010001'; // 食品经营许可 of the market regulator (demo catalogue)
let app: TestApp;
let credential: string;
let origin = 0;

before(async () => {
  // Monday 16 November 2026, 09:00 in China.
  app = await createTestApp({ startAt: new Date('2026-11-16T01:00:00Z') });
  origin = app.clock.now().getTime();
  const admin = await app.signIn('jiang.wen');
  const registered = await admin.post('/api/external-systems', { name: '市场监管业务系统', unitId: await unitIdByName(admin, '县市场监督管理局') });
  assert.equal(registered.status, 200, JSON.stringify(registered.body));
  credential = registered.body.credential;
});
after(() => app.close());

const ago = (hours: number) => new Date(origin - hours * 3_600_000).toISOString();
const push = (body: unknown) => app.client().request('POST', '/api/intake/cases', body, { authorization: `Bearer ${credential}` });
const applicant = { kind: 'person', name: '刘洋', idNumber: '11010519491231002X' };


async function findingsOf(client: ApiClient, caseId: string): Promise<Array<{ ruleCode: string; level: string; category: string; description: string; status: string }>> {
  const response = await client.get(`/api/supervision/findings?subjectId=${caseId}&pageSize=100`);
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body.items;
}

const codesOf = (findings: Array<{ ruleCode: string; level: string }>) => findings.filter((finding) => !finding.ruleCode.startsWith('timeliness.')).map((finding) => `${finding.ruleCode}:${finding.level}`).sort();

test(`${on}: pushed cases that break the rules raise their findings once, at their rules' levels`, async () => {
  const refused = await push({ externalCaseId: 'CHK-1', itemCode: ITEM, applicant, submittedAt: ago(2), events: [{ type: 'refused', occurredAt: ago(1), reason: '不符合条件' }] });
  assert.equal(refused.status, 201, JSON.stringify(refused.body));
  const late = await push({
    externalCaseId: 'CHK-2', itemCode: ITEM, applicant, submittedAt: ago(8 * 24),
    events: [{ type: 'accepted', occurredAt: ago(7 * 24) }, { type: 'decided', occurredAt: ago(30), outcome: 'approved' }, { type: 'concluded', occurredAt: ago(2), fees: [{ name: '加急费', amount: 50 }] }],
  });
  assert.equal(late.status, 201, JSON.stringify(late.body));
  await deliverEvents(app);

  const head = await app.signIn('chen.jing');
  const first = await findingsOf(head, refused.body.caseId);
  assert.deepEqual(codesOf(first), ['legality.reason:red']);
  assert.match(first[0]!.description, /法律依据/);
  assert.equal(first[0]!.category, 'legality');
  // Submitted Sunday 8 November, entered Monday 16 November: 6 working days; decided the day before entry.
  assert.deepEqual(codesOf(await findingsOf(head, late.body.caseId)), ['fees.unlisted:red', 'offsystem.backdated:yellow', 'offsystem.entered_after_decision:red']);

  // A later push of the same case and a redelivery raise nothing new.
  const total = async () => (await head.get('/api/supervision/findings?pageSize=1')).body.total as number;
  const before = await total();
  await push({ externalCaseId: 'CHK-1', itemCode: ITEM, applicant, submittedAt: ago(2), events: [{ type: 'refused', occurredAt: ago(1), reason: '不符合条件' }] });
  await app.platform.database.db.updateTable('outbox').set({ status: 'pending', attempts: 0 }).where('channel', '=', 'event').execute();
  await deliverEvents(app);
  assert.equal(await total(), before);
});

test(`${on}: a window that refuses a complete application, with no supplement asked, gets a red card`, async () => {
  const itemId = await publishItem(app);
  const citizen = await app.signIn('liu.yang');
  const window = await app.signIn('deng.xiao');
  const application = await applyFor(citizen, itemId);
  const refused = await act(window, application.id, { action: 'refuse', reason: '窗口今日不受理', legalBasis: '《行政许可法》第三十二条' });
  assert.equal(refused.status, 200, JSON.stringify(refused.body));
  await deliverEvents(app);
  const supervisor = await app.signIn('tang.zheng');
  assert.deepEqual(codesOf(await findingsOf(supervisor, application.id)), ['legality.refused_complete:red']);
});

test(`${on}: the office switches a check off and loosens another for one item; later cases follow, earlier findings stay`, async () => {
  const supervisor = await app.signIn('tang.zheng');
  const rules = (await supervisor.get('/api/supervision/rules')).body.items as Array<{ id: string; code: string; scopeKey: string | null; settings: Record<string, unknown>; category: string; categoryName: string }>;
  assert.deepEqual([...new Set(rules.map((rule) => rule.category))], ['timeliness', 'legality', 'completeness', 'fees', 'discretion', 'offsystem']);
  const fees = rules.find((rule) => rule.code === 'fees.unlisted' && rule.scopeKey === null)!;
  assert.deepEqual(fees.settings, { level: 'red' });
  assert.equal((await supervisor.patch(`/api/supervision/rules/${fees.id}`, { settings: { level: 'orange' } })).status, 400);
  assert.equal((await supervisor.patch(`/api/supervision/rules/${fees.id}`, { settings: { level: 'red', warningDays: 3 } })).status, 400, 'settings of another kind of rule');
  assert.equal((await supervisor.patch(`/api/supervision/rules/${fees.id}`, { enabled: false })).status, 200);

  const item = (await (await app.signIn('chen.jing')).get(`/api/service-items?q=${ITEM}&pageSize=5`)).body.items[0];
  assert.ok(item?.id);
  const override = await supervisor.post('/api/supervision/rules', { code: 'offsystem.backdated', scopeKey: item.id, settings: { level: 'yellow', maxEntryDelayDays: 10 } });
  assert.equal(override.status, 200, JSON.stringify(override.body));
  assert.equal((await supervisor.post('/api/supervision/rules', { code: 'offsystem.backdated', scopeKey: item.id, settings: { level: 'yellow' } })).status, 400, 'the threshold is required');

  const pushed = await push({
    externalCaseId: 'CHK-3', itemCode: ITEM, applicant, submittedAt: ago(8 * 24),
    events: [{ type: 'accepted', occurredAt: ago(1) }, { type: 'decided', occurredAt: ago(0.5), outcome: 'approved' }, { type: 'concluded', occurredAt: ago(0.2), fees: [{ name: '加急费', amount: 50 }] }],
  });
  assert.equal(pushed.status, 201, JSON.stringify(pushed.body));
  await deliverEvents(app);
  assert.deepEqual(codesOf(await findingsOf(supervisor, pushed.body.caseId)), [], 'fees check off; 6 working days are within the item\'s 10');
  const earlier = await supervisor.get('/api/supervision/findings?pageSize=100');
  assert.ok(earlier.body.items.some((finding: { ruleCode: string }) => finding.ruleCode === 'fees.unlisted'), 'what was raised stays');
});

test(`${on}: the integrity risk register: a high-risk step needing a second approver, completed by one person alone, raises a red card`, async () => {
  const supervisor = await app.signIn('tang.zheng');
  const head = await app.signIn('chen.jing');
  const itemId = await publishItem(app);
  const point = { itemId, stepKey: 'decide', name: '许可决定', riskType: 'approval', level: 'high', description: '决定环节一人说了算', controlMeasures: '须另一名负责人审核后决定', requiresSecondApprover: true };
  assert.equal((await head.post('/api/supervision/risk-points', point)).status, 403, 'the unit does not keep the register');
  assert.equal((await supervisor.post('/api/supervision/risk-points', { ...point, stepKey: 'nowhere' })).status, 400);
  assert.equal((await supervisor.post('/api/supervision/risk-points', { ...point, level: 'extreme' })).status, 400);
  const created = await supervisor.post('/api/supervision/risk-points', point);
  assert.equal(created.status, 200, JSON.stringify(created.body));
  assert.deepEqual([created.body.stepName, created.body.levelName, created.body.riskTypeName], ['决定', '高', '审批决定']);
  const listed = await head.get(`/api/supervision/risk-points?itemId=${itemId}`);
  assert.equal(listed.body.items.length, 1, 'staff read the register where they work');
  assert.equal((await (await app.signIn('liu.yang')).get('/api/supervision/risk-points')).status, 403);
  assert.equal((await app.client().get('/api/supervision/risk-points')).status, 401);

  const citizen = await app.signIn('liu.yang');
  const window = await app.signIn('deng.xiao');
  const reviewer = await app.signIn('yang.lei');
  const application = await applyFor(citizen, itemId);
  for (const [client, command] of [[window, { action: 'accept', opinion: '' }], [reviewer, { action: 'forward', opinion: '' }], [head, { action: 'approve', opinion: '准予' }]] as const) {
    assert.equal((await act(client, application.id, command)).status, 200);
  }
  await deliverEvents(app);
  assert.deepEqual(codesOf(await findingsOf(supervisor, application.id)), ['legality.second_approver:red']);

  const changed = await supervisor.patch(`/api/supervision/risk-points/${created.body.id}`, { requiresSecondApprover: false, level: 'medium' });
  assert.equal(changed.status, 200);
  assert.equal(changed.body.levelName, '中');
  assert.equal((await supervisor.delete(`/api/supervision/risk-points/${created.body.id}`)).status, 200);
  const audit = await app.platform.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'supervision.risk_point.%').orderBy('seq').execute();
  assert.deepEqual(audit.map((record) => record.action), ['supervision.risk_point.create', 'supervision.risk_point.change', 'supervision.risk_point.delete']);
});

test(`${on}: a node that stops after a case event committed loses no finding: another node evaluates it from the outbox`, async () => {
  const refused = await push({ externalCaseId: 'CHK-CRASH', itemCode: ITEM, applicant, submittedAt: ago(3), events: [{ type: 'refused', occurredAt: ago(2), reason: '材料不符' }] });
  assert.equal(refused.status, 201);
  // This node never dispatches the event (as if it stopped right after the commit); a second node on the same
  // database, started now, does.
  const config = { ...app.platform.config, port: 0, seedDemo: false, runWorkers: false };
  const other = await createPlatform(config, { now: app.clock.now });
  try {
    for (let round = 0; round < 10; round += 1) if ((await other.dispatcher.runOnce()).claimed === 0) break;
  } finally {
    await other.close();
  }
  const supervisor = await app.signIn('tang.zheng');
  assert.deepEqual(codesOf(await findingsOf(supervisor, refused.body.caseId)), ['legality.reason:red']);
});
