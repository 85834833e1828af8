// Shared builders of the service-hall tests: a complete guide, a published item, uploaded files,
// a submitted application.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { samplePdf } from '../../src/core/files/test-support.ts';
import type { ApiClient, TestApp } from '../harness.ts';

/** A complete guide for a promised licence at the market regulator; override what a test needs. */
export function completeGuide(overrides: Record<string, unknown> = {}) {
  return {
    name: '测试食品经营许可',
    itemType: '01',
    basicCode: `99${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`,
    summary: '从事食品销售和餐饮服务活动的许可',
    legalBasis: '《中华人民共和国食品安全法》第三十五条',
    acceptanceConditions: '有与经营食品品种、数量相适应的经营场所',
    materials: [
      { key: 'application_form', name: '食品经营许可申请书', required: true },
      { key: 'site_plan', name: '经营场所平面布局图', required: true },
      { key: 'other', name: '其他说明材料', required: false },
    ],
    processDescription: '申请→受理→审查→决定→办结',
    statutoryDays: 20,
    promisedDays: 10,
    caseKind: 'promised',
    charged: false,
    fees: [],
    place: '示范县政务服务中心一楼 8 号窗口',
    hours: '工作日 9:00—17:00',
    consultation: '0999-12345678',
    complaintChannel: '12345 政务服务便民热线',
    audiences: ['person', 'company'],
    themes: ['food_drug'],
    visits: 0,
    onlineApplication: true,
    form: [
      { key: 'shop_name', label: '店铺名称', type: 'text', required: true },
      { key: 'contact_phone', label: '联系电话', type: 'phone', required: true },
      { key: 'business_scope', label: '经营项目', type: 'select', options: ['预包装食品销售', '散装食品销售'], required: true },
    ],
    ...overrides,
  };
}

/** The id of a unit by its name, read from the organisation tree. */
export async function unitIdByName(client: ApiClient, name: string): Promise<string> {
  const tree = await client.get('/api/org/tree');
  const unit = tree.body.items.find((candidate: { name: string }) => candidate.name === name);
  assert.ok(unit, `unit ${name}`);
  return unit.id;
}

/** Creates, submits and publishes an item at the market regulator; returns its id. */
export async function publishItem(app: TestApp, guide = completeGuide(), process?: unknown): Promise<string> {
  const head = await app.signIn('chen.jing');
  const unitId = await unitIdByName(head, '县市场监督管理局');
  const created = await head.post('/api/service-items', { unitId, guide, ...(process ? { process } : {}) });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const submitted = await head.post(`/api/service-items/${created.body.id}/submit`);
  assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
  const reviewer = await app.signIn('jiang.wen');
  const published = await reviewer.post(`/api/service-items/${created.body.id}/review`, { decision: 'publish' });
  assert.equal(published.status, 200, JSON.stringify(published.body));
  return created.body.id;
}

/** Uploads a small PDF as the signed-in user; returns the file id. */
export async function uploadPdf(client: ApiClient, name = '申请书.pdf'): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([samplePdf()], { type: 'application/pdf' }), name);
  const response = await client.post('/api/files', form);
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return response.body.id;
}

/** A valid application to the test item with both required materials uploaded. */
export async function applyFor(client: ApiClient, itemId: string, key = randomUUID()) {
  const materials = [
    { materialKey: 'application_form', fileIds: [await uploadPdf(client)] },
    { materialKey: 'site_plan', fileIds: [await uploadPdf(client, '平面图.pdf')] },
  ];
  const response = await client.post('/api/applications', { itemId, form: { shop_name: '城南便民超市', contact_phone: '19912100001', business_scope: '预包装食品销售' }, materials }, { 'idempotency-key': key });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body as { id: string; caseNumber: string; queryCode: string; version: number; replayed: boolean };
}

/** Acts on a case at its current version; returns the response. */
export async function act(client: ApiClient, caseId: string, command: Record<string, unknown>) {
  const current = await client.get(`/api/cases/${caseId}`);
  assert.equal(current.status, 200, JSON.stringify(current.body));
  return client.post(`/api/cases/${caseId}/actions`, { version: current.body.version, command });
}

/** Takes a fresh application through acceptance, review, approval and delivery; returns its id. */
export async function concludeCase(app: TestApp, caseId: string): Promise<void> {
  const window = await app.signIn('deng.xiao');
  const reviewer = await app.signIn('yang.lei');
  const head = await app.signIn('chen.jing');
  for (const [client, command] of [
    [window, { action: 'accept', opinion: '' }],
    [reviewer, { action: 'forward', opinion: '' }],
    [head, { action: 'approve', opinion: '准予' }],
    [window, { action: 'conclude', opinion: '' }],
  ] as const) {
    const response = await act(client, caseId, command);
    assert.equal(response.status, 200, JSON.stringify(response.body));
  }
}
