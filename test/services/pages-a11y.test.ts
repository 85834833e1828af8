// The service hall's pages in headless Chromium with axe-core (every rule, as the portal's own check), in
// standard and elderly mode, at desktop and phone width, in Chinese and in English. A person signs in, applies with two uploaded files
// and answers a supplement request through the real forms. Set SERVICES_SCREENSHOT_DIR to keep screenshots.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { samplePdf } from '../../src/core/files/test-support.ts';
import { DEMO_PASSWORD } from '../../src/modules/identity/index.ts';
import { launchBrowser, skipWithoutChromium } from '../e2e/browser.ts';
import { createTestApp, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { act, publishItem } from './fixtures.ts';

const on = testDialect();
const skip = skipWithoutChromium;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCREENSHOT_DIR = process.env['SERVICES_SCREENSHOT_DIR'];
let app: TestApp;
let browser: Browser;
let itemId: string;

before(async () => {
  if (skip) return;
  app = await createTestApp();
  itemId = await publishItem(app);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

/** Runs every axe-core rule on the page and fails with the violations. */
async function checkPage(page: Page, label: string): Promise<void> {
  if (!(await page.evaluate('typeof globalThis.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown; failureSummary?: string }> }> }> } }).axe;
    return (await axe.run()).violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  assert.deepEqual(violations, [], `${label}: ${JSON.stringify(violations, null, 2)}`);
}

async function visit(page: Page, url: string, expectedStatus = 200): Promise<void> {
  const response = await page.goto(`${app.baseUrl}${url}`);
  assert.equal(response?.status(), expectedStatus, url);
}

async function shot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOT_DIR) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

const pdfFile = (name: string) => ({ name, mimeType: 'application/pdf', buffer: samplePdf(name) });

test(`${on}: the hall pages, sign-in, application, receipt and my cases have no axe-core violations in both modes`, { skip, timeout: 300_000 }, async () => {
  for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 844 }]) {
    const suffix = viewport.width > 1000 ? '' : '-mobile';
    const context = await browser.newContext({ locale: 'zh-CN', viewport });
    const page = await context.newPage();
    const pages: Array<[string, number, string?]> = [
      ['/services', 200, 'hall'],
      ['/services/items', 200],
      ['/services/items?theme=food_drug&audience=company', 200],
      ['/services/items?q=%E6%B2%A1%E6%9C%89%E8%BF%99%E4%B8%AA', 200],
      [`/services/items/${itemId}`, 200, 'guide'],
      ['/services/items/0190f5b2-0000-7000-8000-000000000000', 404],
      ['/services/lookup', 200],
      [`/services/sign-in?returnTo=%2Fservices%2Fapply%2F${itemId}`, 200],
    ];
    for (const mode of ['standard', 'elderly']) {
      await visit(page, `/services?mode=${mode}`);
      assert.equal(await page.getAttribute('body', 'class'), `mode-${mode}`);
      for (const [url, status, name] of pages) {
        await visit(page, url, status);
        await checkPage(page, `${url} (${mode}, ${viewport.width}px)`);
        if (name) await shot(page, `services-${name}-${mode}${suffix}`);
      }
      await visit(page, '/services/lookup');
      await page.getByRole('button', { name: '查询进度' }).click();
      await checkPage(page, `lookup error (${mode}, ${viewport.width}px)`);
    }

    // Sign in through the form, in standard mode, and come back to the item's application form.
    await visit(page, '/services?mode=standard');
    await visit(page, `/services/sign-in?returnTo=%2Fservices%2Fapply%2F${itemId}`);
    await page.getByLabel('账号', { exact: true }).fill('liu.yang');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await checkPage(page, `sign-in error (${viewport.width}px)`);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${app.baseUrl}/services/apply/${itemId}`);
    await checkPage(page, `apply form (${viewport.width}px)`);
    await shot(page, `services-apply-standard${suffix}`);

    await page.getByLabel('店铺名称').fill('');
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByRole('heading', { name: '提交未成功，请修改以下内容' }).waitFor();
    await checkPage(page, `apply errors (${viewport.width}px)`);
    await shot(page, `services-apply-errors${suffix}`);

    await page.getByLabel('店铺名称').fill('城南便民超市');
    await page.getByLabel('经营项目').selectOption('预包装食品销售');
    await page.getByLabel(/^食品经营许可申请书/).setInputFiles(pdfFile('申请书.pdf'));
    await page.getByLabel(/^经营场所平面布局图/).setInputFiles(pdfFile('平面图.pdf'));
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByRole('heading', { name: '申请已提交' }).waitFor();
    await checkPage(page, `receipt (${viewport.width}px)`);
    await shot(page, `services-receipt${suffix}`);
    const caseId = /\/services\/my\/([0-9a-f-]{36})\/receipt$/.exec(page.url())?.[1];
    assert.ok(caseId, page.url());

    const window = await app.signIn('deng.xiao');
    const requested = await act(window, caseId, { action: 'request_supplement', items: [{ materialKey: 'site_plan', name: '经营场所平面布局图', requirement: '须标明面积' }] });
    assert.equal(requested.status, 200);

    for (const mode of ['standard', 'elderly']) {
      await visit(page, `/services/my?mode=${mode}`);
      await checkPage(page, `my cases (${mode}, ${viewport.width}px)`);
      await visit(page, `/services/my/${caseId}`);
      await checkPage(page, `my case with a supplement request (${mode}, ${viewport.width}px)`);
      await shot(page, `services-my-case-${mode}${suffix}`);
      await visit(page, `/services/apply/${itemId}`);
      await checkPage(page, `apply form (${mode}, ${viewport.width}px)`);
      if (mode === 'elderly') await shot(page, `services-apply-elderly${suffix}`);
    }
    await visit(page, `/services/my/${caseId}?mode=standard`);
    await page.getByLabel('上传：经营场所平面布局图').setInputFiles(pdfFile('平面图-标注面积.pdf'));
    await page.getByRole('button', { name: '提交补正材料' }).click();
    await page.getByText('补正材料已提交，办件继续办理。').waitFor();
    await checkPage(page, `my case after supplying (${viewport.width}px)`);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${app.baseUrl}/services`);
    await context.close();
  }
});

test(`${on}: in English the hall pages, sign-in, the application form with its errors and the receipt have no axe-core violations in both modes`, { skip, timeout: 300_000 }, async () => {
  for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 844 }]) {
    const suffix = viewport.width > 1000 ? '' : '-mobile';
    const context = await browser.newContext({ locale: 'en-US', viewport });
    const page = await context.newPage();
    await visit(page, '/services?lang=en');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    for (const mode of ['standard', 'elderly']) {
      await visit(page, `/services?mode=${mode}`);
      assert.equal(await page.getAttribute('body', 'class'), `mode-${mode}`);
      for (const [url, status, name] of [
        ['/services', 200, 'hall'],
        ['/services/items?theme=food_drug', 200],
        [`/services/items/${itemId}`, 200, 'guide'],
        ['/services/items/0190f5b2-0000-7000-8000-000000000000', 404],
        ['/services/lookup', 200],
        ['/services/sign-in', 200],
      ] as Array<[string, number, string?]>) {
        await visit(page, url, status);
        assert.equal(await page.getAttribute('html', 'lang'), 'en', url);
        await checkPage(page, `${url} (English, ${mode}, ${viewport.width}px)`);
        if (name) await shot(page, `services-${name}-${mode}-en${suffix}`);
      }
      await visit(page, '/services/lookup');
      await page.getByRole('button', { name: 'Track progress' }).click();
      await checkPage(page, `lookup error (English, ${mode}, ${viewport.width}px)`);
    }

    await visit(page, '/services?mode=standard');
    await visit(page, `/services/sign-in?returnTo=%2Fservices%2Fapply%2F${itemId}`);
    await page.getByLabel('Account name').fill('zhang.yuting');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${app.baseUrl}/services/apply/${itemId}`);
    for (const mode of ['standard', 'elderly']) {
      await visit(page, `/services/apply/${itemId}?mode=${mode}`);
      await checkPage(page, `apply form (English, ${mode}, ${viewport.width}px)`);
      await shot(page, `services-apply-${mode}-en${suffix}`);
      await page.getByLabel(/^店铺名称/).fill('');
      await page.getByRole('button', { name: 'Submit application' }).click();
      await page.getByRole('heading', { name: 'The application was not submitted: please correct the following' }).waitFor();
      await checkPage(page, `apply errors (English, ${mode}, ${viewport.width}px)`);
    }
    await page.getByLabel(/^店铺名称/).fill('城南便民超市');
    await page.getByLabel(/^经营项目/).selectOption('预包装食品销售');
    await page.getByLabel(/^食品经营许可申请书/).setInputFiles(pdfFile('申请书.pdf'));
    await page.getByLabel(/^经营场所平面布局图/).setInputFiles(pdfFile('平面图.pdf'));
    await page.getByRole('button', { name: 'Submit application' }).click();
    await page.getByRole('heading', { name: 'Application submitted' }).waitFor();
    await checkPage(page, `receipt (English, elderly, ${viewport.width}px)`);
    await visit(page, '/services/my');
    await checkPage(page, `my cases (English, elderly, ${viewport.width}px)`);
    await page.getByRole('link', { name: /^View/ }).first().click();
    await checkPage(page, `my case (English, elderly, ${viewport.width}px)`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${app.baseUrl}/services`);
    await context.close();
  }
});
