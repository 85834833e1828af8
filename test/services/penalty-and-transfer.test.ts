// Administrative penalty cases run on the same engine with their own process and the discretion
// standard; and a case transferred (转办) to another hall lands in that hall's queue.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { act, applyFor, publishItem, unitIdByName } from './fixtures.ts';

let app: TestApp;
const on = testDialect();

before(async () => {
  app = await createTestApp();
});
after(() => app.close());

test(`${on}: a penalty case goes 立案 → 调查取证 → 告知 → 决定 (within the discretion range) → 送达 → 执行 → 结案`, async () => {
  const catalogue = await app.client().get(`/api/public/service-items?itemType=02&pageSize=10`);
  const item = catalogue.body.items.find((candidate: { unitName: string }) => candidate.unitName === '县市场监督管理局');
  const guide = (await app.client().get(`/api/public/service-items/${item.id}`)).body;
  assert.deepEqual(guide.process.steps.map((step: { name: string }) => step.name), ['立案', '调查取证', '告知/听证', '决定', '送达', '执行', '结案']);
  const circumstance = guide.guide.discretion[0].circumstances[0];

  const officer = await app.signIn('yang.lei');
  const form = Object.fromEntries(guide.guide.form.map((field: { key: string; type: string; options?: string[] }) => [field.key, field.type === 'credit_code' ? '9144030071526726XG' : field.type === 'resident_id' ? '11010519491231002X' : field.type === 'phone' ? '19912100001' : field.type === 'date' ? '2026-11-02' : field.type === 'number' ? '1' : field.type === 'select' ? field.options?.[0] : '示例']));
  const registered = await officer.post('/api/cases/walk-in', { itemId: item.id, applicant: { kind: 'company', name: '某食品店', idNumber: '9144030071526726XG' }, form });
  assert.equal(registered.status, 200, JSON.stringify(registered.body));
  const window = await app.signIn('deng.xiao');
  assert.equal((await window.post('/api/cases/walk-in', { itemId: item.id, applicant: { kind: 'company', name: '某食品店', idNumber: '9144030071526726XG' }, form })).status, 403, 'only the enforcing unit opens a penalty case');

  const head = await app.signIn('chen.jing');
  const steps: Array<[typeof head, Record<string, unknown>]> = [
    [head, { action: 'accept', opinion: '予以立案' }],
    [officer, { action: 'forward', opinion: '现场检查笔录、询问笔录已取得' }],
    [officer, { action: 'forward', opinion: '已送达行政处罚告知书，当事人未申请听证' }],
  ];
  for (const [client, command] of steps) assert.equal((await act(client, registered.body.id, command)).status, 200, JSON.stringify(command));
  const tooHigh = await act(head, registered.body.id, { action: 'penalize', circumstance: circumstance.code, amount: circumstance.fineMax + 1, opinion: '罚款', legalBasis: guide.guide.discretion[0].basis });
  assert.equal(tooHigh.status, 400);
  assert.equal(tooHigh.body.error.code, 'CASE_FINE_OUT_OF_RANGE');
  const fined = await act(head, registered.body.id, { action: 'penalize', circumstance: circumstance.code, amount: circumstance.fineMin, opinion: '没收违法所得并处罚款', legalBasis: guide.guide.discretion[0].basis });
  assert.equal(fined.status, 200, JSON.stringify(fined.body));
  for (const [client, command] of [[officer, { action: 'forward', opinion: '已送达' }], [officer, { action: 'forward', opinion: '罚款已缴纳' }], [head, { action: 'conclude', opinion: '结案' }]] as const) {
    assert.equal((await act(client, registered.body.id, command)).status, 200, JSON.stringify(command));
  }
  const done = await head.get(`/api/cases/${registered.body.id}`);
  assert.equal(done.body.status, 'concluded');
  assert.equal(done.body.outcome, 'penalized');
  assert.equal(done.body.channel, 'window');
  const decision = done.body.timeline.find((event: { type: string }) => event.type === 'decided');
  assert.deepEqual([decision.detail.amount, decision.detail.circumstance], [circumstance.fineMin, circumstance.code]);
  assert.deepEqual(done.body.notices, ['acceptance', 'penalty']);
  const pdf = await head.get(`/api/cases/${registered.body.id}/notices/penalty`);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  const text = await pdfText(pdf.body as Buffer);
  assert.ok(text.includes(`综合考虑违法情节（${circumstance.name}）`), 'the decision names the circumstance, not its code');
});

/** The PDF's text as poppler's pdftotext reads it, whitespace removed (lines wrap anywhere). */
async function pdfText(pdf: Buffer): Promise<string> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'zt-penalty-'));
  try {
    await writeFile(path.join(directory, 'notice.pdf'), pdf);
    const { stdout } = await promisify(execFile)('pdftotext', [path.join(directory, 'notice.pdf'), '-']);
    return stdout.replace(/\s+/g, '');
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

test(`${on}: a case transferred to another hall waits in that hall's queue`, async () => {
  const itemId = await publishItem(app);
  const citizen = await app.signIn('liu.yang');
  const receipt = await applyFor(citizen, itemId);
  const window = await app.signIn('deng.xiao');
  const station = await unitIdByName(window, '城关镇便民服务站');
  assert.equal((await act(window, receipt.id, { action: 'transfer', toUnitId: station, reason: '' })).status, 400, 'a transfer needs a reason');
  assert.equal((await act(window, receipt.id, { action: 'transfer', toUnitId: station, reason: '申请人就近在城关镇办理' })).status, 200);
  const other = await app.signIn('zeng.hua');
  const queue = await other.get('/api/cases/queue?pageSize=100');
  assert.ok(queue.body.items.some((entry: { caseId: string }) => entry.caseId === receipt.id), 'the station sees it');
  assert.equal((await window.get('/api/cases/queue?pageSize=100')).body.items.some((entry: { caseId: string }) => entry.caseId === receipt.id), false, 'the county hall no longer does');
  assert.equal((await act(other, receipt.id, { action: 'accept', opinion: '' })).status, 200);
});
