// The intake API through HTTP: a department's system registered by the hall office pushes its cases
// with its own credential; pushes are idempotent, validated and audited; the example client works.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createTestApp, type ApiClient, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { unitIdByName } from './fixtures.ts';

let app: TestApp;
let credential: string;
let systemId: string;
const on = testDialect();
const ITEM = '000103010001'; // 食品经营许可 of the market regulator (demo catalogue)

before(async () => {
  app = await createTestApp();
  origin = app.clock.now().getTime();
  const admin = await app.signIn('jiang.wen');
  const registered = await admin.post('/api/external-systems', { name: '市场监管业务系统', unitId: await unitIdByName(admin, '县市场监督管理局') });
  assert.equal(registered.status, 200, JSON.stringify(registered.body));
  credential = registered.body.credential;
  systemId = registered.body.system.id;
});
after(() => app.close());

// Fixed once, so that a repeated push carries exactly the same history.
let origin = 0;
const ago = (hours: number) => new Date(origin - hours * 3_600_000).toISOString();
const push = (body: unknown, key = credential) => app.client().request('POST', '/api/intake/cases', body, { authorization: `Bearer ${key}` });
const base = (externalCaseId: string) => ({
  externalCaseId,
  itemCode: ITEM,
  applicant: { kind: 'person', name: '刘洋', idNumber: '11010519491231002X' },
  submittedAt: ago(30),
  form: { shop_name: '城南小吃' },
  events: [{ type: 'accepted', occurredAt: ago(29) }],
});

test(`${on}: a pushed case is created once, updated with new events, and seen by the unit`, async () => {
  const created = await push(base('EXT-1'));
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.result, 'created');
  assert.equal(created.body.status, 'in_progress');
  assert.ok(created.body.caseDeadline);
  const again = await push(base('EXT-1'));
  assert.equal(again.status, 200);
  assert.deepEqual([again.body.result, again.body.caseId], ['unchanged', created.body.caseId]);
  const more = { ...base('EXT-1'), events: [...base('EXT-1').events, { type: 'decided', occurredAt: ago(2), outcome: 'approved' }, { type: 'concluded', occurredAt: ago(1) }] };
  const updated = await push(more);
  assert.deepEqual([updated.body.result, updated.body.status], ['updated', 'concluded']);
  const rewritten = { ...more, events: [{ type: 'refused', occurredAt: ago(29), reason: '改写历史' }] };
  assert.equal((await push(rewritten)).status, 409);

  const head: ApiClient = await app.signIn('chen.jing');
  const found = await head.get('/api/cases?channel=pushed&pageSize=100');
  const pushed = found.body.items.find((item: { id: string }) => item.id === created.body.caseId);
  assert.ok(pushed, 'the unit sees the pushed case');
  const detail = await head.get(`/api/cases/${created.body.caseId}`);
  assert.deepEqual(detail.body.timeline.map((event: { type: string }) => event.type), ['submitted', 'accepted', 'decided', 'concluded']);
  assert.equal(detail.body.outcome, 'approved');
  assert.deepEqual(detail.body.allowedActions, []);

  const auditor = await app.signIn('auditadmin');
  const audit = await auditor.get('/api/audit?action=services.case.push&pageSize=50');
  assert.ok(audit.body.items.filter((entry: { action: string }) => entry.action === 'services.case.push').length >= 3, 'every push is audited');
});

test(`${on}: bad pushes are refused with the reason and change nothing`, async () => {
  assert.equal((await push(base('EXT-2'), 'zt_000000000000_' + 'a'.repeat(43))).status, 401);
  assert.equal((await app.client().request('POST', '/api/intake/cases', base('EXT-2'))).status, 401);
  const cases: Array<[string, unknown, number]> = [
    ['unknown item', { ...base('EXT-2'), itemCode: '000106010001' }, 400],
    ['future event', { ...base('EXT-2'), events: [{ type: 'accepted', occurredAt: ago(-5) }] }, 400],
    ['out of order', { ...base('EXT-2'), events: [{ type: 'accepted', occurredAt: ago(31) }] }, 400],
    ['conclusion without decision', { ...base('EXT-2'), events: [{ type: 'accepted', occurredAt: ago(29) }, { type: 'concluded', occurredAt: ago(1) }] }, 400],
    ['bad applicant ID', { ...base('EXT-2'), applicant: { kind: 'person', name: '某', idNumber: '110105194912310021' } }, 400],
    ['bad external id', { ...base('EXT 2') }, 400],
  ];
  for (const [label, body, status] of cases) {
    const response = await push(body);
    assert.equal(response.status, status, `${label}: ${JSON.stringify(response.body)}`);
    assert.ok(response.body.error.message, label);
  }
  const head = await app.signIn('chen.jing');
  assert.equal((await head.get('/api/cases?channel=pushed&q=EXT-2')).body.total, 0);
});

test(`${on}: only the hall office registers systems; a disabled credential stops working`, async () => {
  const head = await app.signIn('chen.jing');
  assert.equal((await head.post('/api/external-systems', { name: '自建系统', unitId: await unitIdByName(head, '县市场监督管理局') })).status, 403);
  const admin = await app.signIn('jiang.wen');
  const second = await admin.post('/api/external-systems', { name: '临时系统', unitId: await unitIdByName(admin, '县市场监督管理局') });
  assert.equal((await push(base('EXT-3'), second.body.credential)).status, 201);
  assert.equal((await admin.post(`/api/external-systems/${second.body.system.id}/disable`)).status, 200);
  assert.equal((await push(base('EXT-4'), second.body.credential)).status, 401);
  const listed = await admin.get('/api/external-systems');
  assert.ok(listed.body.items.some((system: { id: string; lastUsedAt: string | null }) => system.id === systemId && system.lastUsedAt));
  // The secret is base64url, which may itself contain "_": it is everything after zt_<prefix>_.
  const secret = credential.split('_').slice(2).join('_');
  assert.equal(secret.length, 43);
  assert.equal(JSON.stringify(listed.body).includes(secret), false, 'the secret is never shown again');
});

test(`${on}: the example client script pushes a case`, async () => {
  const run = promisify(execFile);
  const { stdout } = await run(process.execPath, ['examples/push-case.ts'], { env: { ...process.env, ZT_URL: app.baseUrl, ZT_CREDENTIAL: credential, ZT_ITEM_CODE: ITEM, ZT_EXTERNAL_ID: 'EXAMPLE-1', ZT_APPLICANT_CODE: '9144030071526726XG' } });
  assert.match(stdout, /^created: \S+ status=concluded/);
});
