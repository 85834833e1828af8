// 好差评 through HTTP: one rating per ended case, a bad rating opens the unit's rectification record
// due in 5 working days, the call-back and the reply the applicant reads.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { applyFor, concludeCase, publishItem } from './fixtures.ts';

let app: TestApp;
let itemId: string;
const on = testDialect();

before(async () => {
  app = await createTestApp({ startAt: new Date('2026-11-16T01:00:00Z') }); // Monday
  itemId = await publishItem(app);
});
after(() => app.close());

test(`${on}: a bad rating opens a rectification the unit calls back on and closes with a reply`, async () => {
  const citizen = await app.signIn('liu.yang');
  const receipt = await applyFor(citizen, itemId);
  assert.equal((await citizen.post(`/api/my/cases/${receipt.id}/rating`, { level: 'satisfied' })).status, 409, 'not before it ended');
  await concludeCase(app, receipt.id);
  assert.equal((await citizen.post(`/api/my/cases/${receipt.id}/rating`, { level: 'so-so' })).status, 400);
  const rated = await citizen.post(`/api/my/cases/${receipt.id}/rating`, { level: 'dissatisfied', comment: '窗口让我跑了两趟' });
  assert.equal(rated.status, 200, JSON.stringify(rated.body));
  assert.ok(rated.body.rectificationId);
  assert.equal((await citizen.post(`/api/my/cases/${receipt.id}/rating`, { level: 'very_satisfied' })).status, 409, 'one rating per case');
  const stranger = await app.signIn('chen.xiuying');
  assert.equal((await stranger.post(`/api/my/cases/${receipt.id}/rating`, { level: 'very_satisfied' })).status, 404);

  const head = await app.signIn('chen.jing');
  const open = await head.get('/api/rectifications?status=open');
  const record = open.body.items.find((item: { caseId: string }) => item.caseId === receipt.id);
  assert.ok(record, 'the unit sees the rectification');
  assert.equal(record.levelName, '不满意');
  assert.equal(record.dueOn, '2026-11-23', 'five working days after Monday 16 November');
  assert.equal(record.comment, '窗口让我跑了两趟');
  assert.equal((await (await app.signIn('huang.yong')).get(`/api/rectifications/${record.id}`)).status, 404, 'another unit does not see it');

  assert.equal((await head.post(`/api/rectifications/${record.id}/close`, { result: '已整改', replyToApplicant: '已对窗口人员批评教育' })).status, 409, 'call back first');
  assert.equal((await head.post(`/api/rectifications/${record.id}/callback`, { note: '' })).status, 400);
  assert.equal((await head.post(`/api/rectifications/${record.id}/callback`, { note: '电话回访，申请人反映材料清单不清楚' })).status, 200);
  const closed = await head.post(`/api/rectifications/${record.id}/close`, { result: '已修订材料清单说明', replyToApplicant: '感谢您的反馈，我们已修订办事指南中的材料说明。' });
  assert.equal(closed.status, 200);
  assert.equal(closed.body.status, 'done');
  const mine = await citizen.get(`/api/my/cases/${receipt.id}/rating`);
  assert.equal(mine.body.rating.reply, '感谢您的反馈，我们已修订办事指南中的材料说明。');
});

test(`${on}: a good rating opens nothing`, async () => {
  const citizen = await app.signIn('wang.haoran');
  const receipt = await applyFor(citizen, itemId);
  await concludeCase(app, receipt.id);
  const rated = await citizen.post(`/api/my/cases/${receipt.id}/rating`, { level: 'very_satisfied', comment: '' });
  assert.equal(rated.status, 200);
  assert.equal(rated.body.rectificationId, null);
});

test(`${on}: the hall office sets the rectification deadline and the code layout`, async () => {
  const admin = await app.signIn('jiang.wen');
  const current = await admin.get('/api/services/settings');
  assert.deepEqual(current.body, { codeLayout: { implementationTemplate: '{basic}{credit}{variant}' }, ratingPolicy: { rectificationDays: 5 } });
  assert.equal((await admin.put('/api/services/settings', { ...current.body, codeLayout: { implementationTemplate: '{basic}' } })).status, 400, 'the credit code must be in the code');
  const changed = await admin.put('/api/services/settings', { codeLayout: { implementationTemplate: '{credit}{basic}{variant}' }, ratingPolicy: { rectificationDays: 3 } });
  assert.equal(changed.status, 200);
  assert.equal((await (await app.signIn('chen.jing')).get('/api/services/settings')).status, 403);
  const citizen = await app.signIn('zhang.yuting');
  const receipt = await applyFor(citizen, itemId);
  await concludeCase(app, receipt.id);
  await citizen.post(`/api/my/cases/${receipt.id}/rating`, { level: 'very_dissatisfied', comment: '' });
  const head = await app.signIn('chen.jing');
  const record = (await head.get('/api/rectifications?status=open&pageSize=100')).body.items.find((item: { caseId: string }) => item.caseId === receipt.id);
  assert.equal(record.dueOn, '2026-11-19', 'three working days after Monday 16 November');
  await admin.put('/api/services/settings', current.body);
});
