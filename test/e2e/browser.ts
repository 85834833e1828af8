// Shared helpers for the browser tests: one headless Chromium per test file, a fresh zh-CN context per test,
// axe-core checks (WCAG 2.1 A/AA) and optional screenshots (set E2E_SCREENSHOT_DIR to keep them).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource: string | null = null;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** `skip` option for node:test: a reason when Chromium is missing, false otherwise. */
export const skipWithoutChromium: string | false = existsSync(CHROMIUM_PATH)
  ? false
  : `${CHROMIUM_PATH} not found: install it with apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}

/** A fresh context (own cookies and storage) in Chinese at a desktop size. */
export function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 }, ...options });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown; failureSummary?: string }>;
}

/** Runs axe-core on the page as it is now and fails with every violation (rule, elements, help) when there are any. */
export async function checkA11y(page: Page, label: string): Promise<void> {
  // Evaluated through the DevTools protocol rather than a <script> tag: the console's CSP (script-src 'self')
  // rightly refuses inline scripts, and the test should not have to weaken it.
  if (!(await page.evaluate('typeof globalThis.axe === "object"'))) await page.evaluate((axeSource ??= readFileSync(AXE_SCRIPT, 'utf8')));
  const violations = await page.evaluate(async (tags: string[]) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, AXE_TAGS);
  if (violations.length === 0) return;
  const report = violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    - ${JSON.stringify(n.target)}${n.failureSummary ? `\n      ${n.failureSummary.replaceAll('\n', '\n      ')}` : ''}`);
      return `  [${v.id}] (${v.impact ?? 'n/a'}) ${v.help} — ${v.helpUrl}\n${nodes.join('\n')}`;
    })
    .join('\n');
  assert.fail(`${label}: ${violations.length} axe-core violation(s) (${violations.map((v) => v.id).join(', ')})\n${report}`);
}

/** Saves a screenshot (full page unless told otherwise) as <E2E_SCREENSHOT_DIR>/<name>-<database>.png when that variable is set. */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  const dir = process.env['E2E_SCREENSHOT_DIR'];
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const dialect = process.env['ZT_TEST_DB'] === 'postgres' ? 'postgres' : 'sqlite';
  await page.screenshot({ path: path.join(dir, `${name}-${dialect}.png`), fullPage });
}
