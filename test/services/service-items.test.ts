// Service items through HTTP: the lifecycle draft → review → published → retired, versions,
// completeness, the public catalogue, and who may change what.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { completeGuide, publishItem, unitIdByName } from './fixtures.ts';

let app: TestApp;
const on = testDialect();

before(async () => {
  app = await createTestApp();
});
after(() => app.close());

test(`${on}: an incomplete guide cannot be submitted; the missing elements are named`, async () => {
  const head = await app.signIn('chen.jing');
  const unitId = await unitIdByName(head, '县市场监督管理局');
  const created = await head.post('/api/service-items', { unitId, guide: completeGuide({ legalBasis: '', hours: '', charged: true, fees: [] }) });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  assert.equal(created.body.status, 'draft');
  assert.deepEqual(created.body.missing.map((entry: { element: string }) => entry.element), ['legalBasis', 'fees', 'hours']);
  assert.equal(created.body.can.submit, true);
  const submitted = await head.post(`/api/service-items/${created.body.id}/submit`);
  assert.equal(submitted.status, 400);
  assert.equal(submitted.body.error.code, 'ITEM_INCOMPLETE');
  assert.match(submitted.body.error.message, /设定依据.*收费标准及依据.*办理时间/);
  assert.equal(created.body.implementationCode.length <= 36, true);
  assert.ok(created.body.implementationCode.includes(created.body.basicCode));
});

test(`${on}: publishing, the public catalogue, and a new version while the old one stays public`, async () => {
  const guide = completeGuide({ name: '测试小餐饮登记' });
  const itemId = await publishItem(app, guide);
  const anonymous = app.client();
  const listed = await anonymous.get(`/api/public/service-items?q=${encodeURIComponent('小餐饮')}`);
  assert.equal(listed.status, 200);
  assert.deepEqual(listed.body.items.map((item: { id: string }) => item.id), [itemId]);
  const byTheme = await anonymous.get('/api/public/service-items?theme=food_drug&pageSize=100');
  assert.ok(byTheme.body.items.some((item: { id: string }) => item.id === itemId));

  const head = await app.signIn('chen.jing');
  const edited = await head.put(`/api/service-items/${itemId}`, { guide: { ...guide, name: '测试小餐饮登记（第二版）' }, process: (await head.get(`/api/service-items/${itemId}`)).body.process });
  assert.equal(edited.status, 200, JSON.stringify(edited.body));
  assert.equal(edited.body.version.versionNo, 2);
  assert.equal(edited.body.version.status, 'draft');
  assert.equal(edited.body.status, 'published');
  const publicGuide = await anonymous.get(`/api/public/service-items/${itemId}`);
  assert.equal(publicGuide.body.guide.name, '测试小餐饮登记');
  assert.equal(publicGuide.body.versionNo, 1);

  assert.equal((await head.post(`/api/service-items/${itemId}/submit`)).status, 200);
  const inReview = await head.put(`/api/service-items/${itemId}`, { guide, process: edited.body.process });
  assert.equal(inReview.status, 409, 'no edits while the version is under review');
  const reviewer = await app.signIn('jiang.wen');
  const returned = await reviewer.post(`/api/service-items/${itemId}/review`, { decision: 'return', note: '请补充受理条件' });
  assert.equal(returned.status, 200);
  assert.equal(returned.body.version.reviewNote, '请补充受理条件');
  assert.equal((await head.post(`/api/service-items/${itemId}/submit`)).status, 200);
  const published = await reviewer.post(`/api/service-items/${itemId}/review`, { decision: 'publish' });
  assert.equal(published.body.history.map((version: { status: string }) => version.status).join(','), 'published,superseded');
  assert.equal((await anonymous.get(`/api/public/service-items/${itemId}`)).body.guide.name, '测试小餐饮登记（第二版）');

  assert.equal((await reviewer.post(`/api/service-items/${itemId}/retire`, { reason: '事项取消' })).status, 200);
  assert.equal((await anonymous.get(`/api/public/service-items/${itemId}`)).status, 404);
});

test(`${on}: units change only their own items; only the hall office reviews`, async () => {
  const itemId = await publishItem(app);
  const otherHead = await app.signIn('huang.yong');
  const detail = await otherHead.get(`/api/service-items/${itemId}`);
  assert.equal(detail.status, 404, 'another unit does not see the item in the console');
  const samrUnit = await unitIdByName(otherHead, '县市场监督管理局');
  assert.equal((await otherHead.post('/api/service-items', { unitId: samrUnit, guide: completeGuide() })).status, 403);
  const head = await app.signIn('chen.jing');
  assert.equal((await head.post(`/api/service-items/${itemId}/retire`, { reason: '自己停用' })).status, 403);
  const window = await app.signIn('deng.xiao');
  assert.equal((await window.post('/api/service-items', { unitId: samrUnit, guide: completeGuide() })).status, 403);
  assert.equal((await app.client().get('/api/service-items')).status, 401);
});

test(`${on}: malformed guides and processes are refused with the reason`, async () => {
  const head = await app.signIn('chen.jing');
  const unitId = await unitIdByName(head, '县市场监督管理局');
  const badCode = await head.post('/api/service-items', { unitId, guide: completeGuide({ basicCode: 'abc-123' }) });
  assert.equal(badCode.status, 400);
  const duplicateMaterial = await head.post('/api/service-items', { unitId, guide: completeGuide({ materials: [{ key: 'a', name: '甲' }, { key: 'a', name: '乙' }] }) });
  assert.equal(duplicateMaterial.status, 400);
  const badProcess = await head.post('/api/service-items', {
    unitId,
    guide: completeGuide(),
    process: { steps: [{ key: 'review', name: '审查', kind: 'review', handledBy: 'owner', permission: 'services.cases.review', limitDays: 5, actions: ['approve'] }] },
  });
  assert.equal(badProcess.status, 400);
  assert.match(JSON.stringify(badProcess.body), /受理/);
  const guide = completeGuide();
  assert.equal((await head.post('/api/service-items', { unitId, guide })).status, 200);
  const sameCode = await head.post('/api/service-items', { unitId, guide });
  assert.equal(sameCode.status, 409);
  assert.equal(sameCode.body.error.code, 'ITEM_CODE_TAKEN');
});

test(`${on}: the hall office bundles items into a life event the public browses`, async () => {
  const itemId = await publishItem(app, completeGuide({ name: '测试一件事事项' }));
  const admin = await app.signIn('jiang.wen');
  const saved = await admin.post('/api/life-events', { code: 'open_bakery', name: '我要开面包店', audience: 'company', description: '开办面包店需要办理的事项', itemIds: [itemId] });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  const listed = await app.client().get('/api/public/life-events');
  const bakery = listed.body.items.find((event: { code: string }) => event.code === 'open_bakery');
  assert.equal(bakery.itemCount, 1);
  const items = await app.client().get(`/api/public/service-items?lifeEventId=${bakery.id}`);
  assert.deepEqual(items.body.items.map((item: { id: string }) => item.id), [itemId]);
  const renamed = await admin.post('/api/life-events', { code: 'open_bakery', name: '我要开烘焙店', audience: 'company', itemIds: [] });
  assert.equal(renamed.body.id, saved.body.id, 'saved by code');
  assert.equal((await admin.post('/api/life-events', { code: 'x1', name: '无效', audience: 'person', itemIds: ['00000000-0000-7000-8000-000000000000'] })).status, 404);
  assert.equal((await (await app.signIn('chen.jing')).post('/api/life-events', { code: 'mine', name: '本单位', audience: 'person' })).status, 403);
});
