// Loads the portal in headless Chromium and runs axe-core on each page, in standard and elderly mode, in Chinese and English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import Fastify from 'fastify';
import { chromium, type Page } from 'playwright-core';
import { registerPortalPages, renderNotFound } from './portal.pages.ts';
import { stubPortalDeps } from './portal.stubs.ts';

const CHROMIUM = '/usr/bin/chromium';
const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
// Set PORTAL_SCREENSHOT_DIR to keep full-page screenshots of the home page in both modes.
const SCREENSHOT_DIR = process.env.PORTAL_SCREENSHOT_DIR;

interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: unknown; failureSummary?: string }>;
}

async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} not found: install it with apt-get install -y chromium fonts-noto-cjk`;

test('portal pages have no axe-core violations in standard and elderly mode, in Chinese and in English', { skip, timeout: 120_000 }, async (t) => {
  const app = Fastify();
  const deps = stubPortalDeps({
    listNews: async () => [
      { title: '县政府召开第十次常务会议', url: '#', date: '2025-09-30' },
      { title: '示范县2025年秋季森林防火工作部署会召开', url: '#', date: '2025-09-26' },
    ],
  });
  registerPortalPages(app, deps);
  app.setNotFoundHandler(async (request, reply) =>
    reply.code(404).type('text/html; charset=utf-8').send(await renderNotFound(await deps.getSite(), request.headers.cookie)),
  );
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  t.after(() => app.close());

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  t.after(() => browser.close());

  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    const wide = viewport.width > 1000;
    const visit = async (url: string, expectedMode: string, shot?: string): Promise<void> => {
      const response = await page.goto(`${address}${url}`, { waitUntil: 'load' });
      assert.ok(response, url);
      assert.equal(await page.getAttribute('body', 'class'), `mode-${expectedMode}`, url);
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `${url} (${expectedMode}, ${viewport.width}px): ${JSON.stringify(violations, null, 2)}`);
      if (shot && SCREENSHOT_DIR) {
        const file = wide ? shot : shot.replace(/\.png$/, '-mobile.png');
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, file), fullPage: true });
      }
    };
    await visit('/', 'standard', 'portal-home-standard.png');
    await visit('/sitemap', 'standard');
    await visit('/disclosure', 'standard');
    await visit('/no-such-page', 'standard');
    await visit('/?mode=elderly', 'elderly', 'portal-home-elderly.png');
    assert.equal(new URL(page.url()).search, '', 'the mode query is dropped after the redirect');
    await visit('/sitemap', 'elderly');
    await visit('/disclosure', 'elderly');
    await visit('/no-such-page', 'elderly');
    // The same pages in English, in both modes.
    await visit('/?lang=en', 'elderly', 'portal-home-elderly-en.png');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await visit('/sitemap', 'elderly');
    await visit('/no-such-page', 'elderly');
    await visit('/?mode=standard', 'standard', 'portal-home-en.png');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await visit('/sitemap', 'standard');
    await visit('/disclosure', 'standard');
    await visit('/no-such-page', 'standard');
    await context.close();
  }
});
