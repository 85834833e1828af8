// The public portal of the whole platform in a real browser: axe-core in standard and elderly mode, the
// footer's filing marks, the 长者模式 switch (sticky, with and without JavaScript) and the skip link.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { checkA11y, launchBrowser, newContext, screenshot, skipWithoutChromium } from './browser.ts';

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

async function open(page: Page, path: string): Promise<void> {
  const response = await page.goto(`${app.baseUrl}${path}`);
  assert.equal(response?.status(), 200, path);
}

async function bodyFontSize(page: Page): Promise<number> {
  return parseFloat(await page.evaluate('getComputedStyle(document.body).fontSize'));
}

async function mode(page: Page): Promise<string | null> {
  return page.getAttribute('body', 'class');
}

test(`${on}: the home page, the site map and elderly mode have no axe-core violations`, { skip, timeout: 120_000 }, async (t) => {
  const context = await newContext(browser);
  t.after(() => context.close());
  const page = await context.newPage();

  await open(page, '/');
  assert.equal(await mode(page), 'mode-standard');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  await page.getByRole('heading', { level: 1, name: /示范县/ }).waitFor();
  await screenshot(page, 'portal-home-standard');
  await checkA11y(page, 'portal home');
  await open(page, '/sitemap');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await checkA11y(page, 'portal site map');

  await open(page, '/?mode=elderly');
  assert.equal(await mode(page), 'mode-elderly');
  assert.equal(new URL(page.url()).search, '', 'the mode query is dropped after the redirect');
  await screenshot(page, 'portal-home-elderly');
  await checkA11y(page, 'portal home, elderly mode');
  await open(page, '/sitemap');
  assert.equal(await mode(page), 'mode-elderly');
  await checkA11y(page, 'portal site map, elderly mode');
});

test(`${on}: the footer shows the site code, the ICP and public-security filings and the government-site mark`, { skip, timeout: 60_000 }, async (t) => {
  const context = await newContext(browser);
  t.after(() => context.close());
  const page = await context.newPage();
  await open(page, '/');
  const footer = page.getByRole('contentinfo');

  await footer.getByText(/^网站标识码：\d{10}$/).waitFor();
  const siteCode = (await footer.getByText(/^网站标识码：/).innerText()).replace('网站标识码：', '');
  assert.equal(await page.getAttribute('meta[name="SiteIDCode"]', 'content'), siteCode, 'the page meta carries the same site code');

  const icp = footer.getByRole('link', { name: /ICP备\d+号/ });
  assert.match((await icp.getAttribute('href')) ?? '', /^https:\/\/beian\.miit\.gov\.cn\/?/);

  const police = footer.getByRole('link', { name: /公网安备(\d+)号/ });
  const number = (await police.innerText()).match(/公网安备(\d+)号/)?.[1] ?? '';
  assert.ok(number.length >= 10, '公安机关备案 number shown');
  const policeHref = new URL((await police.getAttribute('href')) ?? '');
  assert.equal(policeHref.hostname, 'beian.mps.gov.cn');
  assert.ok(policeHref.href.includes(number), 'the 公安机关备案 link looks the number up');

  const conac = footer.getByRole('link', { name: /党政机关网站标识/ });
  assert.match((await conac.getAttribute('href')) ?? '', /^https:\/\/bszs\.conac\.cn\//);
  await conac.getByText('党政机关').waitFor();
});

test(`${on}: 长者模式 from the toolbar enlarges the text to at least 20px and sticks across page loads`, { skip, timeout: 60_000 }, async (t) => {
  const context = await newContext(browser);
  t.after(() => context.close());
  const page = await context.newPage();
  await open(page, '/');
  assert.ok((await bodyFontSize(page)) < 20, 'standard mode uses the ordinary size');

  const toolbar = page.getByRole('navigation', { name: '浏览模式' });
  await toolbar.getByRole('link', { name: '长者模式' }).click();
  await page.waitForURL(`${app.baseUrl}/`);
  assert.equal(await mode(page), 'mode-elderly');
  assert.ok((await bodyFontSize(page)) >= 20, `elderly mode font size ${await bodyFontSize(page)}px`);

  await page.reload();
  assert.equal(await mode(page), 'mode-elderly', 'kept after a reload');
  assert.ok((await bodyFontSize(page)) >= 20);
  await open(page, '/sitemap');
  assert.equal(await mode(page), 'mode-elderly', 'kept on other pages');
  assert.ok((await bodyFontSize(page)) >= 20);

  await toolbar.getByRole('link', { name: '标准模式' }).click();
  await page.waitForURL(`${app.baseUrl}/sitemap`);
  assert.equal(await mode(page), 'mode-standard');
  assert.ok((await bodyFontSize(page)) < 20);
});

test(`${on}: without JavaScript the home page renders and the mode switch still works`, { skip, timeout: 60_000 }, async (t) => {
  const context = await newContext(browser, { javaScriptEnabled: false });
  t.after(() => context.close());
  const page = await context.newPage();
  await open(page, '/');
  await page.getByRole('heading', { level: 1, name: /示范县/ }).waitFor();
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '网上办事' }).waitFor();
  await page.getByRole('contentinfo').getByText(/^网站标识码：/).waitFor();

  await page.getByRole('navigation', { name: '浏览模式' }).getByRole('link', { name: '长者模式' }).click();
  await page.waitForURL(`${app.baseUrl}/`);
  assert.equal(await mode(page), 'mode-elderly');
  assert.ok((await bodyFontSize(page)) >= 20);
  await open(page, '/sitemap');
  assert.equal(await mode(page), 'mode-elderly');
});

test(`${on}: Tab from the top reaches the skip link first and it moves focus to <main>`, { skip, timeout: 60_000 }, async (t) => {
  const context = await newContext(browser);
  t.after(() => context.close());
  const page = await context.newPage();
  for (const elderly of [false, true]) {
    await open(page, elderly ? '/?mode=elderly' : '/?mode=standard');
    await page.keyboard.press('Tab');
    const first = await page.evaluate('({ tag: document.activeElement.tagName, text: document.activeElement.textContent.trim(), href: document.activeElement.getAttribute("href") })');
    assert.deepEqual(first, { tag: 'A', text: '跳到主要内容', href: '#main' }, `first Tab stop (${elderly ? 'elderly' : 'standard'} mode)`);
    const skipLink = page.getByRole('link', { name: '跳到主要内容' });
    const box = await skipLink.boundingBox();
    assert.ok(box && box.y >= 0 && box.height > 0, 'the skip link is visible when focused');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate('document.activeElement.tagName + "#" + document.activeElement.id'), 'MAIN#main');
    // The next Tab continues inside the main content, not back in the header.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate('Boolean(document.activeElement.closest("main"))'), true, 'focus continues inside <main>');
  }
});
