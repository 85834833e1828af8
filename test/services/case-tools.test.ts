// Staff tools over many cases through HTTP: statistics, Excel export of a search, batch approval of
// 即办件; and applicants' drafts. Uses the demo cases the seed makes in every state.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';

let app: TestApp;
const on = testDialect();

before(async () => {
  app = await createTestApp();
});
after(() => app.close());

const thisYear = () => `from=${new Date().getUTCFullYear() - 1}-01-01&to=${new Date().getUTCFullYear() + 1}-12-31`;

test(`${on}: statistics count the demo cases within the reader's scope`, async () => {
  const admin = await app.signIn('jiang.wen');
  const all = await admin.get(`/api/cases/statistics?${thisYear()}`);
  assert.equal(all.status, 200, JSON.stringify(all.body));
  assert.ok(all.body.submitted >= 14, `submitted ${all.body.submitted}`);
  assert.ok(all.body.concluded >= 3);
  assert.ok(all.body.byStatus.some((row: { status: string; name: string }) => row.status === 'withdrawn' && row.name === '已撤回'));
  assert.ok(all.body.byUnit.length >= 5);
  assert.equal(all.body.byMonth.reduce((sum: number, row: { count: number }) => sum + row.count, 0), all.body.submitted);
  assert.ok(all.body.onTimeRate === null || (all.body.onTimeRate >= 0 && all.body.onTimeRate <= 100));
  assert.equal(all.body.satisfaction.byLevel.length, 5);
  const samr = await (await app.signIn('chen.jing')).get(`/api/cases/statistics?${thisYear()}`);
  assert.ok(samr.body.submitted < all.body.submitted, 'a unit head counts only the unit');
  assert.deepEqual(samr.body.byUnit.map((row: { unitName: string }) => row.unitName), ['县市场监督管理局']);
  assert.equal((await admin.get('/api/cases/statistics?from=2026-12-01&to=2026-01-01')).status, 400);
  assert.equal((await app.client().get(`/api/cases/statistics?${thisYear()}`)).status, 401);
});

test(`${on}: a search exports to Excel with the same rows`, async () => {
  const head = await app.signIn('chen.jing');
  const search = await head.get('/api/cases?pageSize=100');
  const exported = await head.get('/api/cases/export.xlsx');
  assert.equal(exported.status, 200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(exported.body);
  const sheet = workbook.getWorksheet('办件')!;
  assert.equal(sheet.getRow(1).getCell(1).value, '办件编号');
  assert.equal(sheet.rowCount - 1, search.body.total);
});

test(`${on}: batch approval concludes 即办件 and reports the cases it could not`, async () => {
  const window = await app.signIn('deng.xiao');
  const queue = await window.get('/api/cases/queue?pageSize=100');
  const immediate = queue.body.items.filter((entry: { caseKind: string }) => entry.caseKind === 'immediate');
  const promised = queue.body.items.find((entry: { caseKind: string }) => entry.caseKind === 'promised');
  assert.ok(immediate.length >= 1 && promised);
  const response = await window.post('/api/cases/batch-approve', { cases: [...immediate, promised].map((entry: { caseId: string; version: number }) => ({ caseId: entry.caseId, version: entry.version })), opinion: '符合条件，当场办结' });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  const results = response.body.results;
  assert.deepEqual(results.filter((result: { ok: boolean }) => result.ok).length, immediate.length);
  assert.equal(results.at(-1).code, 'CASE_NOT_IMMEDIATE');
  for (const entry of immediate) assert.equal((await window.get(`/api/cases/${entry.caseId}`)).body.status, 'concluded');
  const again = await window.post('/api/cases/batch-approve', { cases: [{ caseId: immediate[0].caseId, version: immediate[0].version }] });
  assert.equal(again.body.results[0].ok, false, 'a stale version is refused');
});

test(`${on}: applicants keep drafts of their own; nobody else reads them`, async () => {
  const citizen = await app.signIn('liu.yang');
  const items = await app.client().get('/api/public/service-items?pageSize=5');
  const itemId = items.body.items[0].id;
  const saved = await citizen.post('/api/my/drafts', { itemId, form: { applicant_name: '刘洋' }, materials: [] });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  const updated = await citizen.post('/api/my/drafts', { id: saved.body.id, itemId, form: { applicant_name: '刘洋', phone: '19912100001' }, materials: [] });
  assert.equal(updated.body.id, saved.body.id);
  assert.equal((await citizen.get('/api/my/drafts')).body.items.length, 1);
  const other = await app.signIn('wang.haoran');
  assert.equal((await other.get(`/api/my/drafts/${saved.body.id}`)).status, 404);
  assert.equal((await other.post('/api/my/drafts', { id: saved.body.id, itemId, form: {}, materials: [] })).status, 404);
  assert.equal((await (await app.signIn('deng.xiao')).get('/api/my/drafts')).status, 403);
  assert.equal((await citizen.delete(`/api/my/drafts/${saved.body.id}`)).status, 200);
  assert.equal((await citizen.get('/api/my/drafts')).body.items.length, 0);
});
