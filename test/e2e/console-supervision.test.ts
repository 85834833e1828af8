// Electronic supervision in the staff console, in a real browser: a case of a 3-day item goes overdue as the
// test clock moves and the sweep runs; the supervising office's big screen counts the new yellow card; the
// market regulator's head (chen.jing) finds it in 监察记录 and explains it (申辩) with a file; the supervisor
// (tang.zheng, 县纪委监委) accepts the explanation with the keyboard; the big screen's backlog follows, the last
// change picked up by its own 30-second refresh. The statistics page exports its numbers, the rules page
// edits a setting; axe-core checks every page and drawer on the way.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { samplePdf } from '../../src/core/files/test-support.ts';
import { sweepDueSubjects } from '../../src/modules/supervision/index.ts';
import { createTestApp, deliverEvents, type TestApp } from '../harness.ts';
import { act, applyFor, completeGuide, publishItem } from '../services/fixtures.ts';
import { testDialect } from '../test-database.ts';
import { checkA11y, launchBrowser, newContext, screenshot, skipWithoutChromium } from './browser.ts';
import { animationsSettled, buttonName, chooseOption, focused, openSection, signInAsStaff, waitUntil } from './console.ts';

const on = testDialect();
const skip = skipWithoutChromium;
const DAY = 86_400_000;
let app: TestApp;
let browser: Browser;
let caseNumber: string;
let caseId: string;

before(async () => {
  if (skip) return;
  // Monday 16 November 2026, 09:00 in China.
  app = await createTestApp({ startAt: new Date('2026-11-16T01:00:00Z') });
  browser = await launchBrowser();
  // 3 promised days: review 1, decide 1, delivery 1.
  const itemId = await publishItem(app, completeGuide({ promisedDays: 3, statutoryDays: 20 }));
  const receipt = await applyFor(await app.signIn('liu.yang'), itemId);
  caseNumber = receipt.caseNumber;
  caseId = receipt.id;
  assert.equal((await act(await app.signIn('deng.xiao'), caseId, { action: 'accept', opinion: '材料齐全，予以受理' })).status, 200);
  await deliverEvents(app, 20);
  // Wednesday: the review step was due Tuesday. Sessions are signed in from here on.
  app.clock.advance(2 * DAY);
});
after(async () => {
  await browser?.close();
  await app?.close();
});


function sweep() {
  return sweepDueSubjects({ db: app.platform.database.db, calendar: () => app.platform.calendar.getCalendar(), now: app.clock.now });
}

async function newPage(t: { after: (fn: () => Promise<void>) => void }): Promise<Page> {
  const context = await newContext(browser);
  t.after(() => context.close());
  return context.newPage();
}

async function a11y(page: Page, label: string): Promise<void> {
  await animationsSettled(page);
  await checkA11y(page, label);
}

/** The number a KPI tile of the big screen shows. */
async function kpi(page: Page, key: string): Promise<number> {
  return Number((await page.locator(`[data-kpi="${key}"] .zt-board-kpi-value`).innerText()).trim());
}

async function waitForKpi(page: Page, key: string, value: number, timeout = 10_000): Promise<void> {
  await waitUntil(page, `Number(document.querySelector('[data-kpi="${key}"] .zt-board-kpi-value')?.textContent) === ${value}`, timeout);
}

test(`${on}: a yellow card from the clock reaches the big screen; the unit explains it, the office accepts it, the screen follows`, { skip, timeout: 240_000 }, async (t) => {
  // The supervising office's big screen before the sweep. Its timers are the page's fake clock, so the test can
  // move its 30-second refresh on (the server's clock is the test's own).
  const office = await newPage(t);
  await office.clock.install();
  await signInAsStaff(office, app.baseUrl, 'tang.zheng');
  await openSection(office, '监察大屏');
  const board = office.getByTestId('supervision-board');
  await board.getByRole('heading', { name: '示范县电子监察' }).waitFor();
  await board.getByRole('img', { name: /^近 30 日监察发现趋势图表。/ }).waitFor();
  const yellowBefore = await kpi(office, 'yellow');
  const reviewBefore = await kpi(office, 'awaitingReview');
  const answerBefore = await kpi(office, 'awaitingAnswer');
  assert.ok((await kpi(office, 'cases')) >= 1, 'cases in progress are counted');
  await board.getByRole('cell', { name: '县市场监督管理局' }).first().waitFor();
  await a11y(office, 'supervision dashboard');

  // The clock has moved two days: the sweep finds the overdue review step and raises a yellow card today.
  const swept = await sweep();
  assert.ok(swept.raised >= 1, JSON.stringify(swept));
  const api = await app.signIn('tang.zheng');
  const afterSweep = (await api.get('/api/supervision/dashboard')).body;
  assert.ok(afterSweep.findingsToday.yellow >= yellowBefore + 1);
  await office.getByRole('button', { name: buttonName('刷新') }).click();
  await waitForKpi(office, 'yellow', afterSweep.findingsToday.yellow);
  assert.equal(await kpi(office, 'awaitingAnswer'), afterSweep.handling.awaitingAnswer);
  assert.ok(afterSweep.handling.awaitingAnswer > answerBefore);
  const yellowToday = afterSweep.findingsToday.yellow;
  const answersWaiting = afterSweep.handling.awaitingAnswer;
  const newest = board.getByRole('region', { name: '最新监察发现' });
  await newest.getByRole('row').filter({ hasText: caseNumber }).filter({ hasText: '黄牌' }).waitFor();
  // The table behind the trend chart has today's yellow card.
  await board.getByRole('button', { name: '查看数据' }).first().click();
  const todayRow = board.getByRole('table', { name: '近 30 日监察发现趋势（数据表）' }).getByRole('row', { name: /^2026-11-18 / });
  assert.equal(Number((await todayRow.getByRole('cell').nth(1).innerText()).trim()), yellowToday);
  await screenshot(office, 'console-supervision-dashboard');
  await a11y(office, 'supervision dashboard with a data table open');

  // The market regulator's head sees the yellow card waiting for the unit's answer and explains it with a file.
  const unit = await newPage(t);
  await signInAsStaff(unit, app.baseUrl, 'chen.jing');
  await openSection(unit, '监察记录');
  const main = unit.getByRole('main');
  await unit.getByRole('tab', { name: /待申辩整改/, selected: true }).waitFor();
  const row = main.getByRole('row').filter({ hasText: caseNumber }).filter({ hasText: '黄牌' });
  await row.waitFor();
  await row.getByText('待申辩整改').waitFor();
  await a11y(unit, 'findings list of the unit');
  await row.getByRole('button', { name: `申辩整改 办件 ${caseNumber}的黄牌` }).click();
  const drawer = unit.getByRole('dialog', { name: `黄牌 · 办件 ${caseNumber}` });
  await drawer.getByRole('heading', { name: '申辩或整改' }).waitFor();
  await drawer.getByText('办理环节时限已超期（期限 2026-11-17）').first().waitFor();
  await drawer.getByText('系统发现').waitFor();
  await a11y(unit, 'finding drawer with the answer form');
  await drawer.getByRole('button', { name: '提交答复' }).click();
  await drawer.getByText('请写明申辩理由或整改情况（至少 4 个字）').waitFor();
  await drawer.getByLabel('申辩（说明不属于违规的理由）').check();
  await drawer.getByLabel('申辩理由或整改情况').fill('申请人要求延期现场核查，已电话沟通并留存记录');
  await drawer.locator('input[type="file"][data-finding-files]').setInputFiles({ name: '情况说明.pdf', mimeType: 'application/pdf', buffer: samplePdf('explanation') });
  await drawer.getByText('情况说明.pdf').waitFor();
  await drawer.getByRole('button', { name: '提交答复' }).click();
  await unit.getByText('已提交答复，等待监察机构审核。').first().waitFor();
  await drawer.getByText('责任单位已答复，等待监察机构审核。').waitFor();
  await drawer.getByText('单位申辩').waitFor();
  await drawer.getByRole('link', { name: '下载附件 情况说明.pdf' }).waitFor();
  await a11y(unit, 'finding drawer after the explanation');
  const head = await app.signIn('chen.jing');
  const answered = (await head.get(`/api/supervision/findings?subjectId=${caseId}&level=yellow`)).body.items[0];
  assert.equal(answered.status, 'responded');

  // The office's screen counts one more answer waiting for review.
  await office.getByRole('button', { name: buttonName('刷新') }).click();
  await waitForKpi(office, 'awaitingReview', reviewBefore + 1);
  assert.equal(await kpi(office, 'awaitingAnswer'), answersWaiting - 1);

  // The supervisor reviews it in 监察记录 (待审核) and accepts, with the keyboard.
  const reviewer = await newPage(t);
  await signInAsStaff(reviewer, app.baseUrl, 'tang.zheng');
  await openSection(reviewer, '监察记录');
  const reviewMain = reviewer.getByRole('main');
  await reviewer.getByRole('tab', { name: /待审核/, selected: true }).waitFor();
  const toReview = reviewMain.getByRole('row').filter({ hasText: caseNumber }).filter({ hasText: '黄牌' });
  await toReview.waitFor();
  await a11y(reviewer, 'findings list of the supervising office');
  await toReview.getByRole('button', { name: `审核 办件 ${caseNumber}的黄牌` }).click();
  const reviewDrawer = reviewer.getByRole('dialog', { name: `黄牌 · 办件 ${caseNumber}` });
  await reviewDrawer.getByRole('heading', { name: '审核' }).waitFor();
  await reviewDrawer.getByText('申请人要求延期现场核查，已电话沟通并留存记录').waitFor();
  await reviewDrawer.getByRole('link', { name: '下载附件 情况说明.pdf' }).waitFor();
  await a11y(reviewer, 'finding drawer with the review form');
  await reviewDrawer.getByLabel('通过，办结').focus();
  await reviewer.keyboard.press('Tab');
  assert.equal((await focused(reviewer)).name, '审核意见');
  await reviewer.keyboard.type('情况属实，予以认可');
  await reviewer.keyboard.press('Tab');
  assert.equal((await focused(reviewer)).name.replace(/\s+/g, ''), '审核通过');
  await reviewer.keyboard.press('Enter');
  await reviewer.getByText('已审核通过，监察记录已办结。').first().waitFor();
  await reviewDrawer.getByText('监察机构已审核通过，处理完毕。').waitFor();
  await reviewDrawer.getByText('审核通过', { exact: true }).waitFor();
  await a11y(reviewer, 'finding drawer after the review');
  const closed = (await head.get(`/api/supervision/findings/${answered.id}`)).body;
  assert.equal(closed.status, 'closed');
  assert.deepEqual(closed.history.map((entry: { action: string }) => entry.action), ['raised', 'explained', 'accepted']);

  // The big screen picks the change up by itself within 30 seconds.
  await office.clock.fastForward(31_000);
  await waitForKpi(office, 'awaitingReview', reviewBefore);
  assert.equal(await kpi(office, 'awaitingAnswer'), answersWaiting - 1);
  assert.equal(await kpi(office, 'yellow'), yellowToday, 'the card was raised today; accepting the answer does not unraise it');
  await newest.getByRole('row').filter({ hasText: caseNumber }).filter({ hasText: '黄牌' }).getByText('已办结').waitFor();
  await a11y(office, 'supervision dashboard after the review');
});

test(`${on}: the statistics page counts findings and exports them to Excel; the rules page changes a setting`, { skip, timeout: 180_000 }, async (t) => {
  const page = await newPage(t);
  await signInAsStaff(page, app.baseUrl, 'tang.zheng');
  await openSection(page, '监察统计');
  const main = page.getByRole('main');
  await main.getByText('统计期间：2026-11-01 至 2026-11-18').waitFor();
  const expected = (await (await app.signIn('tang.zheng')).get('/api/supervision/statistics')).body;
  assert.ok(expected.totals.yellow >= 1);
  assert.equal(Number((await main.locator('[data-kpi="yellow"] .zt-kpi-value').innerText()).replace(/\D/g, '')), expected.totals.yellow);
  const table = main.getByRole('table').filter({ hasText: '县市场监督管理局' }).last();
  await table.getByRole('cell', { name: '县市场监督管理局' }).first().waitFor();
  await a11y(page, 'supervision statistics');

  // Only yellow cards, then the export with the same filters.
  await chooseOption(page, main.getByLabel('级别', { exact: true }), '黄牌');
  await main.getByRole('button', { name: buttonName('查询') }).click();
  await waitUntil(page, `document.querySelector('[data-kpi="warning"] .zt-kpi-value')?.textContent?.startsWith('0') === true`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
  assert.equal(download.suggestedFilename(), '电子监察统计-2026-11-01_2026-11-18.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.getWorksheet('监察统计')!;
  const totals = (sheet.getRow(sheet.rowCount).values as unknown[]).slice(1);
  assert.deepEqual([totals[0], totals[2], totals[3], totals[4], totals[5]], ['合计', 0, expected.totals.yellow, 0, expected.totals.yellow]);

  // The rules: the promised-deadline rule's warning threshold changed from 2 to 3 working days.
  await openSection(page, '监察规则');
  await main.getByRole('heading', { name: /^时效/ }).waitFor();
  await a11y(page, 'supervision rules');
  await main.getByRole('button', { name: '修改“办件承诺时限”的设置' }).click();
  const dialog = page.getByRole('dialog', { name: '修改“办件承诺时限”的设置' });
  await dialog.getByLabel('预警：剩余工作日不超过').fill('3');
  await a11y(page, 'rule settings dialog');
  await dialog.getByRole('button', { name: buttonName('保存') }).click();
  await page.getByText('规则已保存，正在后台重新评估在办件。').first().waitFor();
  await main.getByRole('row').filter({ hasText: 'timeliness.case' }).getByText('剩余不超过 3 个工作日时预警').waitFor();
  const rules = (await (await app.signIn('tang.zheng')).get('/api/supervision/rules')).body.items;
  assert.deepEqual(rules.find((rule: { code: string; scopeKey: string | null }) => rule.code === 'timeliness.case' && rule.scopeKey === null).settings, { warningDays: 3, redAfterOverdueDays: 5 });

  // An override for the test item, picked by name from the catalogue, then deleted again.
  await main.getByRole('button', { name: '为事项单独设置“办理环节时限”' }).click();
  const override = page.getByRole('dialog', { name: '为事项单独设置“办理环节时限”' });
  await override.getByLabel('事项', { exact: true }).fill('测试食品');
  await page.locator('.ant-select-item-option', { hasText: '测试食品经营许可（县市场监督管理局）' }).click();
  await override.getByLabel('红牌：超期工作日超过').fill('2');
  await a11y(page, 'rule override dialog');
  await override.getByRole('button', { name: buttonName('保存') }).click();
  await page.getByText('已为事项单独设置规则，正在后台重新评估在办件。').first().waitFor();
  const overrideRow = main.getByRole('row').filter({ hasText: '测试食品经营许可' });
  await overrideRow.getByText('超期超过 2 个工作日红牌').waitFor();
  await a11y(page, 'rules with an item override');
  await overrideRow.getByRole('button', { name: '删除“测试食品经营许可”的“办理环节时限”单独设置' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: buttonName('删除') }).click();
  await page.getByText('已删除单独设置，该事项恢复使用通用规则。').first().waitFor();
  await main.getByText('暂无事项单独设置').waitFor();

  // A unit's head has neither the big screen nor the rules in the menu, and is refused them by address.
  const unit = await newPage(t);
  await signInAsStaff(unit, app.baseUrl, 'chen.jing');
  const menu = unit.getByRole('navigation', { name: '主导航' });
  await menu.getByRole('link', { name: '监察记录', exact: true }).waitFor();
  assert.equal(await menu.getByRole('link', { name: '监察大屏', exact: true }).count(), 0);
  assert.equal(await menu.getByRole('link', { name: '监察规则', exact: true }).count(), 0);
  await unit.goto(`${app.baseUrl}/console/#/supervision/dashboard`);
  await unit.getByRole('heading', { level: 1, name: '无权访问' }).waitFor();

  // The notice of a finding in 我的消息 opens the finding on its own page.
  await openSection(unit, '我的消息');
  await unit.getByRole('link', { name: /^查看详情：电子监察/ }).first().click();
  await unit.getByRole('heading', { level: 1, name: /^(预警|黄牌|红牌) · 办件 / }).waitFor();
  await unit.getByRole('heading', { level: 2, name: '处理过程' }).waitFor();
  await a11y(unit, 'a finding on its own page');
});
