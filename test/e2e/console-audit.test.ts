// The audit administrator in a real browser: first sign-in, 审计日志 with records, 校验审计链 intact, then a
// record forged behind the application's back and the break reported. And the separation of duties seen from
// the system administrator's browser: no audit menu, the page refused, /api/audit 403.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Browser } from 'playwright-core';
import { createTestApp, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { checkA11y, launchBrowser, newContext, screenshot, skipWithoutChromium } from './browser.ts';
import { firstSignIn, openSection } from './console.ts';

const on = testDialect();
const skip = skipWithoutChromium;
let app: TestApp;
let browser: Browser;

before(async () => {
  if (skip) return;
  app = await createTestApp();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

/** Lets the test change the trail behind the application's back, as an attacker with database access would. */
async function forgeRecord(seq: number): Promise<void> {
  const db = app.platform.database.db;
  if (on === 'postgres') await sql`drop trigger audit_log_protect on audit_log`.execute(db);
  else await sql`drop trigger audit_log_no_update`.execute(db);
  await sql`update audit_log set action = 'forged' where seq = ${seq}`.execute(db);
}

test(`${on}: the audit admin sees the trail, verifies the chain, and a forged record is reported by number`, { skip, timeout: 120_000 }, async (t) => {
  const context = await newContext(browser);
  t.after(() => context.close());
  const page = await context.newPage();
  await firstSignIn(page, app.baseUrl, app.clock, 'auditadmin');
  await page.getByRole('banner').getByText('安全审计员 · 审计管理员').waitFor();

  const menu = page.getByRole('navigation', { name: '主导航' });
  assert.equal(await menu.getByRole('link', { name: '用户管理' }).count(), 0, 'the audit admin does not manage users');
  await openSection(page, '审计日志');

  // The auditor's own sign-in is on the first page (newest first), attributed to them.
  const signIn = page.getByRole('row').filter({ has: page.locator('code', { hasText: /^auth\.sign_in$/ }) }).filter({ hasText: '安全审计员' });
  await signIn.first().waitFor();
  await page.getByRole('row').filter({ has: page.locator('code', { hasText: /^auth\.password_change$/ }) }).first().waitFor();
  // The demo cases the seed handled through the case engine are in the trail too.
  await page.getByRole('row').filter({ has: page.locator('code', { hasText: /^services\.case\./ }) }).first().waitFor();
  await checkA11y(page, 'audit page');

  const verdict = page.getByRole('status');
  await page.getByRole('button', { name: '校验审计链' }).click();
  const intact = verdict.getByText(/^审计链完整：已校验 (\d+) 条记录。$/);
  await intact.waitFor();
  const checked = Number((await intact.innerText()).match(/已校验 (\d+) 条/)?.[1]);
  const { count } = await app.platform.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
  assert.ok(checked >= 4 && checked <= Number(count), `the whole chain was checked (${checked} of ${count} records)`);
  await screenshot(page, 'console-audit-intact');
  await checkA11y(page, 'audit page, chain intact');

  await forgeRecord(2);
  await page.getByRole('button', { name: '校验审计链' }).click();
  const broken = verdict.getByText(/^审计链不完整：第一条断裂记录序号 2（已校验 \d+ 条）。$/);
  await broken.waitFor();
  const reason = verdict.getByText(/^原因：.+/);
  await reason.waitFor();
  assert.equal(await verdict.getByText(/^审计链完整/).count(), 0, 'the intact verdict is gone');
  // Reloading the list shows the forged record for what it now is (found by its action: the demo seed wrote many records after it).
  await page.getByLabel('操作', { exact: true }).fill('forged');
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByRole('row').filter({ has: page.locator('code', { hasText: /^forged$/ }) }).getByRole('cell', { name: '2', exact: true }).waitFor();
  await screenshot(page, 'console-audit-broken');
  await checkA11y(page, 'audit page, chain broken');

  // The server agrees with what the page shows.
  const fromServer = await page.evaluate(async () => {
    const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
    const response = await fetch('/api/audit/verify', { method: 'POST', headers: { 'x-csrf-token': session.csrfToken } });
    return (await response.json()) as { ok: boolean; firstBroken: { seq: number } | null };
  });
  assert.equal(fromServer.ok, false);
  assert.equal(fromServer.firstBroken?.seq, 2);

  // The reason is told in the interface language, not as the API's code (edited / missing_before / inserted_or_reordered).
  const reasonText = await reason.innerText();
  assert.doesNotMatch(reasonText, /edited|missing_before|inserted_or_reordered/, `the reason is explained in Chinese: "${reasonText}"`);
  assert.match(reasonText, /^原因：\p{Script=Han}/u);
});

test(`${on}: the system admin's console has no audit log, and /api/audit answers 403 in their browser`, { skip, timeout: 120_000 }, async (t) => {
  const context = await newContext(browser);
  t.after(() => context.close());
  const page = await context.newPage();
  await firstSignIn(page, app.baseUrl, app.clock, 'sysadmin');

  const menu = page.getByRole('navigation', { name: '主导航' });
  await menu.getByRole('link', { name: '用户管理', exact: true }).waitFor();
  assert.equal(await menu.getByRole('link', { name: '审计日志' }).count(), 0, 'no 审计日志 menu entry');
  assert.equal(await page.getByRole('main').getByRole('link', { name: /审计日志/ }).count(), 0, 'no 审计日志 card on the home page');

  // Typing the address by hand gets the 无权访问 page, not the log.
  await page.goto(`${app.baseUrl}/console/#/audit`);
  await page.getByRole('heading', { level: 1, name: '无权访问' }).waitFor();
  assert.equal(await page.getByRole('button', { name: '校验审计链' }).count(), 0);
  await checkA11y(page, 'forbidden page');

  const status = await page.evaluate(async () => (await fetch('/api/audit')).status);
  assert.equal(status, 403);
  const verify = await page.evaluate(async () => {
    const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
    return (await fetch('/api/audit/verify', { method: 'POST', headers: { 'x-csrf-token': session.csrfToken } })).status;
  });
  assert.equal(verify, 403);
});
