// The supervising office's other pages in a real browser: 绩效考核 shows the market regulator's total going down
// once the clock and the sweep raise its cards; the office issues a 督查督办 task to 县市场监督管理局 and its head
// (chen.jing) replies with a file, the office accepts; a risk point is registered and shows on the case page;
// 投诉处理, 监察日志 and 上报记录 (only for an overseer of everything) open; a task and a complaint open at their
// own addresses from the in-app messages, where the unit replies and the office notes and answers; axe-core checks
// each.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { samplePdf } from '../../src/core/files/test-support.ts';
import { sweepDueSubjects } from '../../src/modules/supervision/index.ts';
import { createTestApp, deliverEvents, type TestApp } from '../harness.ts';
import { act, applyFor, completeGuide, publishItem } from '../services/fixtures.ts';
import { testDialect } from '../test-database.ts';
import { checkA11y, launchBrowser, newContext, screenshot, skipWithoutChromium } from './browser.ts';
import { animationsSettled, buttonName, chooseOption, openSection, signInAsStaff, waitUntil } from './console.ts';

const on = testDialect();
const skip = skipWithoutChromium;
const DAY = 86_400_000;
const UNIT = '县市场监督管理局';
let app: TestApp;
let browser: Browser;
let caseId: string;

before(async () => {
  if (skip) return;
  // Monday 16 November 2026, 09:00 in China; a 3-day item's case accepted today (review due Tuesday).
  app = await createTestApp({ startAt: new Date('2026-11-16T01:00:00Z') });
  browser = await launchBrowser();
  const itemId = await publishItem(app, completeGuide({ promisedDays: 3, statutoryDays: 20 }));
  caseId = (await applyFor(await app.signIn('liu.yang'), itemId)).id;
  assert.equal((await act(await app.signIn('deng.xiao'), caseId, { action: 'accept', opinion: '材料齐全，予以受理' })).status, 200);
  await deliverEvents(app, 20);
});
after(async () => {
  await browser?.close();
  await app?.close();
});


async function newPage(t: { after: (fn: () => Promise<void>) => void }): Promise<Page> {
  const context = await newContext(browser);
  t.after(() => context.close());
  return context.newPage();
}

async function a11y(page: Page, label: string): Promise<void> {
  await animationsSettled(page);
  await checkA11y(page, label);
}

/** The total the ranking shows for a unit (its exact value, from the cell's data attribute). */
async function unitTotal(page: Page, unit: string): Promise<number> {
  const cell = page.locator(`tr[data-unit="${unit}"] .zt-score-total`);
  await cell.waitFor();
  return Number(await cell.getAttribute('data-total'));
}

test(`${on}: 绩效考核 — the market regulator's total goes down when its cards are raised`, { skip, timeout: 180_000 }, async (t) => {
  const page = await newPage(t);
  await signInAsStaff(page, app.baseUrl, 'tang.zheng');
  await openSection(page, '绩效考核');
  const main = page.getByRole('main');
  await main.getByRole('heading', { name: '2026-11 绩效排名' }).waitFor();
  const before = await unitTotal(page, UNIT);
  const api = await app.signIn('tang.zheng');
  const expected = (await api.get('/api/supervision/scores?period=2026-11')).body.items.find((row: { unitName: string }) => row.unitName === UNIT);
  assert.equal(before, expected.total);
  await main.getByRole('img', { name: /^各单位总分图表。/ }).waitFor();
  await a11y(page, 'performance scores');

  // Wednesday: the review step was due Tuesday; the sweep raises a yellow card against the unit.
  app.clock.advance(2 * DAY);
  const swept = await sweepDueSubjects({ db: app.platform.database.db, calendar: () => app.platform.calendar.getCalendar(), now: app.clock.now });
  assert.ok(swept.raised >= 1, JSON.stringify(swept));
  await deliverEvents(app, 20);
  // Two days on, the sessions have timed out: sign in again, as the supervisor would on Wednesday.
  const now = (await (await app.signIn('tang.zheng')).get('/api/supervision/scores?period=2026-11')).body.items.find((row: { unitName: string }) => row.unitName === UNIT);
  assert.ok(now.total < before, `the API's total fell: ${JSON.stringify({ before: expected, now })}`);
  await signInAsStaff(page, app.baseUrl, 'tang.zheng');
  await openSection(page, '绩效考核');
  await main.getByRole('heading', { name: '2026-11 绩效排名' }).waitFor();
  await waitUntil(page, `Number(document.querySelector('tr[data-unit="${UNIT}"] .zt-score-total')?.getAttribute('data-total')) === ${now.total}`);
  const afterTotal = await unitTotal(page, UNIT);
  assert.ok(afterTotal < before, `${afterTotal} < ${before}`);
  await a11y(page, 'performance scores after the sweep');
  const row = main.locator(`tr[data-unit="${UNIT}"]`);
  assert.ok(Number((await row.locator('td').nth(13).innerText()).trim()) >= 1, 'the yellow-card count is shown');
  await screenshot(page, 'console-supervision-scores');

  // The formula editor shows the server's message when the weights do not add up to 1.
  await main.getByRole('button', { name: '考核公式' }).click();
  const dialog = page.getByRole('dialog', { name: '设置考核公式' });
  await dialog.getByLabel('按时办结').fill('0.5');
  await dialog.getByText('当前权重之和：1.1').waitFor();
  await a11y(page, 'score formula dialog');
  await dialog.getByRole('button', { name: buttonName('保存') }).click();
  await dialog.getByText(/三项权重之和须为 1/).first().waitFor();
  await dialog.getByRole('button', { name: buttonName('取消') }).click();
});

test(`${on}: 督查督办 — the office issues a task to the market regulator, its head replies, the office accepts`, { skip, timeout: 180_000 }, async (t) => {
  const title = '核查食品经营许可超期原因';
  const office = await newPage(t);
  await signInAsStaff(office, app.baseUrl, 'tang.zheng');
  await openSection(office, '督查督办');
  await a11y(office, 'supervision tasks of the office');
  await office.getByRole('button', { name: '交办督办事项' }).click();
  const issue = office.getByRole('dialog', { name: '交办督办事项' });
  await issue.getByRole('button', { name: buttonName('交办') }).click();
  await issue.getByText('请选择承办单位').waitFor();
  await issue.getByLabel('承办单位').click();
  await office.keyboard.type(UNIT);
  await office.locator('.ant-select-tree-node-content-wrapper', { hasText: UNIT }).first().click();
  await issue.getByLabel('督办事项').fill(title);
  await issue.getByLabel('督办内容').fill('请核查本月食品经营许可审查环节超期的原因，提出整改措施并报送。');
  await issue.getByLabel('自今日起工作日数').fill('3');
  await issue.locator('input[type="file"][data-task-files]').setInputFiles({ name: '督办通知.pdf', mimeType: 'application/pdf', buffer: samplePdf('notice') });
  await issue.getByText('督办通知.pdf').waitFor();
  await a11y(office, 'issue task dialog');
  await screenshot(office, 'console-supervision-task-issue');
  await issue.getByRole('button', { name: buttonName('交办') }).click();
  await office.getByText(/^已交办，督办编号/).first().waitFor();
  const drawer = office.getByRole('dialog', { name: new RegExp(`· ${title}$`) });
  await drawer.getByText('等待承办单位答复。').waitFor();
  await drawer.getByRole('link', { name: '下载附件 督办通知.pdf' }).waitFor();
  await a11y(office, 'task drawer of the office');
  const api = await app.signIn('tang.zheng');
  const issued = (await api.get('/api/supervision/tasks')).body.items.find((task: { title: string }) => task.title === title);
  assert.equal(issued.unitName, UNIT);
  assert.equal(issued.status, 'open');

  // The market regulator's head finds it waiting for the unit's reply and answers with a file.
  const unit = await newPage(t);
  await signInAsStaff(unit, app.baseUrl, 'chen.jing');
  await openSection(unit, '督查督办');
  await unit.getByRole('tab', { name: /待答复/, selected: true }).waitFor();
  const row = unit.getByRole('main').getByRole('row').filter({ hasText: title });
  await row.waitFor();
  await a11y(unit, 'supervision tasks of the unit');
  await row.getByRole('button', { name: `答复督办事项“${title}”` }).click();
  const replyDrawer = unit.getByRole('dialog', { name: new RegExp(`· ${title}$`) });
  await replyDrawer.getByRole('heading', { name: '答复督办事项' }).waitFor();
  await replyDrawer.getByLabel('办理情况').fill('已查明原因为现场核查排期冲突，已调整排期并建立提醒机制。');
  await replyDrawer.locator('input[type="file"][data-task-reply-files]').setInputFiles({ name: '整改报告.pdf', mimeType: 'application/pdf', buffer: samplePdf('report') });
  await replyDrawer.getByText('整改报告.pdf').waitFor();
  await a11y(unit, 'task reply form');
  await replyDrawer.getByRole('button', { name: buttonName('提交答复') }).click();
  await unit.getByText('已提交答复，等待监察机构审核。').first().waitFor();
  await replyDrawer.getByText('承办单位已答复，等待监察机构审核。').waitFor();
  await replyDrawer.getByRole('link', { name: '下载附件 整改报告.pdf' }).waitFor();
  await screenshot(unit, 'console-supervision-task-replied');
  assert.equal((await api.get(`/api/supervision/tasks/${issued.id}`)).body.status, 'answered');

  // The office accepts it from its 待审核 tab.
  await office.keyboard.press('Escape');
  await office.getByRole('button', { name: buttonName('刷新') }).click();
  await office.getByRole('tab', { name: /待审核/, selected: true }).waitFor();
  await office.getByRole('main').getByRole('row').filter({ hasText: title }).getByRole('button', { name: `审核督办事项“${title}”` }).click();
  const review = office.getByRole('dialog', { name: new RegExp(`· ${title}$`) });
  await review.getByText('已查明原因为现场核查排期冲突，已调整排期并建立提醒机制。').waitFor();
  await review.getByRole('button', { name: buttonName('审核通过') }).click();
  await office.getByText('已审核通过，督办事项已办结。').first().waitFor();
  await review.getByText('监察机构已审核通过，督办事项已办结。').waitFor();
  await a11y(office, 'task drawer after acceptance');
  const closed = (await api.get(`/api/supervision/tasks/${issued.id}`)).body;
  assert.deepEqual(closed.history.map((entry: { action: string }) => entry.action), ['issued', 'replied', 'accepted']);
});

test(`${on}: 廉政风险点 on the register and the case page; 投诉处理, 监察日志 and 上报记录 open`, { skip, timeout: 180_000 }, async (t) => {
  const page = await newPage(t);
  await signInAsStaff(page, app.baseUrl, 'tang.zheng');
  await openSection(page, '廉政风险点');
  const main = page.getByRole('main');
  await a11y(page, 'risk register');
  await main.getByLabel('事项', { exact: true }).fill('测试食品');
  await page.locator('.ant-select-item-option', { hasText: '测试食品经营许可（县市场监督管理局）' }).click();
  await main.getByRole('button', { name: '登记风险点' }).click();
  const dialog = page.getByRole('dialog', { name: '登记廉政风险点' });
  await chooseOption(page, dialog.getByLabel('办理环节'));
  await dialog.getByLabel('风险点', { exact: true }).fill('审查标准执行不一');
  await chooseOption(page, dialog.getByLabel('等级'), /^高$/);
  await dialog.getByLabel('风险表现').fill('对同类申请材料的审查尺度不一致，存在选择性放宽或从严。');
  await dialog.getByLabel('防控措施').fill('统一审查要点清单，审查意见须逐项对照填写。');
  await a11y(page, 'risk point dialog');
  await dialog.getByRole('button', { name: buttonName('保存') }).click();
  const refused = dialog.locator('.ant-form-item-explain-error, .ant-alert-error');
  await page.getByText('已登记风险点。').or(refused).first().waitFor();
  assert.deepEqual(await refused.allInnerTexts(), [], 'the risk point is saved');
  await main.getByRole('row').filter({ hasText: '审查标准执行不一' }).getByText('高', { exact: true }).waitFor();
  await screenshot(page, 'console-supervision-risk-points');

  // The case page shows the item's risk points beside the current step.
  const worker = await newPage(t);
  await signInAsStaff(worker, app.baseUrl, 'deng.xiao');
  await worker.goto(`${app.baseUrl}/console/#/cases/${caseId}`);
  const panel = worker.locator('.zt-risk-card');
  await panel.getByRole('heading', { name: '廉政风险点' }).waitFor();
  await panel.getByText('审查标准执行不一').waitFor();
  await a11y(worker, 'case page with its risk points');
  await screenshot(worker, 'console-case-risk-points');

  await openSection(page, '投诉处理');
  await main.getByRole('button', { name: '答复时限' }).click();
  const policy = page.getByRole('dialog', { name: '答复时限' });
  await policy.getByLabel('答复时限').fill('10');
  await a11y(page, 'complaint policy dialog');
  await policy.getByRole('button', { name: buttonName('保存') }).click();
  await page.getByText('答复时限已设为 10 个工作日。').first().waitFor();
  await a11y(page, 'complaints');

  await openSection(page, '监察日志');
  await main.getByRole('cell', { name: 'supervision.risk_point.create' }).or(main.getByRole('cell', { name: /supervision\.risk/ })).first().waitFor();
  await a11y(page, 'supervision log');
  await screenshot(page, 'console-supervision-log');

  // 上报记录: not for an overseer of one county's units; shown to an overseer of everything.
  const menu = page.getByRole('navigation', { name: '主导航' });
  await menu.getByRole('link', { name: '监察日志', exact: true }).waitFor();
  assert.equal(await menu.getByRole('link', { name: '上报记录', exact: true }).count(), 0);
  const admin = await newPage(t);
  await signInAsStaff(admin, app.baseUrl, 'jiang.wen');
  await openSection(admin, '上报记录');
  await a11y(admin, 'provincial reports');
  await screenshot(admin, 'console-supervision-reports');
});

test(`${on}: a task and a complaint open at their own addresses, where their in-app messages link; notes and the reply on the complaint's page`, { skip, timeout: 180_000 }, async (t) => {
  const api = await app.signIn('tang.zheng');
  const unitId = (await api.get('/api/org/tree')).body.items.find((unit: { name: string }) => unit.name === UNIT).id as string;
  const title = '报送食品经营许可办理情况';
  const issued = await api.post('/api/supervision/tasks', { unitId, title, content: '请报送本月食品经营许可的受理、办结和超期情况。', dueInWorkingDays: 5 });
  assert.equal(issued.status, 200, JSON.stringify(issued.body));
  const task = issued.body as { id: string; taskNumber: string };

  // The unit's head follows the message's link to the task's own page and replies there.
  const unit = await newPage(t);
  await signInAsStaff(unit, app.baseUrl, 'chen.jing');
  await openSection(unit, '我的消息');
  const taskMessage = unit.getByRole('main').getByRole('article').filter({ hasText: title });
  await taskMessage.getByRole('link', { name: /^查看详情：/ }).click();
  await unit.getByRole('heading', { level: 1, name: `${task.taskNumber} · ${title}` }).waitFor();
  assert.equal(new URL(unit.url()).hash, `#/supervision/tasks/${task.id}`);
  const taskPage = unit.getByRole('main');
  await taskPage.getByRole('heading', { level: 2, name: '督办情况' }).waitFor();
  await taskPage.getByRole('heading', { level: 2, name: '处理过程' }).waitFor();
  await taskPage.locator('[data-action="issued"]').getByText('交办').waitFor();
  await a11y(unit, 'task page of the unit');
  await taskPage.getByLabel('办理情况').fill('本月受理 12 件、办结 10 件，超期 1 件已说明原因。');
  await taskPage.getByRole('button', { name: buttonName('提交答复') }).click();
  await taskPage.getByText('承办单位已答复，等待监察机构审核。').waitFor();
  await taskPage.locator('[data-action="replied"]').getByText('本月受理 12 件、办结 10 件，超期 1 件已说明原因。').waitFor();
  await screenshot(unit, 'console-supervision-task-page');
  await a11y(unit, 'task page after the reply');
  // The address survives a reload; the back button leads to the list.
  await unit.reload();
  await unit.getByRole('heading', { level: 1, name: `${task.taskNumber} · ${title}` }).waitFor();
  await taskPage.getByRole('link', { name: '返回督查督办' }).click();
  await unit.getByRole('heading', { level: 1, name: '督查督办' }).waitFor();

  // A citizen complains about the unit; the office's message leads to the complaint's own page.
  const content = '窗口工作人员要求我补交办事指南中没有列出的材料，来回跑了三次。';
  const filed = await (await app.signIn('liu.yang')).post('/api/my/complaints', { unitId, content, contactPhone: '19912100009' });
  assert.equal(filed.status, 200, JSON.stringify(filed.body));
  const complaint = filed.body as { id: string; complaintNumber: string };
  const office = await newPage(t);
  await signInAsStaff(office, app.baseUrl, 'tang.zheng');
  await openSection(office, '我的消息');
  await office.getByRole('main').getByRole('article').filter({ hasText: complaint.complaintNumber }).getByRole('link', { name: /^查看详情：/ }).click();
  await office.getByRole('heading', { level: 1, name: `投诉 ${complaint.complaintNumber}` }).waitFor();
  assert.equal(new URL(office.url()).hash, `#/supervision/complaints/${complaint.id}`);
  const page = office.getByRole('main');
  await page.getByText(content).waitFor();
  await page.getByText('19912100009').waitFor();
  await a11y(office, 'complaint page');

  // An internal note, then the reply that closes it; both in the history.
  await page.getByRole('button', { name: buttonName('记录') }).click();
  await page.getByText('请至少填写 2 个字').waitFor();
  await page.getByLabel('办理情况', { exact: true }).fill('已电话联系县市场监督管理局核实窗口一次性告知情况。');
  await page.getByRole('button', { name: buttonName('记录') }).click();
  await page.locator('[data-action="noted"]').getByText('已电话联系县市场监督管理局核实窗口一次性告知情况。').waitFor();
  await screenshot(office, 'console-supervision-complaint-handling');
  await a11y(office, 'complaint page with a note');
  await page.getByLabel('给投诉人的答复').fill('经核实，窗口未执行一次性告知制度，已责令整改并对相关人员批评教育。');
  await page.getByRole('button', { name: '答复并办结' }).click();
  await page.getByText('已答复投诉人，投诉已办结。').first().waitFor();
  await page.getByText('经核实，窗口未执行一次性告知制度，已责令整改并对相关人员批评教育。').first().waitFor();
  await page.locator('[data-action="replied"]').waitFor();
  assert.equal(await page.getByLabel('给投诉人的答复').count(), 0, 'a replied complaint has no more forms');
  await screenshot(office, 'console-supervision-complaint-page');
  await a11y(office, 'complaint page after the reply');
  const replied = (await api.get(`/api/supervision/complaints/${complaint.id}`)).body;
  assert.equal(replied.status, 'replied');
  assert.deepEqual(replied.history.map((entry: { action: string }) => entry.action), ['submitted', 'noted', 'replied']);

  // From the list, the drawer shows the same complaint and links to its page.
  await page.getByRole('link', { name: '返回投诉处理' }).click();
  await office.getByRole('heading', { level: 1, name: '投诉处理' }).waitFor();
  await page.getByRole('row').filter({ hasText: complaint.complaintNumber }).getByRole('button', { name: `查看投诉 ${complaint.complaintNumber}` }).click();
  const drawer = office.getByRole('dialog', { name: `投诉 ${complaint.complaintNumber}` });
  await drawer.locator('[data-action="noted"]').waitFor();
  await a11y(office, 'complaint drawer');
  await drawer.getByRole('link', { name: '单独打开' }).click();
  await office.getByRole('heading', { level: 1, name: `投诉 ${complaint.complaintNumber}` }).waitFor();
  await drawer.waitFor({ state: 'detached' });
});
