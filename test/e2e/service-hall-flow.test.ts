// The whole story of one application, in real browsers, with axe-core on every page visited: the citizen signs
// in on the public hall, reads the guide and applies online with two PDFs; the hall window asks for a supplement
// (一次性告知); the citizen uploads it; the window accepts, the market regulator's officer forwards, the head
// approves and the window concludes; the citizen sees 已办结, downloads the approval notice and rates 不满意;
// the head handles the rectification in the console (call-back, result, reply) and the citizen reads the reply.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { samplePdf } from '../../src/core/files/test-support.ts';
import { DEMO_PASSWORD } from '../../src/modules/identity/index.ts';
import { createTestApp, type TestApp } from '../harness.ts';
import { publishItem } from '../services/fixtures.ts';
import { testDialect } from '../test-database.ts';
import { checkA11y, launchBrowser, newContext, screenshot, skipWithoutChromium } from './browser.ts';
import { animationsSettled, buttonName, dropdownsClosed, openSection } from './console.ts';

const on = testDialect();
const skip = skipWithoutChromium;
let app: TestApp;
let browser: Browser;
let itemId: string;

before(async () => {
  if (skip) return;
  app = await createTestApp();
  browser = await launchBrowser();
  itemId = await publishItem(app);
});
after(async () => {
  await browser?.close();
  await app?.close();
});

/** axe-core once CSS transitions have settled. */
async function a11y(page: Page, label: string): Promise<void> {
  await animationsSettled(page);
  await checkA11y(page, label);
}

/** A staff member signed in to the console in a context of their own. */
async function staffPage(contexts: BrowserContext[], username: string): Promise<Page> {
  const context = await newContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${app.baseUrl}/console/`);
  await page.getByRole('heading', { level: 1, name: '登录管理控制台' }).waitFor();
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: buttonName('登录') }).click();
  await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
  return page;
}

/** Opens the case from 我的待办 (the row's case number) and waits for the action panel. */
async function openFromQueue(page: Page, caseNumber: string): Promise<void> {
  await openSection(page, '我的待办');
  await page.getByRole('main').getByRole('link', { name: caseNumber, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `办件 ${caseNumber}` }).waitFor();
  await page.getByRole('main').getByRole('group', { name: '选择操作' }).locator('label').first().waitFor();
}

/** Chooses an action in the panel, fills its opinion when given, confirms and waits for the notice. */
async function act(page: Page, action: string, opinion?: string): Promise<void> {
  const main = page.getByRole('main');
  await main.getByRole('group', { name: '选择操作' }).locator('label').filter({ hasText: new RegExp(`^${action}$`) }).click();
  if (opinion) await main.getByLabel('办理意见').fill(opinion);
  await main.getByRole('button', { name: `确认${action}` }).click();
  await page.getByRole('status').getByText(`已完成“${action}”，办件信息已更新。`).waitFor();
}

test(`${on}: one application from the citizen's sign-in to the unit's reply to a bad rating, in the browser`, { skip, timeout: 300_000 }, async (t) => {
  const contexts: BrowserContext[] = [];
  t.after(async () => {
    for (const context of contexts) await context.close();
  });
  const citizenContext = await newContext(browser);
  contexts.push(citizenContext);
  const citizen = await citizenContext.newPage();

  // 1. The citizen signs in on the public hall and reads the guide.
  await citizen.goto(`${app.baseUrl}/services/sign-in`);
  await citizen.getByRole('heading', { level: 1 }).waitFor();
  await a11y(citizen, 'public sign-in');
  await citizen.getByLabel('个人（自然人）').check();
  await citizen.getByLabel('账号').fill('liu.yang');
  await citizen.getByLabel('密码').fill(DEMO_PASSWORD);
  await citizen.getByRole('button', { name: '登录' }).click();
  await citizen.waitForURL(/\/services(\?.*)?$/);
  await citizen.goto(`${app.baseUrl}/services/items/${itemId}`);
  await citizen.getByRole('heading', { level: 1, name: '测试食品经营许可' }).waitFor();
  await a11y(citizen, 'guide');

  // 2. Applies online with the two required PDFs and gets the receipt.
  await citizen.getByRole('link', { name: '在线办理' }).click();
  await citizen.waitForURL(`**/services/apply/${itemId}`);
  await a11y(citizen, 'apply form');
  await citizen.getByLabel(/^店铺名称/).fill('城南便民超市');
  await citizen.getByLabel(/^联系电话/).fill('19912100001');
  await citizen.getByLabel(/^经营项目/).selectOption('预包装食品销售');
  await citizen.locator('#material-application_form').setInputFiles({ name: '食品经营许可申请书.pdf', mimeType: 'application/pdf', buffer: samplePdf('申请书') });
  await citizen.locator('#material-site_plan').setInputFiles({ name: '平面布局图.pdf', mimeType: 'application/pdf', buffer: samplePdf('平面图') });
  await citizen.getByRole('button', { name: '提交申请' }).click();
  await citizen.getByRole('heading', { level: 1, name: '申请已提交' }).waitFor();
  const caseNumber = (await citizen.locator('dt:text-is("办件编号") + dd').innerText()).trim();
  assert.match(caseNumber, /^[0-9A-Z]{9}-\d{8}-\d{5}$/);
  await a11y(citizen, 'receipt');
  await citizen.getByRole('link', { name: '查看办理进度' }).click();
  await citizen.getByRole('heading', { level: 1, name: '测试食品经营许可' }).waitFor();
  const caseUrl = citizen.url();
  const caseId = caseUrl.split('/').at(-1) ?? '';
  await a11y(citizen, 'my case, submitted');

  // 3. The hall window opens it from 我的待办 and asks for a supplement, once, listing everything.
  const window = await staffPage(contexts, 'deng.xiao');
  await openFromQueue(window, caseNumber);
  await a11y(window, 'case at the window');
  const windowMain = window.getByRole('main');
  await windowMain.getByRole('group', { name: '选择操作' }).locator('label').filter({ hasText: '一次性告知补正' }).click();
  await windowMain.getByLabel('对应材料').click();
  await window.locator('.ant-select-item-option', { hasText: '经营场所平面布局图' }).click();
  await dropdownsClosed(window);
  await windowMain.getByLabel('补正要求').first().fill('须标明各功能区面积并加盖公章');
  await a11y(window, 'supplement request form');
  await windowMain.getByRole('button', { name: '确认一次性告知补正' }).click();
  await window.getByRole('status').getByText('已完成“一次性告知补正”，办件信息已更新。').waitFor();

  // 4. The citizen sees the request on the case page and uploads the supplement.
  await citizen.goto(caseUrl);
  await citizen.getByRole('heading', { level: 2, name: '补正材料（一次性告知）' }).waitFor();
  await citizen.getByText('须标明各功能区面积并加盖公章').first().waitFor();
  await a11y(citizen, 'my case, supplement requested');
  await citizen.getByLabel('上传：经营场所平面布局图').setInputFiles({ name: '平面布局图-标注面积.pdf', mimeType: 'application/pdf', buffer: samplePdf('补正') });
  await citizen.getByRole('button', { name: '提交补正材料' }).click();
  await citizen.getByText('补正材料已提交').first().waitFor();
  await citizen.getByText(/平面布局图-标注面积\.pdf（补正材料/).waitFor();
  await a11y(citizen, 'my case, supplement supplied');

  // 5. The window accepts, the officer forwards, the head approves, the window concludes.
  await openFromQueue(window, caseNumber);
  await windowMain.getByText('平面布局图-标注面积.pdf').first().waitFor();
  await act(window, '受理', '补正材料齐全，予以受理');
  const officer = await staffPage(contexts, 'yang.lei');
  await openFromQueue(officer, caseNumber);
  await a11y(officer, 'case at review');
  await act(officer, '审查通过，转下一环节', '经审查符合条件');
  const head = await staffPage(contexts, 'chen.jing');
  await openFromQueue(head, caseNumber);
  await a11y(head, 'case at decision');
  await act(head, '准予许可', '准予许可');
  await openFromQueue(window, caseNumber);
  await act(window, '办结', '许可证已送达');
  await a11y(window, 'case concluded');

  // 6. The citizen sees 已办结, downloads the approval notice and rates the service 不满意.
  await citizen.goto(caseUrl);
  await citizen.locator('.status-badge').getByText('已办结').waitFor();
  const notice = citizen.getByRole('link', { name: '准予行政许可决定书（PDF）' });
  const noticeUrl = (await notice.getAttribute('href')) ?? '';
  assert.equal(noticeUrl, `/api/my/cases/${caseId}/notices/approval`);
  const pdf = await citizen.request.get(`${app.baseUrl}${noticeUrl}`);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
  await a11y(citizen, 'my case, concluded');
  const rating = citizen.getByRole('group', { name: '评价等级' });
  await rating.getByLabel('不满意', { exact: true }).check();
  await citizen.getByLabel(/^评价意见/).fill('补正要求第一次没有讲清楚，多跑了一趟');
  await citizen.getByRole('button', { name: '提交评价' }).click();
  await citizen.getByText('感谢您的评价。').waitFor();
  await citizen.getByRole('heading', { level: 2, name: '我的评价' }).waitFor();
  await a11y(citizen, 'my case, rated');

  // 7. The head sees it where she works, calls the applicant back and closes it with a reply.
  await openSection(head, '我的待办');
  const headMain = head.getByRole('main');
  await headMain.getByText(/本单位有 1 件差评待整改/).waitFor();
  await a11y(head, 'work queue with the rectification badge');
  await headMain.getByRole('link', { name: '差评整改（1 件待整改）' }).click();
  await head.getByRole('heading', { level: 1, name: '差评整改' }).waitFor();
  const row = headMain.getByRole('row').filter({ hasText: caseNumber });
  await row.getByText('不满意', { exact: true }).waitFor();
  await a11y(head, 'rectifications');
  await row.getByRole('button', { name: `处理 ${caseNumber} 的差评` }).click();
  const drawer = head.getByRole('dialog', { name: `差评整改 · ${caseNumber}` });
  await drawer.getByText('补正要求第一次没有讲清楚，多跑了一趟').waitFor();
  await a11y(head, 'rectification drawer');
  await drawer.getByLabel('回访记录').fill('已电话回访刘洋，确认首次告知未写明需加盖公章');
  await drawer.getByRole('button', { name: '保存回访记录' }).click();
  await drawer.getByText('已回访，待答复').waitFor();
  await drawer.getByLabel('整改结果').fill('修订一次性告知模板，补正要求须逐项写明格式要求');
  await drawer.getByLabel('答复申请人').fill('感谢您的监督，我们已修订一次性告知模板，今后补正要求将一次讲清。');
  await drawer.getByRole('button', { name: '办结并答复申请人' }).click();
  await drawer.getByRole('heading', { name: '整改并答复' }).waitFor();
  await drawer.getByText('已办结').first().waitFor();
  await screenshot(head, 'flow-rectification-closed', { fullPage: false });
  await a11y(head, 'rectification closed');

  // 8. The citizen reads the unit's reply on the case page.
  await citizen.goto(caseUrl);
  await citizen.getByText('部门答复：感谢您的监督，我们已修订一次性告知模板，今后补正要求将一次讲清。').waitFor();
  await screenshot(citizen, 'flow-citizen-reply');
  await a11y(citizen, 'my case with the reply');
});
