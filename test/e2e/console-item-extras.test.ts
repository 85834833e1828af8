// The catalogue's extras in the staff console, in a real browser: the department head edits a penalty item's
// discretion standard (client checks with the server's words, then saved as a new version), uploads a blank form
// for a material (downloadable by anyone once published), and the hall office builds a life event from published
// items, edits and deletes it while a department only reads the list. axe-core checks every new screen.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { samplePdf } from '../../src/core/files/test-support.ts';
import { createTestApp, type TestApp } from '../harness.ts';
import { completeGuide, publishItem } from '../services/fixtures.ts';
import { testDialect } from '../test-database.ts';
import { checkA11y, launchBrowser, newContext, screenshot, skipWithoutChromium } from './browser.ts';
import { animationsSettled, buttonName, dropdownsClosed, openSection, signInAsStaff, waitUntil } from './console.ts';

const on = testDialect();
const skip = skipWithoutChromium;
let app: TestApp;
let browser: Browser;
let itemId: string;
let penaltyItemId: string;

before(async () => {
  if (skip) return;
  app = await createTestApp();
  browser = await launchBrowser();
  itemId = await publishItem(app, completeGuide({ name: '测试表格事项' }));
  const penalties = await app.client().get('/api/public/service-items?itemType=02&pageSize=10');
  penaltyItemId = penalties.body.items.find((item: { unitName: string }) => item.unitName === '县市场监督管理局').id;
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

/** axe-core once running transitions and open dropdowns have settled. */
async function a11y(page: Page, label: string): Promise<void> {
  await dropdownsClosed(page);
  await animationsSettled(page);
  await checkA11y(page, label);
}

/** Submits the item's working version as its unit and publishes it as the hall office, through the API. */
async function submitAndPublish(id: string): Promise<void> {
  assert.equal((await (await app.signIn('chen.jing')).post(`/api/service-items/${id}/submit`)).status, 200);
  assert.equal((await (await app.signIn('jiang.wen')).post(`/api/service-items/${id}/review`, { decision: 'publish' })).status, 200);
}

test(`${on}: the department head edits a penalty item's discretion standard with the server's checks`, { skip, timeout: 180_000 }, async (t) => {
  const page = await newPage(t);
  await signIn(page, 'chen.jing');
  await page.goto(`${app.baseUrl}/console/#/service-items/${penaltyItemId}`);
  await page.getByRole('heading', { level: 1, name: '对未取得食品经营许可从事食品经营活动的行政处罚' }).waitFor();
  await page.getByRole('tab', { name: '裁量基准' }).click();
  const main = page.getByRole('main');
  await main.getByRole('heading', { name: '违法行为 2' }).waitFor();
  assert.equal(await main.getByLabel('违法行为 1 第 1 种情形的情形编码').inputValue(), 'unlicensed_minor');
  await a11y(page, 'discretion tab');

  // A maximum below the minimum and a code used by another violation are refused before anything is sent.
  await main.getByLabel('违法行为 1 第 1 种情形的罚款上限').fill('40000');
  await main.getByRole('button', { name: '为违法行为 2 添加情形' }).click();
  await main.getByLabel('违法行为 2 第 4 种情形的情形编码').fill('unlicensed_minor');
  await main.getByLabel('违法行为 2 第 4 种情形', { exact: true }).fill('严重：一年内因同一违法行为受过两次以上处罚');
  await main.getByLabel('违法行为 2 第 4 种情形的罚款下限').fill('30000');
  await main.getByLabel('违法行为 2 第 4 种情形的罚款上限').fill('50000');
  await page.getByRole('button', { name: buttonName('保存') }).click();
  await main.getByText('罚款上限不能低于下限').waitFor();
  await main.getByText('情形编码 unlicensed_minor 重复，须在整个裁量基准内唯一').waitFor();
  await page.getByRole('tab', { name: /裁量基准.*2 处错误/ }).waitFor();
  await a11y(page, 'discretion tab with errors');
  await screenshot(page, 'console-discretion-errors');

  await main.getByLabel('违法行为 1 第 1 种情形的罚款上限').fill('65000');
  await main.getByLabel('违法行为 2 第 4 种情形的情形编码').fill('unchecked_repeat');
  await page.getByRole('button', { name: buttonName('保存') }).click();
  await page.getByText('当前版本 v2').waitFor();
  const saved = await (await app.signIn('chen.jing')).get(`/api/service-items/${penaltyItemId}`);
  const circumstances = saved.body.guide.discretion[1].circumstances;
  assert.deepEqual(circumstances.at(-1), { code: 'unchecked_repeat', name: '严重：一年内因同一违法行为受过两次以上处罚', fineMin: 30000, fineMax: 50000 });
  assert.equal(saved.body.guide.discretion[0].circumstances[0].fineMax, 65000);
  await screenshot(page, 'console-discretion');

  // Published, the decide step of a new penalty case offers exactly these circumstances, grouped by violation.
  await submitAndPublish(penaltyItemId);
  const caseId = await penaltyCaseAtDecision(penaltyItemId);
  await page.goto(`${app.baseUrl}/console/#/cases/${caseId}`);
  await page.getByRole('heading', { level: 1, name: /^办件 / }).waitFor();
  await main.getByRole('group', { name: '选择操作' }).locator('label').filter({ hasText: '作出处罚决定' }).click();
  await main.getByLabel('裁量情形').click();
  await page.locator('.ant-select-item-group', { hasText: '违法行为：未取得食品经营许可从事食品经营活动' }).waitFor();
  await screenshot(page, 'console-penalty-circumstances', { fullPage: false });
  await main.getByLabel('裁量情形').fill('两次以上');
  await page.locator('.ant-select-item-group', { hasText: '违法行为：食品经营者进货时未查验许可证' }).waitFor();
  await page.locator('.ant-select-item-option', { hasText: '严重：一年内因同一违法行为受过两次以上处罚（30000–50000 元）' }).click();
  await main.getByText(/^处罚依据：《中华人民共和国食品安全法》第一百二十六条/).waitFor();
  await a11y(page, 'penalty decision form');
  await screenshot(page, 'console-penalty-decision', { fullPage: false });
});

/** Opens a penalty case for the item through the API and takes it to the decide step (立案 → 调查取证 → 告知). */
async function penaltyCaseAtDecision(id: string): Promise<string> {
  const officer = await app.signIn('yang.lei');
  const head = await app.signIn('chen.jing');
  const guide = (await app.client().get(`/api/public/service-items/${id}`)).body.guide;
  const form = Object.fromEntries(guide.form.map((field: { key: string; type: string }) => [field.key, field.type === 'phone' ? '19912100001' : '示例']));
  const registered = await officer.post('/api/cases/walk-in', { itemId: id, applicant: { kind: 'company', name: '某食品店', idNumber: '9144030071526726XG' }, form });
  assert.equal(registered.status, 200, JSON.stringify(registered.body));
  for (const [client, command] of [[head, { action: 'accept', opinion: '予以立案' }], [officer, { action: 'forward', opinion: '已取证' }], [officer, { action: 'forward', opinion: '已告知' }]] as const) {
    const current = await client.get(`/api/cases/${registered.body.id}`);
    const acted = await client.post(`/api/cases/${registered.body.id}/actions`, { version: current.body.version, command });
    assert.equal(acted.status, 200, JSON.stringify(acted.body));
  }
  return registered.body.id;
}

test(`${on}: a blank form is uploaded for a material, saved with the item and public once published`, { skip, timeout: 180_000 }, async (t) => {
  const page = await newPage(t);
  await signIn(page, 'chen.jing');
  await page.goto(`${app.baseUrl}/console/#/service-items/${itemId}`);
  await page.getByRole('heading', { level: 1, name: '测试表格事项' }).waitFor();
  assert.equal(await page.getByRole('tab', { name: '裁量基准' }).count(), 0, 'only penalty items have a discretion standard');
  await page.getByRole('tab', { name: '申请材料' }).click();
  const main = page.getByRole('main');
  await main.getByRole('button', { name: '上传第 1 项材料的空白表格' }).waitFor();
  await a11y(page, 'materials tab with file buttons');

  // The hidden file input behind the 空白表格 button.
  await main.locator('input[type="file"][data-material-file="1-blankForm"]').setInputFiles({ name: '食品经营许可申请书（空白）.pdf', mimeType: 'application/pdf', buffer: samplePdf('blank form') });
  const link = main.getByRole('link', { name: '下载空白表格：食品经营许可申请书（空白）.pdf' });
  await link.waitFor();
  await main.getByText('待保存').waitFor();
  await main.getByRole('button', { name: '替换第 1 项材料的空白表格' }).waitFor();
  await a11y(page, 'materials tab with an unsaved upload');
  await screenshot(page, 'console-material-files');
  await page.getByRole('button', { name: buttonName('保存') }).click();
  await page.getByText('当前版本 v2').waitFor();
  await waitUntil(page, `!document.querySelector('main').innerText.includes('待保存')`);

  const saved = await (await app.signIn('chen.jing')).get(`/api/service-items/${itemId}`);
  const fileId = saved.body.guide.materials[0].blankFormFileId;
  assert.ok(fileId);
  assert.equal((await app.client().get(`/api/files/${fileId}/content`)).status, 404, 'private while the version is a draft');
  await submitAndPublish(itemId);
  const download = await app.client().get(`/api/files/${fileId}/content`);
  assert.equal(download.status, 200);
  assert.deepEqual(download.body, samplePdf('blank form'));
  const guidePage = await app.client().get(`/services/items/${itemId}`);
  assert.ok(String(guidePage.body).includes(`/api/files/${fileId}/content`), 'the public guide links it');
});

test(`${on}: the hall office builds a life event from published items, edits and deletes it; a department only reads`, { skip, timeout: 180_000 }, async (t) => {
  const page = await newPage(t);
  await signIn(page, 'jiang.wen');
  await openSection(page, '一件事');
  const main = page.getByRole('main');
  await main.getByText('我要开餐馆').waitFor();
  await a11y(page, 'life events list');

  await main.getByRole('button', { name: '新建一件事' }).click();
  const dialog = page.getByRole('dialog', { name: '新建一件事' });
  await dialog.getByLabel('名称', { exact: true }).fill('我要开小吃店');
  await dialog.getByLabel('编码').fill('open_restaurant');
  await dialog.getByRole('button', { name: buttonName('保存') }).click();
  await dialog.getByText('编码 open_restaurant 已被其他“一件事”使用').waitFor();
  await dialog.getByLabel('编码').fill('open_snack_bar');
  await dialog.getByText('法人', { exact: true }).click();
  await dialog.getByLabel('说明').fill('开办小吃店需要办理的事项');
  await dialog.getByLabel('添加事项').fill('测试表格');
  await page.locator('.ant-select-item-option', { hasText: '测试表格事项' }).click();
  // Each pick is in the list before the next search starts (the search is debounced and answers late).
  await dialog.getByRole('button', { name: '移出“测试表格事项”' }).waitFor();
  await dialog.getByLabel('添加事项').fill('食品经营许可');
  await page.locator('.ant-select-item-option', { hasText: /^食品经营许可（/ }).click();
  await dialog.getByRole('button', { name: '移出“食品经营许可”' }).waitFor();
  await dialog.getByRole('button', { name: '上移“食品经营许可”' }).click();
  await a11y(page, 'life event dialog');
  await screenshot(page, 'console-life-event-dialog', { fullPage: false });
  await dialog.getByRole('button', { name: buttonName('保存') }).click();
  await dialog.waitFor({ state: 'hidden' });
  const row = main.getByRole('row').filter({ hasText: '我要开小吃店' });
  await row.getByRole('list', { name: '“我要开小吃店”包含的事项' }).waitFor();
  assert.deepEqual((await row.getByRole('listitem').allInnerTexts()).map((text) => text.split('（')[0]), ['食品经营许可', '测试表格事项']);
  await screenshot(page, 'console-life-events');

  const listed = await (await app.signIn('jiang.wen')).get('/api/life-events');
  const created = listed.body.items.find((event: { code: string }) => event.code === 'open_snack_bar');
  assert.equal(created.audience, 'company');
  assert.equal(created.items[1].id, itemId);

  // Edited: renamed, an item taken out.
  await row.getByRole('button', { name: '编辑“我要开小吃店”' }).click();
  const editDialog = page.getByRole('dialog', { name: '编辑一件事：我要开小吃店' });
  await editDialog.getByLabel('名称', { exact: true }).fill('我要开小吃店（试点）');
  await editDialog.getByRole('button', { name: '移出“测试表格事项”' }).click();
  await editDialog.getByRole('button', { name: buttonName('保存') }).click();
  await editDialog.waitFor({ state: 'hidden' });
  const renamed = main.getByRole('row').filter({ hasText: '我要开小吃店（试点）' });
  await renamed.waitFor();
  assert.equal(await renamed.getByRole('listitem').count(), 1);
  const publicList = await app.client().get('/api/public/life-events');
  assert.ok(publicList.body.items.some((event: { code: string; itemCount: number }) => event.code === 'open_snack_bar' && event.itemCount === 1));

  // Deleted after confirming.
  await renamed.getByRole('button', { name: '删除“我要开小吃店（试点）”' }).click();
  await page.getByRole('dialog', { name: '删除“我要开小吃店（试点）”？' }).getByRole('button', { name: buttonName('删除') }).click();
  // The confirmation toast first: a failure here tells a request that failed (its error toast shows instead) or a
  // click that never reached the dialog from a list that was not reloaded.
  await page.getByText('已删除“我要开小吃店（试点）”').waitFor();
  await renamed.waitFor({ state: 'detached' });
  assert.ok(!(await app.client().get('/api/public/life-events')).body.items.some((event: { code: string }) => event.code === 'open_snack_bar'));

  // A department reads the list without the buttons.
  const department = await newPage(t);
  await signIn(department, 'chen.jing');
  await openSection(department, '一件事');
  await department.getByText('“一件事”由政务服务管理机构维护，您可以查看。').waitFor();
  assert.equal(await department.getByRole('button', { name: '新建一件事' }).count(), 0);
  assert.equal(await department.getByRole('button', { name: /^编辑“/ }).count(), 0);
  await a11y(department, 'life events, read only');
});
