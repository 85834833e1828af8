// The service hall in the staff console, in a real browser: the department head edits a service item (tabs,
// process diagram, server validation on the right field, new version submitted) and the hall office publishes
// it; the hall window works its queue, accepts a case with the keyboard, meets a version conflict, registers a
// walk-in and gets the receipt; case search. axe-core checks every page on the way.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { samplePdf } from '../../src/core/files/test-support.ts';
import { DEMO_PASSWORD, demoCitizens } from '../../src/modules/identity/index.ts';
import { createTestApp, type ApiClient, type TestApp } from '../harness.ts';
import { act, applyFor, publishItem } from '../services/fixtures.ts';
import { testDialect } from '../test-database.ts';
import { checkA11y, launchBrowser, newContext, screenshot, skipWithoutChromium } from './browser.ts';
import { animationsSettled, buttonName, dropdownsClosed, focused, openSection, signInAsStaff, waitUntil } from './console.ts';

const on = testDialect();
const skip = skipWithoutChromium;
let app: TestApp;
let browser: Browser;
let itemId: string;
let citizen: ApiClient;

before(async () => {
  if (skip) return;
  app = await createTestApp();
  browser = await launchBrowser();
  itemId = await publishItem(app);
  citizen = await app.signIn('liu.yang');
});
after(async () => {
  await browser?.close();
  await app?.close();
});

const signIn = (page: Page, username: string) => signInAsStaff(page, app.baseUrl, username);

async function newPage(t: { after: (fn: () => Promise<void>) => void }): Promise<Page> {
  const context = await newContext(browser);
  t.after(() => context.close());
  return context.newPage();
}

/** axe-core once the page has settled: running CSS transitions (a button's loading fade, a help text sliding in) would be measured mid-way. */
async function a11y(page: Page, label: string): Promise<void> {
  await animationsSettled(page);
  await checkA11y(page, label);
}

/** Presses Tab until the focused element matches a CSS selector; fails after `max` presses. */
async function tabToSelector(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`)) return;
  }
  assert.fail(`Tab never reached ${selector}`);
}

test(`${on}: the department head edits an item: tabs, process diagram, server errors on the field, a new version submitted and published`, { skip, timeout: 180_000 }, async (t) => {
  const page = await newPage(t);
  await signIn(page, 'chen.jing');
  await openSection(page, '事项管理');
  const main = page.getByRole('main');
  await main.getByRole('link', { name: '食品经营许可', exact: true }).waitFor();
  await a11y(page, 'service items list');

  // Filters: the keyword narrows the list to the test item.
  await main.getByLabel('关键词').fill('测试食品');
  await main.getByRole('button', { name: buttonName('查询') }).click();
  await main.getByRole('link', { name: '测试食品经营许可', exact: true }).waitFor();
  await waitUntil(page, `!document.querySelector('main').innerText.includes('对未取得食品经营许可')`);

  // A demo item: the process tab draws the flow from 申请 to 办结 with every step named.
  await main.getByRole('button', { name: buttonName('重置') }).click();
  await main.getByRole('link', { name: '食品经营许可', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: '食品经营许可' }).waitFor();
  await page.getByRole('tab', { name: '基本信息' }).waitFor();
  await a11y(page, 'item editor, basics');
  await page.getByRole('tab', { name: '办理流程' }).click();
  const diagram = page.getByRole('img', { name: /^办理流程图：申请 → 1 受理（受理.*→ 办结$/ });
  await diagram.waitFor();
  const label = (await diagram.getAttribute('aria-label')) ?? '';
  for (const step of ['受理', '审查', '决定', '制证送达']) assert.ok(label.includes(step), `the diagram names ${step}: ${label}`);
  for (const text of ['申请', '办结', '制证送达', '时限 5 个工作日']) await diagram.locator('text', { hasText: text }).first().waitFor();
  await page.getByRole('region', { name: '2 审查' }).getByRole('checkbox', { name: '发起会签' }).waitFor();
  await screenshot(page, 'console-item-process');
  await a11y(page, 'item editor, process tab');

  // The test item: a duplicate material key is refused by the server and shown on that cell and in the summary.
  await page.goto(`${app.baseUrl}/console/#/service-items/${itemId}`);
  await page.getByRole('heading', { level: 1, name: '测试食品经营许可' }).waitFor();
  await page.getByRole('tab', { name: '申请材料' }).click();
  const secondKey = page.getByLabel('第 2 项材料的键名');
  await secondKey.fill('application_form');
  await page.getByRole('button', { name: buttonName('保存') }).click();
  const summary = page.getByRole('alert').filter({ hasText: '申请材料 · 第 2 行 · 键名' });
  await summary.waitFor();
  await page.getByRole('tab', { name: /申请材料.*1 处错误/ }).waitFor();
  const cellError = page.locator('.ant-form-item-has-error').filter({ has: secondKey });
  await cellError.getByText(/键名 application_form 重复/).waitFor();
  await a11y(page, 'item editor with server errors');

  // Fixed, plus a changed guide field: saving a published item opens v2 as a draft, then it is submitted.
  await secondKey.fill('site_plan');
  await page.getByRole('tab', { name: '办事指南' }).click();
  await page.getByLabel('办理时间').fill('工作日 8:30—17:30');
  await page.getByRole('button', { name: buttonName('保存') }).click();
  await page.getByText('当前版本 v2').waitFor();
  await page.getByRole('button', { name: '提交审核' }).click();
  await page.getByText('该版本正在审核中，审核完成前不能修改。').waitFor();

  // The service-hall office publishes v2.
  const reviewer = await newPage(t);
  await signIn(reviewer, 'jiang.wen');
  await reviewer.goto(`${app.baseUrl}/console/#/service-items/${itemId}`);
  await reviewer.getByRole('heading', { level: 1, name: '测试食品经营许可' }).waitFor();
  await reviewer.getByRole('button', { name: '审核发布' }).click();
  const dialog = reviewer.getByRole('dialog', { name: '审核发布' });
  await dialog.getByLabel('审核意见').fill('同意发布');
  await dialog.getByRole('button', { name: buttonName('发布') }).click();
  // "当前版本 v2" shows before publishing too: wait for the review button to go, which happens only after the server published.
  await dialog.waitFor({ state: 'hidden' });
  await reviewer.getByRole('button', { name: '审核发布' }).waitFor({ state: 'detached' });
  const published = await app.client().get(`/api/public/service-items/${itemId}`);
  assert.equal(published.body.versionNo, 2);
  assert.equal(published.body.guide.hours, '工作日 8:30—17:30');
});

test(`${on}: the hall window's queue shows demo and new cases; a case is accepted with the keyboard, a stale version is refused`, { skip, timeout: 180_000 }, async (t) => {
  const fresh = await applyFor(citizen, itemId);
  const contested = await applyFor(citizen, itemId);
  const page = await newPage(t);
  await signIn(page, 'deng.xiao');
  await openSection(page, '我的待办');
  const main = page.getByRole('main');
  const row = (caseNumber: string) => main.getByRole('row').filter({ hasText: caseNumber });
  await row(fresh.caseNumber).waitFor();
  await row(fresh.caseNumber).getByText('未计时').waitFor();
  const queue = await (await app.signIn('deng.xiao')).get('/api/cases/queue?pageSize=100');
  assert.ok(queue.body.items.some((entry: { itemName: string }) => entry.itemName !== '测试食品经营许可'), 'demo cases are in the queue too');
  const rows = await main.getByRole('row').count();
  assert.ok(rows >= 3, `the queue lists several cases (${rows - 1})`);
  await screenshot(page, 'console-queue');
  await a11y(page, 'work queue');

  // Filter by time state and keyword.
  await main.getByLabel('关键词').fill(fresh.caseNumber);
  await main.getByRole('button', { name: buttonName('查询') }).click();
  await waitUntil(page, `document.querySelectorAll('main tbody tr.ant-table-row').length === 1 && document.querySelector('main tbody').innerText.includes(${JSON.stringify(fresh.caseNumber)})`);

  // Open the case: header, steps, clock and exactly the allowed actions.
  await main.getByRole('link', { name: fresh.caseNumber, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `办件 ${fresh.caseNumber}` }).waitFor();
  await main.getByText(/^\d{6}\*{8}\d{3}[\dX]$/).waitFor();
  await main.getByText('时限计算说明').waitFor();
  const choices = main.getByRole('group', { name: '选择操作' }).locator('label');
  await choices.first().waitFor();
  assert.deepEqual((await choices.allInnerTexts()).map((text) => text.trim()), ['受理', '一次性告知补正', '转办', '不予受理', '添加备注']);
  await screenshot(page, 'console-case-detail');
  await a11y(page, 'case detail');

  // Keyboard only: Tab to the action radios, arrow to another action and back, Tab to the opinion, Tab to submit, Enter.
  await page.locator('main h1').focus();
  await tabToSelector(page, 'input[type="radio"][value="accept"]');
  await page.keyboard.press('ArrowRight');
  await main.getByText('须一次性告知申请人需要补正的全部内容，本件只能告知一次。').waitFor();
  await page.keyboard.press('ArrowLeft');
  await main.getByRole('button', { name: '确认受理' }).waitFor();
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).name, '办理意见');
  await page.keyboard.type('材料齐全，予以受理');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).name.replace(/\s+/g, ''), '确认受理');
  await page.keyboard.press('Enter');
  await page.getByRole('status').getByText('已完成“受理”，办件信息已更新。').waitFor();
  await main.getByText('当前没有您可执行的操作').waitFor();
  await main.getByText('意见：材料齐全，予以受理').first().waitFor();
  await a11y(page, 'case detail after acceptance');
  const accepted = await (await app.signIn('yang.lei')).get(`/api/cases/${fresh.id}`);
  assert.equal(accepted.body.status, 'in_progress');
  assert.equal(accepted.body.currentStepKey, 'review');
  assert.equal(accepted.body.timeline.at(-1).detail.opinion, '材料齐全，予以受理');

  // A colleague acts first: the page's version is stale, the server's message is shown and the case reloaded.
  await page.goto(`${app.baseUrl}/console/#/cases/${contested.id}`);
  await page.getByRole('heading', { level: 1, name: `办件 ${contested.caseNumber}` }).waitFor();
  await main.getByText('数据版本').waitFor();
  const colleague = await app.signIn('cao.yue');
  assert.equal((await act(colleague, contested.id, { action: 'note', text: '申请人来电询问进度' })).status, 200);
  await main.getByRole('button', { name: '确认受理' }).click();
  await page.getByRole('status').getByText(/办件已被他人处理（当前版本 \d+）/).waitFor();
  await main.getByText('申请人来电询问进度').waitFor();
  await a11y(page, 'case detail after a conflict');
  await main.getByRole('button', { name: '确认受理' }).click();
  await page.getByRole('status').getByText('已完成“受理”，办件信息已更新。').waitFor();
});

test(`${on}: at a review step every allowed action has its own accessible form; a supplement request is sent with the material picker`, { skip, timeout: 180_000 }, async (t) => {
  const receipt = await applyFor(citizen, itemId);
  assert.equal((await act(await app.signIn('deng.xiao'), receipt.id, { action: 'accept', opinion: '' })).status, 200);
  const page = await newPage(t);
  await signIn(page, 'yang.lei');
  await page.goto(`${app.baseUrl}/console/#/cases/${receipt.id}`);
  await page.getByRole('heading', { level: 1, name: `办件 ${receipt.caseNumber}` }).waitFor();
  const main = page.getByRole('main');
  const choices = main.getByRole('group', { name: '选择操作' }).locator('label');
  await choices.first().waitFor();
  const labels = (await choices.allInnerTexts()).map((text) => text.trim());
  assert.deepEqual(labels, ['审查通过，转下一环节', '一次性告知补正', '退回', '转办', '发起会签', '进入特别程序', '添加备注']);
  const expectations: Record<string, string> = {
    '审查通过，转下一环节': '办理意见',
    '一次性告知补正': '补正要求',
    '退回': '退回至环节',
    '转办': '转办单位',
    '发起会签': '会签单位',
    '进入特别程序': '计划期限',
    '添加备注': '备注内容',
  };
  for (const label of labels) {
    await choices.filter({ hasText: label }).click();
    await main.getByLabel(expectations[label] ?? label).first().waitFor();
    await a11y(page, `action form: ${label}`);
  }

  // 进入特别程序 offers only the item's procedures, with their maximum lengths.
  await choices.filter({ hasText: '进入特别程序' }).click();
  await main.getByLabel('特别程序', { exact: true }).click();
  await page.locator('.ant-select-item-option', { hasText: '现场勘查（最长 10 个工作日）' }).waitFor();
  assert.equal(await page.locator('.ant-select-item-option', { hasText: '检验检测' }).count(), 0);
  await page.keyboard.press('Escape');

  // A supplement request with two items: one picked from the item's materials, one typed in.
  await choices.filter({ hasText: '一次性告知补正' }).click();
  await main.getByLabel('对应材料').click();
  await page.locator('.ant-select-item-option', { hasText: '经营场所平面布局图' }).click();
  await dropdownsClosed(page);
  assert.equal(await main.getByLabel('材料名称').first().inputValue(), '经营场所平面布局图');
  await main.getByLabel('补正要求').first().fill('须标明各功能区面积');
  await main.getByRole('button', { name: '添加补正内容' }).click();
  await main.getByLabel('材料名称').nth(1).fill('消防安全承诺书');
  await main.getByLabel('补正要求').nth(1).fill('法定代表人签字并加盖公章');
  await main.getByRole('button', { name: '确认一次性告知补正' }).click();
  await page.getByRole('status').getByText('已完成“一次性告知补正”，办件信息已更新。').waitFor();
  await main.getByRole('heading', { name: '一次性告知补正内容' }).waitFor();
  await a11y(page, 'case waiting for a supplement');
  const detail = await (await app.signIn('yang.lei')).get(`/api/cases/${receipt.id}`);
  assert.equal(detail.body.status, 'supplementing');
  assert.deepEqual(detail.body.supplementRequest, [
    { materialKey: 'site_plan', name: '经营场所平面布局图', requirement: '须标明各功能区面积' },
    { materialKey: null, name: '消防安全承诺书', requirement: '法定代表人签字并加盖公章' },
  ]);
});

test(`${on}: a walk-in is registered at the window and the receipt shows its case number and query code`, { skip, timeout: 120_000 }, async (t) => {
  const page = await newPage(t);
  await signIn(page, 'deng.xiao');
  await openSection(page, '窗口登记');
  const main = page.getByRole('main');
  await main.getByLabel('办理事项').fill('测试食品');
  await page.locator('.ant-select-item-option', { hasText: '测试食品经营许可' }).click();
  await main.getByText('2. 申请人信息').waitFor();
  const person = demoCitizens[1] ?? demoCitizens[0];
  assert.ok(person);
  await main.getByLabel('申请人姓名').fill(person.displayName);
  await main.getByLabel('身份证号码').fill('110101199003071234');
  await main.getByLabel('店铺名称').fill('城北小吃店');
  await main.getByRole('button', { name: '登记并出具回执' }).click();
  await main.getByText('身份证号码格式或校验位不正确').waitFor();
  await main.getByLabel('身份证号码').fill(person.residentId);
  await main.getByLabel('联系电话', { exact: true }).fill('19912100002');
  await main.getByLabel('申请人手机号码').fill('19912100003');
  // A scan of the application form, uploaded through the hidden file input behind the 上传 button.
  await main.locator('input[type="file"][data-material="application_form"]').setInputFiles({ name: '申请书扫描件.pdf', mimeType: 'application/pdf', buffer: samplePdf('walk-in') });
  await main.getByText('申请书扫描件.pdf').waitFor();
  await main.getByLabel('经营项目').click();
  await page.locator('.ant-select-item-option', { hasText: '散装食品销售' }).click();
  await dropdownsClosed(page);
  await a11y(page, 'walk-in form');
  await main.getByRole('button', { name: '登记并出具回执' }).click();
  await main.getByRole('heading', { name: '登记成功' }).waitFor();
  const number = (await main.getByText(/^[0-9A-Z]{9}-\d{8}-\d{5}$/).innerText()).trim();
  const code = (await main.getByText(/^\d{6}$/).innerText()).trim();
  await screenshot(page, 'console-walk-in-receipt');
  await a11y(page, 'walk-in receipt');
  const lookup = await app.client().post('/api/public/case-lookup', { caseNumber: number, queryCode: code });
  assert.equal(lookup.status, 200, JSON.stringify(lookup.body));
  assert.equal(lookup.body.itemName, '测试食品经营许可');
  await main.getByRole('link', { name: '查看办件' }).click();
  await page.getByRole('heading', { level: 1, name: `办件 ${number}` }).waitFor();
  await main.getByRole('cell', { name: '申请书扫描件.pdf', exact: true }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), main.getByRole('link', { name: '下载 申请书扫描件.pdf' }).click()]);
  assert.equal(download.suggestedFilename(), '申请书扫描件.pdf');
  // 预览 opens the PDF itself in a new tab (fetched with the session, shown from a blob: address).
  const [preview] = await Promise.all([page.context().waitForEvent('page'), main.getByRole('button', { name: '预览 申请书扫描件.pdf' }).click()]);
  assert.match(preview.url(), /^blob:/);
  await preview.close();
  await main.getByText('窗口登记').first().waitFor();
});

test(`${on}: case search filters by keyword and status`, { skip, timeout: 120_000 }, async (t) => {
  const receipt = await applyFor(citizen, itemId);
  const page = await newPage(t);
  await signIn(page, 'chen.jing');
  await openSection(page, '办件查询');
  const main = page.getByRole('main');
  await main.getByRole('row').nth(1).waitFor();
  await main.getByLabel('关键词').fill(receipt.caseNumber);
  await main.getByRole('button', { name: buttonName('查询') }).click();
  await main.getByRole('link', { name: receipt.caseNumber, exact: true }).waitFor();
  await waitUntil(page, `document.querySelectorAll('main tbody tr.ant-table-row').length === 1`);
  await a11y(page, 'case search');
  await main.getByRole('link', { name: receipt.caseNumber, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `办件 ${receipt.caseNumber}` }).waitFor();
  await main.getByText('当前没有您可执行的操作').waitFor();
});

/** The id of a published demo item, by its exact name. */
async function demoItemId(name: string): Promise<string> {
  const found = await app.client().get(`/api/public/service-items?q=${encodeURIComponent(name)}&pageSize=50`);
  const item = found.body.items.find((candidate: { name: string }) => candidate.name === name);
  assert.ok(item, `demo item ${name}`);
  return item.id;
}

/** A walk-in case of an item registered at the hall window, taken through its steps up to 办结 (制证送达). */
async function caseAwaitingConclusion(itemId: string, people: { reviewer: string; head: string }): Promise<{ id: string; caseNumber: string }> {
  const person = demoCitizens[2] ?? demoCitizens[0];
  assert.ok(person);
  const guide = (await app.client().get(`/api/public/service-items/${itemId}`)).body.guide as { form: Array<{ key: string; type: string; options?: string[] }> };
  const sample = (field: { key: string; type: string; options?: string[] }): string =>
    field.type === 'resident_id' ? person.residentId : field.type === 'phone' ? '19912100004' : field.type === 'select' ? (field.options?.[0] ?? '') : field.key === 'applicant_name' ? person.displayName : '示范县城关镇幸福路 8 号';
  const window = await app.signIn('deng.xiao');
  const registered = await window.post('/api/cases/walk-in', { itemId, applicant: { kind: 'person', name: person.displayName, idNumber: person.residentId }, form: Object.fromEntries(guide.form.map((field) => [field.key, sample(field)])) });
  assert.equal(registered.status, 200, JSON.stringify(registered.body));
  const steps: Array<[ApiClient, Record<string, unknown>]> = [
    [window, { action: 'accept', opinion: '' }],
    [await app.signIn(people.reviewer), { action: 'forward', opinion: '' }],
    [await app.signIn(people.head), { action: 'approve', opinion: '准予' }],
  ];
  for (const [client, command] of steps) {
    const response = await act(client, registered.body.id, command);
    assert.equal(response.status, 200, JSON.stringify(response.body));
  }
  return { id: registered.body.id, caseNumber: registered.body.caseNumber };
}

test(`${on}: 办结 records the fees collected: a charged item's standard fees are prefilled, checked, trimmed and shown on the case`, { skip, timeout: 180_000 }, async (t) => {
  const itemId = await demoItemId('不动产登记（国有建设用地使用权及房屋所有权转移登记）');
  const charged = await caseAwaitingConclusion(itemId, { reviewer: 'guo.ting', head: 'hu.bin' });
  const page = await newPage(t);
  await signIn(page, 'deng.xiao');
  await page.goto(`${app.baseUrl}/console/#/cases/${charged.id}`);
  await page.getByRole('heading', { level: 1, name: `办件 ${charged.caseNumber}` }).waitFor();
  const main = page.getByRole('main');
  const fees = main.getByRole('group', { name: '收取费用' });
  await fees.getByText('已按办事指南列明的收费标准预填').waitFor();

  // The guide's three fees, at their standard amounts.
  const names = fees.getByLabel('收费项目');
  const amounts = fees.getByLabel('收取金额');
  assert.equal(await names.count(), 3);
  assert.deepEqual(await Promise.all((await names.all()).map((input) => input.inputValue())), ['住宅类不动产登记费', '非住宅类不动产登记费', '不动产权属证书工本费（每增加一本）']);
  assert.deepEqual(await Promise.all((await amounts.all()).map((input) => input.inputValue())), ['80.00', '550.00', '10.00']);
  await fees.getByText('合计 640.00 元').waitFor();
  await a11y(page, 'conclude form with the prefilled fees');

  // Amounts are checked before anything is sent: not negative, at most two decimals.
  await amounts.first().fill('-1');
  await main.getByRole('button', { name: '确认办结' }).click();
  await fees.getByText('金额不能为负数').waitFor();
  await amounts.first().fill('80.555');
  await fees.getByText('金额最多保留两位小数').waitFor();
  await amounts.first().fill('85');
  await fees.getByText('与收费标准 80.00 元不一致，办结后电子监察将予记录').waitFor();
  await amounts.first().fill('80');
  await fees.getByText('收费标准 80.00 元', { exact: true }).first().waitFor();

  // Only the residential fee was collected: the other two rows are removed.
  await fees.getByRole('button', { name: '删除第 3 项收费' }).click();
  await fees.getByRole('button', { name: '删除第 2 项收费' }).click();
  assert.equal(await names.count(), 1);
  await fees.getByText('合计 80.00 元').waitFor();
  await screenshot(page, 'console-case-conclude-fees');
  await a11y(page, 'conclude form with one fee');
  await main.getByLabel('办理意见').fill('不动产权证书已领取');
  await main.getByRole('button', { name: '确认办结' }).click();
  await page.getByRole('status').getByText('已完成“办结”，办件信息已更新。').waitFor();

  // The case shows what was collected, in its overview and in its history.
  const overview = main.locator('.zt-fees-collected');
  await overview.getByText('住宅类不动产登记费').waitFor();
  await overview.getByText('80.00 元').waitFor();
  await main.getByText('收取费用：住宅类不动产登记费 80.00 元').waitFor();
  await screenshot(page, 'console-case-concluded-fees');
  await a11y(page, 'concluded case with its fees');
  const concluded = await (await app.signIn('deng.xiao')).get(`/api/cases/${charged.id}`);
  assert.equal(concluded.body.status, 'concluded');
  assert.deepEqual(concluded.body.timeline.at(-1).detail.fees, [{ name: '住宅类不动产登记费', amount: 80 }]);
  // The standard fee at its standard amount: supervision finds nothing wrong with it.
  for (let round = 0; round < 20; round += 1) if ((await app.platform.dispatcher.runOnce()).claimed === 0) break;
  const findings = await (await app.signIn('tang.zheng')).get(`/api/supervision/findings?category=fees&subjectId=${charged.id}`);
  assert.equal(findings.body.total, 0, JSON.stringify(findings.body));
});

test(`${on}: 办结 of a free item shows 不收费 and records no fees`, { skip, timeout: 120_000 }, async (t) => {
  const receipt = await applyFor(citizen, itemId);
  for (const [username, command] of [['deng.xiao', { action: 'accept', opinion: '' }], ['yang.lei', { action: 'forward', opinion: '' }], ['chen.jing', { action: 'approve', opinion: '准予' }]] as const) {
    const response = await act(await app.signIn(username), receipt.id, command);
    assert.equal(response.status, 200, JSON.stringify(response.body));
  }
  const page = await newPage(t);
  await signIn(page, 'deng.xiao');
  await page.goto(`${app.baseUrl}/console/#/cases/${receipt.id}`);
  await page.getByRole('heading', { level: 1, name: `办件 ${receipt.caseNumber}` }).waitFor();
  const main = page.getByRole('main');
  const fees = main.getByRole('group', { name: '收取费用' });
  await fees.getByText('不收费', { exact: true }).waitFor();
  assert.equal(await fees.getByLabel('收取金额').count(), 0);
  await fees.scrollIntoViewIfNeeded();
  await screenshot(page, 'console-case-conclude-free', { fullPage: false });
  await a11y(page, 'conclude form of a free item');
  await main.getByRole('button', { name: '确认办结' }).click();
  await page.getByRole('status').getByText('已完成“办结”，办件信息已更新。').waitFor();
  await main.locator('.zt-fees-collected').getByText('未收取费用').waitFor();
  const concluded = await (await app.signIn('deng.xiao')).get(`/api/cases/${receipt.id}`);
  assert.equal(concluded.body.status, 'concluded');
  assert.equal(concluded.body.timeline.at(-1).detail.fees, undefined);
});
