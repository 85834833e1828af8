// Staff-console steps shared by the browser tests: the admin's first sign-in (password → TOTP enrolment →
// password change) driven through the real UI, and keyboard helpers.
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { currentTotpCode } from '../../src/core/auth/totp.ts';
import { DEMO_PASSWORD } from '../../src/modules/identity/index.ts';
import { strongPassword, type TestClock } from '../harness.ts';

/** antd puts a space between the two characters of a two-character Chinese button label (登 录, 保 存). */
export function buttonName(label: string): RegExp {
  return new RegExp(`^${[...label].join('\\s*')}$`);
}

/** What has keyboard focus: tag, role, accessible-ish name (aria-label, label, text) and id. */
export async function focused(page: Page): Promise<{ tag: string; role: string; name: string; id: string }> {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el) return { tag: '', role: '', name: '', id: '' };
    const labelled = el.getAttribute('aria-labelledby');
    const byLabel = el.id ? document.querySelector('label[for="' + CSS.escape(el.id) + '"]') : null;
    const name = el.getAttribute('aria-label')
      || (labelled ? labelled.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : '')
      || (byLabel ? byLabel.textContent : '')
      || (el.textContent ?? '');
    return { tag: el.tagName.toLowerCase(), role: el.getAttribute('role') ?? '', name: name.trim().replace(/\\s+/g, ' '), id: el.id };
  })()`);
}

/** Presses Tab (or Shift+Tab) until the focused element's name matches; fails after `max` presses. */
export async function tabTo(page: Page, name: RegExp | string, { max = 30, backwards = false } = {}): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    seen.push(`${now.tag}${now.role ? `[${now.role}]` : ''} "${now.name.slice(0, 30)}"`);
    if (typeof name === 'string' ? now.name === name : name.test(now.name)) return;
  }
  assert.fail(`Tab never reached ${String(name)}; focus went through:\n  ${seen.join('\n  ')}`);
}

export interface FirstSignInHooks {
  /** Called on the sign-in form before anything is typed. */
  onSignInPage?(page: Page): Promise<void>;
  /** Called on the TOTP enrolment screen once the QR code and secret are shown, with the secret read from the page. */
  onEnrolment?(page: Page, secret: string): Promise<void>;
  /** Called on the change-password form. */
  onChangePassword?(page: Page): Promise<void>;
}

/**
 * Signs a demo admin in for the first time through the console: demo password, TOTP enrolment with a code
 * computed from the secret shown on the page (at the server's clock), then a new password. Returns the new
 * password and the secret; the page is left on the console home.
 */
export async function firstSignIn(page: Page, baseUrl: string, clock: TestClock, username: string, hooks: FirstSignInHooks = {}): Promise<{ password: string; secret: string }> {
  await page.goto(`${baseUrl}/console/`);
  await page.getByRole('heading', { level: 1, name: '登录管理控制台' }).waitFor();
  await hooks.onSignInPage?.(page);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: buttonName('登录') }).click();

  await page.getByRole('heading', { level: 1, name: '启用两步验证' }).waitFor();
  const qr = page.getByRole('img', { name: '两步验证绑定二维码' });
  await qr.waitFor();
  // The secret is shown grouped in fours ("ABCD EFGH …") for typing into an authenticator by hand.
  const shown = await page.locator('main code').filter({ hasText: /^[A-Z2-7 ]{16,}$/ }).first().innerText();
  const secret = shown.replace(/\s+/g, '');
  assert.match(secret, /^[A-Z2-7]{16,}$/, `the page shows a base32 secret (got "${shown}")`);
  await hooks.onEnrolment?.(page, secret);
  await page.getByLabel('6 位验证码').fill(await currentTotpCode(secret, clock.now()));
  await page.getByRole('button', { name: '确认启用' }).click();

  await page.getByRole('heading', { level: 1, name: '修改密码' }).waitFor();
  await hooks.onChangePassword?.(page);
  const password = strongPassword();
  await page.getByLabel('当前密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel('新密码', { exact: true }).fill(password);
  await page.getByLabel('确认新密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '修改密码' }).click();

  await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
  return { password, secret };
}

/** Opens a console section from the side menu (主导航) and waits for its heading. */
export async function openSection(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: label, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
}

/** Signs a (non-admin) demo staff member in through the console's sign-in form; the page ends on the console home. */
export async function signInAsStaff(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/console/`);
  await page.getByRole('heading', { level: 1, name: '登录管理控制台' }).waitFor();
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: buttonName('登录') }).click();
  await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
}

/** Polls a page expression until it is true (page.waitForFunction would need 'unsafe-eval', which the CSP refuses). */
export async function waitUntil(page: Page, expression: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${expression}`);
    await page.waitForTimeout(100);
  }
}

/** Waits until running CSS transitions have ended (a modal zooming in, a button's loading fade, a help text sliding in). */
export async function animationsSettled(page: Page): Promise<void> {
  await waitUntil(page, `document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity)`);
}

// The Select dropdowns showing now (a closed one is display:none or carries the hidden class).
const SHOWN_DROPDOWNS = `[...document.querySelectorAll('.ant-select-dropdown')].filter((el) => el.offsetParent !== null && !el.classList.contains('ant-select-dropdown-hidden'))`;

/** Waits until no Select dropdown is showing; a failure names the dropdowns still open and what they list. */
export async function dropdownsClosed(page: Page): Promise<void> {
  try {
    await waitUntil(page, `${SHOWN_DROPDOWNS}.length === 0`);
  } catch {
    const shown = await page.evaluate(`${SHOWN_DROPDOWNS}.map((el) => el.className + ' — ' + el.innerText.replace(/\\s+/g, ' ').slice(0, 80))`);
    assert.fail(`a Select dropdown is still showing: ${JSON.stringify(shown)}`);
  }
}

/**
 * Picks an option of a Select with the pointer: opens the field, waits for the dropdown's opening animation to
 * end (an option clicked while it runs can be dropped), clicks the option — the first one when none is named —
 * then waits until the dropdown has gone and the field shows the option. Returns the option's label.
 */
export async function chooseOption(page: Page, field: Locator, option?: string | RegExp): Promise<string> {
  await dropdownsClosed(page);
  await field.click();
  const options = page.locator('.ant-select-dropdown').filter({ visible: true }).locator('.ant-select-item-option');
  const choice = option === undefined ? options.first() : options.filter({ hasText: option }).first();
  await choice.waitFor();
  await animationsSettled(page);
  const label = (await choice.innerText()).trim();
  await choice.click();
  await dropdownsClosed(page);
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  await select.getByText(label, { exact: true }).first().waitFor();
  return label;
}
