// The complainant's pages of 投诉 in the hall, as a person with a browser would use them without JavaScript: sign
// in, file a complaint about their own case through the multipart form (with its _csrf field and a file), see it
// in 我的投诉, and read the office's answer — never its internal notes — on the complaint's page. Mistakes come
// back beside the fields with everything typed and uploaded kept; another account gets 404; anonymous visitors
// are sent to sign in. Then every page through headless Chromium with axe-core: standard and elderly mode,
// desktop and phone, Chinese and English. Set SERVICES_SCREENSHOT_DIR to keep screenshots.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { samplePdf } from '../../src/core/files/test-support.ts';
import { DEMO_PASSWORD } from '../../src/modules/identity/index.ts';
import { launchBrowser, skipWithoutChromium } from '../e2e/browser.ts';
import { createTestApp, type ApiClient, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { applyFor, publishItem } from '../services/fixtures.ts';

const on = testDialect();
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCREENSHOT_DIR = process.env['SERVICES_SCREENSHOT_DIR'];
let app: TestApp;
let itemId: string;
let caseId: string;
let caseNumber: string;

before(async () => {
  app = await createTestApp();
  itemId = await publishItem(app);
  ({ id: caseId, caseNumber } = await applyFor(await app.signIn('liu.yang'), itemId));
});
after(() => app.close());

function postForm(client: ApiClient, url: string, fields: Record<string, string>) {
  return client.request<string>('POST', url, new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded' });
}

function hiddenValue(html: string, name: string): string {
  const value = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(html)?.[1];
  assert.ok(value !== undefined, `hidden field ${name}`);
  return value;
}

async function signInByPage(username: string, accountKind = 'citizen'): Promise<ApiClient> {
  const client = app.client();
  const response = await postForm(client, '/services/sign-in', { username, password: DEMO_PASSWORD, accountKind, returnTo: '/services' });
  assert.equal(response.status, 303, String(response.body).slice(0, 300));
  return client;
}

const pdf = (name: string) => [new Blob([new Uint8Array(samplePdf(name))], { type: 'application/pdf' }), `${name}.pdf`] as const;

/** The complaint form as a browser sends it: _csrf first, the fields, the kept files' boxes, then the file input. */
function complaintForm(csrf: string, fields: { target: string; content: string; contactPhone?: string }, files: Array<readonly [Blob, string]> = [], kept: string[] = []): FormData {
  const form = new FormData();
  form.append('_csrf', csrf);
  form.append('target', fields.target);
  form.append('content', fields.content);
  form.append('contactPhone', fields.contactPhone ?? '');
  for (const value of kept) form.append('kept', value);
  if (files.length === 0) form.append('files', new Blob([]), '');
  for (const [blob, name] of files) form.append('files', blob, name);
  return form;
}

/** The value of the select's option with this label. */
function optionValue(html: string, label: string): string {
  const value = new RegExp(`<option value="([^"]+)"[^>]*>${label}</option>`).exec(html)?.[1];
  assert.ok(value, `option ${label}`);
  return value;
}

const CONTENT = '窗口工作人员要求我重复提交已经提交过的材料，办理拖延，请求核查并督促办理。<b>附言</b>';
const NOTE = '内部记录：已调阅窗口监控，约谈窗口负责人';
const REPLY = '经核查，窗口人员未落实一次性告知，已批评教育并责令整改。';

test(`${on}: anonymous visitors are sent to sign in and come back to the page they asked for`, async () => {
  const anonymous = app.client();
  for (const [url, returnTo] of [
    ['/services/complaints', '/services/complaints'],
    [`/services/complaints/new?caseId=${caseId}`, `/services/complaints/new?caseId=${caseId}`],
    ['/services/complaints/0190f5b2-0000-7000-8000-000000000000', '/services/complaints/0190f5b2-0000-7000-8000-000000000000'],
  ] as Array<[string, string]>) {
    const response = await anonymous.get(url);
    assert.equal(response.status, 303, url);
    assert.equal(response.headers.get('location'), `/services/sign-in?returnTo=${encodeURIComponent(returnTo)}`, url);
  }
  const post = await anonymous.post('/services/complaints/new', complaintForm('', { target: '', content: CONTENT }));
  assert.equal(post.status, 303);
  assert.match(post.headers.get('location') ?? '', /^\/services\/sign-in\?returnTo=/);
});

test(`${on}: a citizen files a complaint about their case with a file, sees it listed, and reads the office's answer but never its notes`, async () => {
  const citizen = await signInByPage('liu.yang');
  const empty = (await citizen.get('/services/complaints')).body as string;
  assert.match(empty, /您还没有提交过投诉。/);
  assert.match(empty, /<a href="\/services\/complaints">我的投诉<\/a>/, 'the account menu links to 我的投诉');

  // The case page links to the form, which comes with the case chosen and the account's phone.
  const casePage = (await citizen.get(`/services/my/${caseId}`)).body as string;
  const link = `/services/complaints/new?caseId=${caseId}`;
  assert.ok(casePage.includes(`href="${link}">对此办件投诉</a>`), 'the case page links to the form');
  const formPage = await citizen.get(link);
  assert.equal(formPage.status, 200);
  const form = formPage.body as string;
  assert.match(form, /<form class="panel apply-form complaint-form" method="post" action="\/services\/complaints\/new" enctype="multipart\/form-data" novalidate>\s*<input type="hidden" name="_csrf" value="[^"]+">/);
  assert.ok(form.includes(`<option value="case:${caseId}" selected>办件 ${caseNumber}（测试食品经营许可）</option>`), 'the case is chosen');
  assert.match(form, /您正在对办件 [^<]+（测试食品经营许可）投诉。/);
  assert.match(form, /<optgroup label="政务服务大厅">\s*<option value="unit:[0-9a-f-]+">示范县政务服务中心<\/option>/);
  assert.match(form, /<option value="unit:[0-9a-f-]+">县市场监督管理局<\/option>/);
  assert.match(form, /id="complaint-phone" name="contactPhone" type="tel"[^>]*value="19912100001"/, 'the phone comes from the account');
  assert.match(form, /在 15 个工作日内答复/);
  const csrf = hiddenValue(form, '_csrf');

  // Too short, a bad phone and no choice: each message beside its field, what was typed and the file kept.
  const wrong = await citizen.post('/services/complaints/new', complaintForm(csrf, { target: '', content: '办理太慢了', contactPhone: '12345' }, [pdf('现场照片说明')]));
  assert.equal(wrong.status, 400, String(wrong.body).slice(0, 400));
  const page = wrong.body as string;
  assert.match(page, /<h2 id="error-summary-title">投诉未提交，请修改以下内容<\/h2>/);
  assert.match(page, /<a href="#complaint-target">投诉的办件或单位：请选择投诉的办件或单位<\/a>/);
  assert.match(page, /<a href="#complaint-content">投诉的事实和诉求：请写明投诉的事实和诉求（至少 10 个字）<\/a>/);
  assert.match(page, /<a href="#complaint-phone">联系电话：手机号码不正确<\/a>/);
  assert.match(page, /<p class="error-message" id="complaint-content-error">请写明投诉的事实和诉求（至少 10 个字）<\/p>/);
  assert.match(page, /<textarea id="complaint-content" name="content"[^>]*aria-invalid="true">办理太慢了<\/textarea>/, 'the text is kept');
  assert.match(page, /id="complaint-phone"[^>]*value="12345"[^>]*aria-invalid="true"/, 'the phone is kept');
  const kept = /<input type="checkbox" name="kept" value="([0-9a-f-]{36}\/[^"]+)" checked> 已上传：现场照片说明.pdf/.exec(page)?.[1];
  assert.ok(kept, 'the uploaded file is kept');

  // Corrected: the kept file and one more; filed, and a repeated post is the same complaint.
  const good = () => citizen.post('/services/complaints/new', complaintForm(csrf, { target: `case:${caseId}`, content: CONTENT, contactPhone: '199 1210 0001' }, [pdf('录音整理')], [kept]));
  const filed = await good();
  assert.equal(filed.status, 303, String(filed.body).slice(0, 600));
  const location = filed.headers.get('location') ?? '';
  const id = /^\/services\/complaints\/([0-9a-f-]{36})\?done=filed$/.exec(location)?.[1];
  assert.ok(id, location);
  assert.equal((await good()).headers.get('location'), location, 'a double submit is the same complaint');
  const api = await app.signIn('liu.yang');
  const mine = (await api.get('/api/my/complaints')).body;
  assert.equal(mine.total, 1);
  const complaintNumber: string = mine.items[0].complaintNumber;
  assert.deepEqual(mine.items[0].files.map((file: { originalName: string }) => file.originalName).sort(), ['录音整理.pdf', '现场照片说明.pdf']);
  assert.equal(mine.items[0].contactPhone, '19912100001');

  const shown = (await citizen.get(location)).body as string;
  assert.match(shown, new RegExp(`<p class="success-box" role="status">投诉已提交，编号 ${complaintNumber}。监察机构将在 \\d{4}年\\d{1,2}月\\d{1,2}日前答复您。</p>`));
  assert.match(shown, /<p class="status-badge complaint-status-submitted">已提交<\/p>/);
  assert.ok(shown.includes(`<a href="/services/my/${caseId}">办件 ${caseNumber}</a>`));
  assert.match(shown, /<dt>被投诉单位<\/dt><dd lang="zh-CN">县市场监督管理局<\/dd>/);
  assert.match(shown, /<dt>受理机构<\/dt><dd lang="zh-CN">县纪委监委<\/dd>/);
  assert.ok(shown.includes('办理拖延，请求核查并督促办理。&lt;b&gt;附言&lt;/b&gt;'), 'the content, escaped');
  const fileUrl = /<a href="(\/api\/files\/[0-9a-f-]{36}\/content)">录音整理.pdf<\/a>/.exec(shown)?.[1];
  assert.ok(fileUrl, 'the files are listed');
  const download = await citizen.get(fileUrl);
  assert.equal(download.status, 200);
  assert.equal(download.headers.get('content-type'), 'application/pdf');
  assert.match(shown, /监察机构正在办理，将于 [^<]+前答复您/);
  assert.match(shown, /<span class="event">提交投诉<\/span>/);

  const list = (await citizen.get('/services/complaints')).body as string;
  assert.match(list, /共 <strong>1<\/strong> 件投诉/);
  assert.ok(list.includes(`<td>${complaintNumber}</td>`));
  assert.ok(list.includes(`办件 ${caseNumber}`));
  assert.match(list, /<span class="tag tag-blue">已提交<\/span>/);
  assert.ok(list.includes(`<a href="/services/complaints/${id}">查看`));

  // The office records a note (internal) and answers through its API.
  const supervisor = await app.signIn('tang.zheng');
  assert.equal((await supervisor.post(`/api/supervision/complaints/${id}/notes`, { note: NOTE })).status, 200);
  const handling = (await citizen.get(`/services/complaints/${id}`)).body as string;
  assert.match(handling, /complaint-status-handling">办理中</);
  assert.match(handling, /<span class="event">监察机构开始办理<\/span>/);
  assert.ok(!handling.includes(NOTE) && !handling.includes('汤正'), 'neither the note nor who wrote it');
  assert.equal((await supervisor.post(`/api/supervision/complaints/${id}/reply`, { reply: REPLY })).status, 200);

  const answered = (await citizen.get(`/services/complaints/${id}`)).body as string;
  assert.match(answered, /<p class="status-badge complaint-status-replied">已答复<\/p>/);
  assert.ok(answered.includes(`<p class="prose reply-text" lang="zh-CN">${REPLY}</p>`), 'the answer');
  assert.match(answered, /县纪委监委于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 答复/);
  assert.match(answered, /<span class="event">监察机构答复<\/span>/);
  assert.ok(!answered.includes(NOTE), 'never the notes');
  assert.ok(!answered.includes('监察机构正在办理'));
  const listed = (await citizen.get('/services/complaints')).body as string;
  assert.match(listed, /<span class="tag tag-green">已答复<\/span>/);
  assert.match(listed, /查看答复/);
});

test(`${on}: another account gets 404, cannot choose someone else's case, and a form without the session's token stores nothing`, async () => {
  const api = await app.signIn('liu.yang');
  const [complaint] = (await api.get('/api/my/complaints')).body.items;
  const other = await signInByPage('chen.xiuying');
  const notTheirs = await other.get(`/services/complaints/${complaint.id}`);
  assert.equal(notTheirs.status, 404);
  assert.match(notTheirs.body, /<h1 class="page-title">投诉不存在<\/h1>/);
  assert.equal((await other.get('/services/complaints/not-an-id')).status, 404);
  assert.doesNotMatch((await other.get('/services/complaints')).body, new RegExp(complaint.complaintNumber));

  const form = (await other.get(`/services/complaints/new?caseId=${caseId}`)).body as string;
  assert.ok(!form.includes(`case:${caseId}`), "someone else's case is not offered");
  const forged = await other.post('/services/complaints/new', complaintForm(hiddenValue(form, '_csrf'), { target: `case:${caseId}`, content: CONTENT }));
  assert.equal(forged.status, 400);
  assert.match(forged.body, /<p class="error-message" id="complaint-target-error">只能投诉本人申请的办件<\/p>/);
  assert.ok((forged.body as string).includes('办理拖延，请求核查并督促办理。'), 'the text is kept');

  // A file of a type the hall does not take is named beside the file input; the rest of the form is kept.
  const program = [new Blob([new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00])], { type: 'application/octet-stream' }), '录音.exe'] as const;
  const refused = await other.post('/services/complaints/new', complaintForm(hiddenValue(form, '_csrf'), { target: optionValue(form, '县市场监督管理局'), content: CONTENT }, [program]));
  assert.equal(refused.status, 400);
  assert.match(refused.body, /<p class="error-message" id="complaint-files-error-1">文件“录音.exe”未能上传：不支持此文件类型/);
  assert.match(refused.body, /<select id="complaint-target"[\s\S]*<option value="unit:[0-9a-f-]+" selected>县市场监督管理局<\/option>/);

  const noToken = await other.post('/services/complaints/new', complaintForm('not-the-token', { target: optionValue(form, '县市场监督管理局'), content: CONTENT }, [pdf('证据')]));
  assert.equal(noToken.status, 403);
  assert.equal((await (await app.signIn('chen.xiuying')).get('/api/my/complaints')).body.total, 0);
  const db = app.platform.database.db;
  assert.equal((await db.selectFrom('files').select('id').where('original_name', '=', '证据.pdf').execute()).length, 0, 'no file stored before the token is checked');
});

test(`${on}: a company complains about a department in English; the pages and messages are in English`, async () => {
  const company = await signInByPage('shifan.nongye', 'company');
  const switched = await company.get('/services/complaints/new?lang=en');
  assert.equal(switched.status, 303);
  const form = (await company.get('/services/complaints/new')).body as string;
  assert.match(form, /<html lang="en">/);
  assert.match(form, /<h1 class="page-title page-title-plain">Make a complaint<\/h1>/);
  assert.match(form, /<optgroup label="Departments">/);
  const target = optionValue(form, '县人力资源和社会保障局');
  const short = await company.post('/services/complaints/new', complaintForm(hiddenValue(form, '_csrf'), { target, content: 'Too slow' }));
  assert.equal(short.status, 400);
  assert.match(short.body, /Describe what happened and what you ask for \(at least 10 characters\)/);
  assert.ok((short.body as string).includes(`<option value="${target}" selected>县人力资源和社会保障局</option>`), 'the choice is kept');

  const filed = await company.post('/services/complaints/new', complaintForm(hiddenValue(form, '_csrf'), { target, content: '社保登记窗口多次让我们来回跑，至今没有办结' }));
  assert.equal(filed.status, 303, String(filed.body).slice(0, 400));
  const page = (await company.get(filed.headers.get('location') ?? '')).body as string;
  assert.match(page, /Your complaint TS\d{4}-\d{5} was submitted\. The supervising office will answer by \d{1,2} [A-Z][a-z]+ \d{4}\./);
  assert.match(page, /<dt>About<\/dt><dd><span lang="zh-CN">县人力资源和社会保障局<\/span><\/dd>/);
  assert.match(page, /complaint-status-submitted">Submitted</);
  const list = (await company.get('/services/complaints')).body as string;
  assert.match(list, /<caption class="visually-hidden">My complaints, 1 in all<\/caption>/);
});

test(`${on}: the hall's home and the account menu lead to the complaint pages`, async () => {
  const home = (await app.client().get('/services')).body as string;
  assert.match(home, /<a class="button" href="\/services\/complaints\/new">我要投诉<\/a><a class="button button-secondary" href="\/services\/complaints">我的投诉<\/a>/);
  const signedIn = (await (await signInByPage('wang.haoran')).get('/services')).body as string;
  assert.match(signedIn, /<div class="toolbar-account">[\s\S]*<a href="\/services\/complaints">我的投诉<\/a>/);
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

/** Signs in through the page, files a complaint about the first case with a mistake first, checking each page. */
async function walkThrough(page: Page, username: string, words: { account: string; password: string; signIn: string; complain: string; content: RegExp; submit: string; errors: string; view: RegExp }, label: string, suffix: string): Promise<string> {
  await visit(page, '/services/sign-in?returnTo=%2Fservices%2Fcomplaints');
  await page.getByLabel(words.account, { exact: true }).fill(username);
  await page.getByLabel(words.password).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: words.signIn, exact: true }).click();
  await page.waitForURL(`${app.baseUrl}/services/complaints`);
  await checkPage(page, `list after signing in (${label})`);
  await visit(page, '/services/my');
  await page.getByRole('link', { name: words.view }).first().click();
  await page.getByRole('link', { name: words.complain }).click();
  await page.waitForURL(/\/services\/complaints\/new\?caseId=/);
  await checkPage(page, `form from a case (${label})`);
  await shot(page, `complaints-form${suffix}`);
  await page.getByLabel(words.content).fill('太慢');
  await page.getByRole('button', { name: words.submit }).click();
  await page.getByRole('heading', { name: words.errors }).waitFor();
  await checkPage(page, `form errors (${label})`);
  await shot(page, `complaints-form-errors${suffix}`);
  await page.getByLabel(words.content).fill('窗口工作人员要求我重复提交已经提交过的材料，办理拖延。');
  await page.locator('#complaint-files').setInputFiles(pdfFile('录音整理.pdf'));
  await page.getByRole('button', { name: words.submit }).click();
  await page.waitForURL(/\/services\/complaints\/[0-9a-f-]{36}\?done=filed$/);
  await checkPage(page, `complaint filed (${label})`);
  return /complaints\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}

test(`${on}: the complaint pages have no axe-core violations in standard and elderly mode, on desktop and phone, in Chinese and English`, { skip: skipWithoutChromium, timeout: 300_000 }, async () => {
  const browser: Browser = await launchBrowser();
  try {
    const supervisor = await app.signIn('tang.zheng');
    const users = ['zhang.yuting', 'li.guoqiang', 'wang.haoran', 'chen.xiuying'];
    let n = 0;
    for (const language of ['zh', 'en'] as const) {
      for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 844 }]) {
        const username = users[n++]!;
        const suffix = `${language === 'en' ? '-en' : ''}${viewport.width > 1000 ? '' : '-mobile'}`;
        const label = `${language}, ${viewport.width}px`;
        await applyFor(await app.signIn(username), itemId);
        const context = await browser.newContext({ locale: language === 'en' ? 'en-US' : 'zh-CN', viewport });
        const page = await context.newPage();
        await visit(page, `/services?lang=${language}&mode=standard`);
        const words = language === 'zh'
          ? { account: '账号', password: '密码', signIn: '登录', complain: '对此办件投诉', content: /^投诉的事实和诉求/, submit: '提交投诉', errors: '投诉未提交，请修改以下内容', view: /^查看/ }
          : { account: 'Account name', password: 'Password', signIn: 'Sign in', complain: 'Complain about this application', content: /^What happened and what you ask for/, submit: 'Submit complaint', errors: 'The complaint was not submitted: please correct the following', view: /^View/ };
        const id = await walkThrough(page, username, words, label, suffix);
        assert.equal(await page.getAttribute('html', 'lang'), language === 'en' ? 'en' : 'zh-CN');
        assert.equal((await supervisor.post(`/api/supervision/complaints/${id}/reply`, { reply: REPLY })).status, 200);
        for (const mode of ['standard', 'elderly']) {
          await visit(page, `/services/complaints?mode=${mode}`);
          assert.equal(await page.getAttribute('body', 'class'), `mode-${mode}`);
          await checkPage(page, `list (${mode}, ${label})`);
          await shot(page, `complaints-list-${mode}${suffix}`);
          await visit(page, `/services/complaints/${id}`);
          await checkPage(page, `answered complaint (${mode}, ${label})`);
          await shot(page, `complaints-detail-${mode}${suffix}`);
          await visit(page, '/services/complaints/new');
          await checkPage(page, `empty form (${mode}, ${label})`);
          await visit(page, '/services/complaints/0190f5b2-0000-7000-8000-000000000000', 404);
          await checkPage(page, `not found (${mode}, ${label})`);
          await visit(page, '/services');
          await checkPage(page, `hall home with the complaint links (${mode}, ${label})`);
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
});
