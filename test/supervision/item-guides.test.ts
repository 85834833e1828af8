// The completeness of published guides over HTTP: a published item whose guide lacks required elements (here a
// guide carried over from an earlier system) raises `completeness.guide` for its unit when everything is
// re-evaluated, once; publishing a complete version resolves it, an incomplete later version raises again,
// retiring the item resolves that. The office tunes the rule per item like any other.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, deliverEvents, type ApiClient, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { publishItem } from '../services/fixtures.ts';

const on = testDialect();
let app: TestApp;

before(async () => {
  app = await createTestApp({ startAt: new Date('2026-11-16T01:00:00Z') });
});
after(() => app.close());


async function runJobs(): Promise<void> {
  for (let round = 0; round < 5; round += 1) {
    const counts = await app.platform.worker.runOnce();
    if (counts.done + counts.retried + counts.failed === 0) return;
  }
}

interface FindingView { id: string; ruleCode: string; level: string; category: string; description: string; resolvedAt: string | null; subjectType: string; subjectLabel: string }

async function guideFindings(client: ApiClient, itemId: string): Promise<FindingView[]> {
  const response = await client.get(`/api/supervision/findings?subjectType=service_item&subjectId=${itemId}&pageSize=100`);
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body.items;
}

/** Blanks elements of the item's published guide in the database, as a guide carried over from an earlier system. */
async function breakPublishedGuide(itemId: string, blank: Record<string, unknown>): Promise<void> {
  const db = app.platform.database.db;
  const item = await db.selectFrom('service_items').select('published_version_id').where('id', '=', itemId).executeTakeFirstOrThrow();
  const version = await db.selectFrom('service_item_versions').select('guide').where('id', '=', item.published_version_id!).executeTakeFirstOrThrow();
  await db.updateTable('service_item_versions').set({ guide: JSON.stringify({ ...JSON.parse(version.guide), ...blank }) }).where('id', '=', item.published_version_id!).execute();
}

/** A rule change queues the re-evaluation of everything; this touches the general guide rule and runs the job. */
async function reevaluateEverything(supervisor: ApiClient, level: string): Promise<void> {
  const rules = await supervisor.get('/api/supervision/rules');
  const general = rules.body.items.find((rule: { code: string; scopeKey: string | null }) => rule.code === 'completeness.guide' && rule.scopeKey === null);
  assert.ok(general, 'the guide rule ships with the platform');
  assert.equal(general.subjectType, 'service_item');
  const changed = await supervisor.patch(`/api/supervision/rules/${general.id}`, { settings: { level } });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  await runJobs();
}

async function publishEdit(itemId: string, change: Record<string, unknown>): Promise<void> {
  const head = await app.signIn('chen.jing');
  const detail = await head.get(`/api/service-items/${itemId}`);
  assert.equal(detail.status, 200, JSON.stringify(detail.body));
  const edited = await head.put(`/api/service-items/${itemId}`, { guide: { ...detail.body.guide, ...change }, process: detail.body.process });
  assert.equal(edited.status, 200, JSON.stringify(edited.body));
  assert.equal((await head.post(`/api/service-items/${itemId}/submit`)).status, 200);
  const reviewer = await app.signIn('jiang.wen');
  assert.equal((await reviewer.post(`/api/service-items/${itemId}/review`, { decision: 'publish' })).status, 200);
  await deliverEvents(app);
}

test(`${on}: a published guide lacking elements is found once, resolved by a complete version, raised again by an incomplete one, resolved on retirement`, async () => {
  const itemId = await publishItem(app);
  await deliverEvents(app);
  const head = await app.signIn('chen.jing');
  const supervisor = await app.signIn('tang.zheng');
  assert.deepEqual(await guideFindings(head, itemId), [], 'a complete guide raises nothing');

  await breakPublishedGuide(itemId, { legalBasis: '', complaintChannel: ' ' });
  await reevaluateEverything(supervisor, 'yellow');
  const raised = await guideFindings(head, itemId);
  assert.equal(raised.length, 1);
  assert.equal(raised[0]!.ruleCode, 'completeness.guide');
  assert.equal(raised[0]!.category, 'completeness');
  assert.equal(raised[0]!.level, 'yellow');
  assert.equal(raised[0]!.subjectLabel, '测试食品经营许可');
  assert.match(raised[0]!.description, /设定依据、监督投诉方式/);
  // The unit's responders are told in-app.
  const messages = await head.get('/api/messages?pageSize=50');
  assert.ok(messages.body.items.some((message: { body: string; link: string }) => message.body.includes('设定依据') && message.link === `/supervision/findings/${raised[0]!.id}`));

  // Re-evaluating again, and delivering the publication event again, raise nothing new.
  await reevaluateEverything(supervisor, 'red');
  await app.platform.database.db.updateTable('outbox').set({ status: 'pending', attempts: 0 }).where('channel', '=', 'event').execute();
  await deliverEvents(app);
  assert.equal((await guideFindings(head, itemId)).length, 1);

  // The unit publishes a complete version: the finding is resolved and keeps its history.
  await publishEdit(itemId, { legalBasis: '《中华人民共和国食品安全法》第三十五条', complaintChannel: '12345 政务服务便民热线' });
  const fixed = await guideFindings(head, itemId);
  assert.equal(fixed.length, 1);
  assert.ok(fixed[0]!.resolvedAt, 'resolved by the complete version');
  const detail = await head.get(`/api/supervision/findings/${fixed[0]!.id}`);
  assert.deepEqual(detail.body.history.map((entry: { action: string }) => entry.action), ['raised', 'resolved']);
  assert.equal(detail.body.history[1].note, '办事指南已补全');

  // A later version carried over without its opening hours raises a new finding (at the level now set: red).
  await breakPublishedGuide(itemId, { hours: '' });
  await reevaluateEverything(supervisor, 'red');
  const again = (await guideFindings(head, itemId)).filter((finding) => finding.resolvedAt === null);
  assert.equal(again.length, 1);
  assert.equal(again[0]!.level, 'red');
  assert.match(again[0]!.description, /办理时间/);

  // Retiring the item resolves it.
  const reviewer = await app.signIn('jiang.wen');
  assert.equal((await reviewer.post(`/api/service-items/${itemId}/retire`, { reason: '职能调整' })).status, 200);
  await deliverEvents(app);
  assert.deepEqual((await guideFindings(head, itemId)).filter((finding) => finding.resolvedAt === null), []);
});

test(`${on}: the guide rule switched off for one item raises nothing for it; other units do not see the finding`, async () => {
  const itemId = await publishItem(app);
  await deliverEvents(app);
  const supervisor = await app.signIn('tang.zheng');
  const override = await supervisor.post('/api/supervision/rules', { code: 'completeness.guide', scopeKey: itemId, settings: { level: 'red' }, enabled: false });
  assert.equal(override.status, 200, JSON.stringify(override.body));
  assert.equal((await supervisor.post('/api/supervision/rules', { code: 'completeness.guide', scopeKey: itemId, settings: { level: 'purple' } })).status, 400);

  await breakPublishedGuide(itemId, { place: '' });
  await runJobs();
  assert.deepEqual(await guideFindings(supervisor, itemId), []);

  assert.equal((await supervisor.patch(`/api/supervision/rules/${override.body.id}`, { enabled: true })).status, 200);
  await runJobs();
  const raised = await guideFindings(supervisor, itemId);
  assert.deepEqual(raised.map((finding) => `${finding.ruleCode}:${finding.level}`), ['completeness.guide:red']);
  // The market regulator's finding is not the human-resources bureau's to see.
  const other = await app.signIn('huang.yong');
  const seen = await other.get(`/api/supervision/findings?subjectType=service_item&subjectId=${itemId}`);
  assert.equal(seen.status, 200);
  assert.equal(seen.body.items.length, 0);
});
