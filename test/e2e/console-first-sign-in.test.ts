// The system administrator's first sign-in in a real browser (password → TOTP enrolment → new password →
// console home), then creating a staff user in 用户管理 with the keyboard alone; axe-core on every screen.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { currentTotpCode } from '../../src/core/auth/totp.ts';
import { createTestApp, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { checkA11y, launchBrowser, newContext, screenshot, skipWithoutChromium } from './browser.ts';
import { buttonName, firstSignIn, focused, openSection, tabTo } from './console.ts';

const on = testDialect();
const skip = skipWithoutChromium;
let app: TestApp;
let browser: Browser;
/** What the first test set in the browser; the second signs in with it. */
let sysadmin: { password: string; secret: string } | null = null;

before(async () => {
  if (skip) return;
  app = await createTestApp();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

test(`${on}: the system admin's first sign-in enrols TOTP, changes the password and lands on the console home`, { skip, timeout: 120_000 }, async (t) => {
  const context = await newContext(browser);
  t.after(() => context.close());
  const page = await context.newPage();

  sysadmin = await firstSignIn(page, app.baseUrl, app.clock, 'sysadmin', {
    async onSignInPage(p) {
      assert.equal(await p.getAttribute('html', 'lang'), 'zh-CN');
      assert.equal(await p.title(), '政通 · 管理控制台');
      await screenshot(p, 'console-sign-in');
      await checkA11y(p, 'console sign-in page');
    },
    async onEnrolment(p, secret) {
      const qr = p.getByRole('img', { name: '两步验证绑定二维码' });
      assert.equal(await qr.evaluate((el: { tagName: string }) => el.tagName), 'IMG');
      assert.match((await qr.getAttribute('src')) ?? '', /^data:image\/png;base64,[A-Za-z0-9+/=]{100,}$/);
      assert.equal(await qr.getAttribute('alt'), '两步验证绑定二维码');
      assert.ok(await qr.evaluate((el: { naturalWidth: number }) => el.naturalWidth) > 0, 'the QR image decodes');
      assert.ok(secret.length >= 16);
      await p.getByText('当前账号：系统管理员（sysadmin）').waitFor();
      await screenshot(p, 'console-totp-enrolment');
      await checkA11y(p, 'TOTP enrolment screen');
    },
    async onChangePassword(p) {
      await p.getByText('首次登录或密码已过期，请先设置新密码。').waitFor();
      await checkA11y(p, 'change-password screen');
    },
  });

  // Home: the user's name in the header and in the greeting, the separation of duties in the header.
  await page.getByText(/^(上午好|下午好|晚上好)，系统管理员。县政务服务和数据管理局$/).waitFor();
  await page.getByRole('banner').getByText('系统管理员 · 系统管理员').waitFor();
  assert.equal(await page.title(), '首页 · 政通 · 管理控制台');
  const menu = page.getByRole('navigation', { name: '主导航' });
  await menu.getByRole('link', { name: '用户管理', exact: true }).waitFor();
  assert.equal(await menu.getByRole('link', { name: '审计日志' }).count(), 0, 'the system admin gets no audit menu');
  await screenshot(page, 'console-home-sysadmin');
  await checkA11y(page, 'console home');

  // The database agrees: TOTP is on and the initial password is gone.
  const row = await app.platform.database.db
    .selectFrom('users')
    .select(['totp_enabled', 'must_change_password'])
    .where('username', '=', 'sysadmin')
    .executeTakeFirstOrThrow();
  assert.equal(Number(row.totp_enabled), 1);
  assert.equal(Number(row.must_change_password), 0);
});

/** Signs in again in a fresh context: password, then the 6-digit code screen (a new 30-second step, as codes are single-use). */
async function signInAgain(page: Page): Promise<void> {
  assert.ok(sysadmin, 'the first sign-in test ran and set the password');
  await page.goto(`${app.baseUrl}/console/`);
  await page.getByLabel('用户名', { exact: true }).fill('sysadmin');
  await page.getByLabel('密码', { exact: true }).fill(sysadmin.password);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: '两步验证' }).waitFor();
  app.clock.advance(30_000);
  await page.getByLabel('6 位验证码').fill(await currentTotpCode(sysadmin.secret, app.clock.now()));
  await page.getByRole('button', { name: buttonName('验证') }).click();
  await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
}

test(`${on}: the system admin creates a user in a department with the keyboard only`, { skip, timeout: 120_000 }, async (t) => {
  const context = await newContext(browser);
  t.after(() => context.close());
  const page = await context.newPage();
  await signInAgain(page);
  await openSection(page, '用户管理');
  await page.getByText(/^共 \d+ 条$/).waitFor();

  // From here on no mouse: focus is on the page heading after navigation; Tab to 新建用户 and press Enter.
  assert.equal((await focused(page)).name, '用户管理', 'focus moves to the page heading after navigation');
  await tabTo(page, '新建用户', { max: 5 });
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: '新建用户' });
  await drawer.waitFor();
  await drawer.getByLabel('角色 1', { exact: true }).waitFor();

  const combobox = (label: string) => drawer.getByLabel(label, { exact: true });
  const closed = (label: string) => combobox(label).and(page.locator('[aria-expanded="false"]')).waitFor();
  const opened = (label: string) => combobox(label).and(page.locator('[aria-expanded="true"]')).waitFor();

  await tabTo(page, '用户名');
  await page.keyboard.type('wei.xiaoming');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).name, '姓名');
  await page.keyboard.type('魏晓明');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).name, '所属单位');
  // The unit tree is searchable: type the name, Enter takes the match.
  await page.keyboard.type('县民政局');
  await opened('所属单位');
  await page.keyboard.press('Enter');
  await closed('所属单位');
  await drawer.getByTitle('县民政局', { exact: true }).waitFor();
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).name, '手机号码');
  await page.keyboard.type('19900129999');
  await tabTo(page, '初始密码', { max: 3 });
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Init#Pass2026x');
  await tabTo(page, '角色 1', { max: 3 });
  await page.keyboard.type('科室负责人');
  await opened('角色 1');
  await page.keyboard.press('Enter');
  await closed('角色 1');
  await drawer.getByTitle('科室负责人', { exact: true }).waitFor();
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).name, '数据范围');
  // The scope list is 本人 / 本单位 / 本单位及下级 / 全部 with 本单位 preselected: open it, one down, choose.
  await page.keyboard.press('ArrowDown');
  await opened('数据范围');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await closed('数据范围');
  await drawer.getByTitle('本单位及下级', { exact: true }).waitFor();

  // Let the last dropdown finish its closing animation: while it fades out its listbox is still visible but no
  // longer controlled by an expanded combobox, which axe (rightly, for that instant) reports as unnamed.
  await page.locator('.ant-select-dropdown').filter({ visible: true }).first().waitFor({ state: 'hidden' });
  await screenshot(page, 'console-users-drawer', { fullPage: false }); // the drawer is fixed to the viewport
  await checkA11y(page, 'users page with the create drawer open');

  // Back to the 保存 button in the drawer's header and press it.
  await tabTo(page, /^保\s*存$/, { backwards: true, max: 15 });
  await page.keyboard.press('Enter');
  await drawer.waitFor({ state: 'hidden' });
  await page.getByText('已保存').waitFor();

  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'wei.xiaoming', exact: true }) });
  await row.waitFor();
  for (const text of ['魏晓明', '县民政局', '科室负责人 · 本单位及下级', '正常']) await row.getByText(text, { exact: true }).waitFor();
  await screenshot(page, 'console-users');

  // The database holds the same user, unit and scoped role.
  const db = app.platform.database.db;
  const user = await db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'users.display_name', 'users.phone', 'users.status', 'users.must_change_password', 'units.name as unit_name'])
    .where('users.username', '=', 'wei.xiaoming')
    .executeTakeFirst();
  assert.ok(user, 'the user exists in the database');
  assert.equal(user.display_name, '魏晓明');
  assert.equal(user.unit_name, '县民政局');
  assert.equal(user.status, 'active');
  assert.equal(Number(user.must_change_password), 1, 'the initial password must be changed at first sign-in');
  const roles = await db
    .selectFrom('user_roles')
    .innerJoin('roles', 'roles.id', 'user_roles.role_id')
    .select(['roles.code', 'user_roles.scope'])
    .where('user_roles.user_id', '=', user.id)
    .execute();
  assert.deepEqual(roles.map((r) => ({ ...r })), [{ code: 'dept_head', scope: 'unit_and_below' }]);

  // A screen reader announces a button by its accessible name: it must be the Chinese label alone, without the
  // icon's English name (antd icons carry role="img" aria-label="plus" unless marked aria-hidden).
  const names = async (labels: string[]) => {
    const wrong: string[] = [];
    for (const label of labels) if ((await page.getByRole('button', { name: label, exact: true }).count()) === 0) wrong.push(label);
    return wrong;
  };
  const misnamed = await names(['新建用户', '导出 Excel', '查询', '退出登录']);
  assert.deepEqual(misnamed, [], `buttons whose accessible name is not just their label: ${misnamed.join(', ')} (e.g. "plus 新建用户")`);
});
