// The public pages in English: the header's "English / 中文" switch sets the zt_lang cookie without JavaScript,
// and then every fixed text of the portal and the service hall — navigation, headings, labels, buttons, form
// and error messages, status names — is English, with <html lang="en">; what is stored in Chinese (item
// names, guides, unit names) stays Chinese. Without the choice the site speaks Chinese, whatever the browser asks.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { samplePdf } from '../../src/core/files/test-support.ts';
import { DEMO_PASSWORD } from '../../src/modules/identity/index.ts';
import { createTestApp, type ApiClient, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { act, publishItem } from './fixtures.ts';

let app: TestApp;
let itemId: string;
const on = testDialect();

before(async () => {
  app = await createTestApp();
  itemId = await publishItem(app);
});
after(() => app.close());

const CHINESE = /[\u4e00-\u9fff]/;

function postForm(client: ApiClient, url: string, fields: Record<string, string>) {
  return client.request<string>('POST', url, new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded' });
}

function hiddenValue(html: string, name: string): string {
  const value = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(html)?.[1];
  assert.ok(value !== undefined, `hidden field ${name}`);
  return value;
}

/** A client that chose English through the header's switch. */
async function englishClient(): Promise<ApiClient> {
  const client = app.client();
  const switched = await client.get('/services/items?q=%E6%89%A7%E7%85%A7&lang=en');
  assert.equal(switched.status, 303);
  assert.equal(switched.headers.get('location'), '/services/items?q=%E6%89%A7%E7%85%A7', 'back to the same list, the search kept');
  assert.equal(switched.headers.get('set-cookie'), 'zt_lang=en; Path=/; SameSite=Lax; Max-Age=31536000');
  return client;
}

/** The text of the page's headings, labels, buttons and links: the fixed text around the stored content. */
function textOf(html: string, tag: string): string[] {
  return [...html.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => (match[1] ?? '').replace(/<[^>]+>/g, '').trim());
}

test(`${on}: without a choice the pages are Chinese, also for a browser that asks for English; the switch is on every page`, async () => {
  const client = app.client();
  client.language = 'en-US,en;q=0.9';
  for (const url of ['/', '/services', `/services/items/${itemId}`, '/services/lookup', '/services/sign-in']) {
    const html = (await client.get(url)).body as string;
    assert.match(html, /<html lang="zh-CN">/, url);
    assert.match(html, /<nav class="language-switch" aria-label="语言">\s*<a href="[^"]*lang=en" lang="en" hreflang="en">English<\/a>[\s\S]*?<a href="[^"]*lang=zh" lang="zh-CN" hreflang="zh-CN" aria-current="true">中文<\/a>/, url);
  }
});

test(`${on}: English hall home, item list and guide: English labels, lang="en", stored Chinese content as stored`, async () => {
  const client = await englishClient();
  const home = (await client.get('/services')).body as string;
  assert.match(home, /<html lang="en">/);
  assert.match(home, /<h1 id="hall-title" class="hall-title">Online service hall<\/h1>/);
  assert.match(home, /<a class="skip-link" href="#main">Skip to main content<\/a>/);
  assert.match(home, /<nav class="main-nav" aria-label="Main navigation">[\s\S]*?>Online services<\/a>/);
  assert.match(home, /<label class="hall-search-label" for="hall-q">Search for a service<\/label>/);
  assert.match(home, /aria-current="true">English<\/a>/);
  assert.match(home, /<span class="footer-item">Website ID: /);
  assert.match(home, /href="\/services\?mode=elderly"[^>]*>[\s\S]*?Large text mode<\/a>/);
  for (const heading of textOf(home, 'h2')) assert.doesNotMatch(heading, CHINESE, `h2 "${heading}"`);

  const list = (await client.get('/services/items?theme=food_drug')).body as string;
  assert.match(list, /<h1 class="page-title page-title-plain">Service guides<\/h1>/);
  assert.match(list, /<strong>\d+<\/strong> services found/);
  assert.match(list, /Topic: Food and drugs|Topic: [A-Z]/);
  assert.match(list, />测试食品经营许可<\/a>/, 'item names stay as stored');

  const guide = (await client.get(`/services/items/${itemId}`)).body as string;
  assert.match(guide, /<html lang="en">/);
  assert.match(guide, /<h1 class="guide-title">测试食品经营许可<\/h1>/);
  assert.match(guide, /<h2 id="basics-title" class="panel-title">Basic information<\/h2>/);
  assert.match(guide, /<h2 id="materials-title" class="panel-title">Required materials<\/h2>/);
  assert.match(guide, /<th scope="row">Implementing unit<\/th><td>县市场监督管理局<\/td>/);
  assert.match(guide, /10 working days/);
  assert.match(guide, /<p class="prose" lang="zh-CN">/, 'stored guide text is marked as Chinese');
  for (const text of [...textOf(guide, 'h2'), ...textOf(guide, 'th'), ...textOf(guide, 'dt')]) {
    if (text !== '') assert.doesNotMatch(text, CHINESE, `"${text}"`);
  }
});

test(`${on}: in English, sign-in, the application form with its field messages, the receipt and the case speak English`, async () => {
  const client = await englishClient();
  const signIn = (await client.get('/services/sign-in')).body as string;
  assert.match(signIn, /<h1 class="page-title">Sign in: individuals and companies<\/h1>/);
  const wrong = await postForm(client, '/services/sign-in', { username: 'liu.yang', password: 'not-the-password', accountKind: 'citizen', returnTo: '/services' });
  assert.equal(wrong.status, 401);
  assert.match(wrong.body, /<h2 id="sign-in-error-title">Sign-in failed<\/h2>/);
  assert.doesNotMatch(/<p class="error-message" id="password-error">([^<]*)<\/p>/.exec(wrong.body)?.[1] ?? '是', CHINESE, 'the refusal is worded in English');
  const signedIn = await postForm(client, '/services/sign-in', { username: 'liu.yang', password: DEMO_PASSWORD, accountKind: 'citizen', returnTo: '/services' });
  assert.equal(signedIn.status, 303);

  const form = (await client.get(`/services/apply/${itemId}`)).body as string;
  assert.match(form, /<h1 class="page-title page-title-plain">Apply online: 测试食品经营许可<\/h1>/);
  assert.match(form, /<legend class="panel-title legend-title">Application details<\/legend>/);
  assert.match(form, /<label for="field-shop_name">店铺名称<span class="required-mark" aria-hidden="true">\*<\/span><span class="visually-hidden"> \(required\)<\/span><\/label>/);
  assert.match(form, /<p class="field-hint" id="field-contact_phone-hint">11-digit mobile number<\/p>/);
  assert.match(form, /<button type="submit" class="button button-large">Submit application<\/button>/);

  const csrf = hiddenValue(form, '_csrf');
  const key = hiddenValue(form, 'idempotencyKey');
  const post = (values: Record<string, string>, files: string[]) => {
    const data = new FormData();
    data.append('_csrf', csrf);
    data.append('idempotencyKey', key);
    for (const [name, value] of Object.entries(values)) data.append(`form.${name}`, value);
    for (const material of files) data.append(`material.${material}`, new Blob([new Uint8Array(samplePdf(material))], { type: 'application/pdf' }), `${material}.pdf`);
    return client.post(`/services/apply/${itemId}`, data);
  };
  const mistaken = await post({ shop_name: '', contact_phone: '12345', business_scope: '' }, ['application_form']);
  assert.equal(mistaken.status, 400);
  assert.match(mistaken.body, /<h2 id="error-summary-title">The application was not submitted: please correct the following<\/h2>/);
  assert.match(mistaken.body, /<a href="#field-shop_name">店铺名称: Enter 店铺名称<\/a>/);
  assert.match(mistaken.body, /<a href="#field-contact_phone">联系电话: Not a valid mobile number<\/a>/);
  assert.match(mistaken.body, /<a href="#field-business_scope">经营项目: Choose 经营项目<\/a>/);
  assert.match(mistaken.body, /<a href="#material-site_plan">Upload “经营场所平面布局图”<\/a>/);
  assert.match(mistaken.body, /checked> Uploaded: application_form.pdf \(untick to leave it out\)/);

  const kept = /name="kept\.application_form" value="([^"]+)"/.exec(mistaken.body)?.[1] ?? '';
  const data = new FormData();
  data.append('_csrf', csrf);
  data.append('idempotencyKey', key);
  data.append('form.shop_name', '城南便民超市');
  data.append('form.contact_phone', '19912100001');
  data.append('form.business_scope', '预包装食品销售');
  data.append('kept.application_form', kept);
  data.append('material.site_plan', new Blob([new Uint8Array(samplePdf('plan'))], { type: 'application/pdf' }), 'plan.pdf');
  const submitted = await client.post(`/services/apply/${itemId}`, data);
  assert.equal(submitted.status, 303, String(submitted.body).slice(0, 300));
  const receiptUrl = submitted.headers.get('location') ?? '';
  const receipt = (await client.get(receiptUrl)).body as string;
  assert.match(receipt, /<h1 class="receipt-title">Application submitted<\/h1>/);
  assert.match(receipt, /<dt>Case number<\/dt><dd>([^<]+)<\/dd>/);
  assert.match(receipt, /Your application for “测试食品经营许可” has been sent to 县市场监督管理局/);

  const caseUrl = receiptUrl.replace(/\/receipt$/, '');
  const window = await app.signIn('deng.xiao');
  const requested = await act(window, caseUrl.split('/').at(-1)!, { action: 'request_supplement', items: [{ materialKey: 'site_plan', name: '经营场所平面布局图', requirement: '须标明面积' }] });
  assert.equal(requested.status, 200);
  const detail = (await client.get(caseUrl)).body as string;
  assert.match(detail, /<p class="status-badge status-supplementing">Awaiting supplements<\/p>/);
  assert.match(detail, /<h2 id="supply-title" class="panel-title">Supply materials \(everything asked at once\)<\/h2>/);
  assert.match(detail, /<label for="supply-1">Upload: 经营场所平面布局图<\/label>/);
  assert.match(detail, /<span class="event">Supplement requested<\/span>/, 'event names in English');
  assert.match(detail, /<ul class="clock-explanation">\s*<li>Not accepted yet: the time limit has not started<\/li>/, 'the clock explained in English');
  assert.match(detail, /Since \d{4}-\d{2}-\d{2}: Supplementing materials, not resumed yet/);
  const list = (await client.get('/services/my')).body as string;
  assert.match(list, /<h1 id="my-title" class="page-title">My applications<\/h1>/);
  assert.match(list, /tag-amber">Awaiting supplements<\/span>/);
  for (const heading of [...textOf(detail, 'h2'), ...textOf(list, 'th')]) assert.doesNotMatch(heading, CHINESE, `"${heading}"`);
});

test(`${on}: in English, the lookup's refusals, a refused form post's error page and the 404 page are English`, async () => {
  const client = await englishClient();
  const empty = await postForm(client, '/services/lookup', { caseNumber: '', queryCode: '' });
  assert.equal(empty.status, 400);
  assert.match(empty.body, /<p class="error-message" id="lookup-error" role="alert">Enter the case number<\/p>/);
  const unknown = await postForm(client, '/services/lookup', { caseNumber: '123456789-20251009-00001', queryCode: '000000' });
  assert.equal(unknown.status, 404);
  assert.match(unknown.body, /Please check and enter them again\./);
  assert.doesNotMatch(/id="lookup-error" role="alert">([^<]*)</.exec(unknown.body)?.[1] ?? '是', CHINESE);

  const signedIn = await postForm(client, '/services/sign-in', { username: 'wang.haoran', password: DEMO_PASSWORD, accountKind: 'citizen', returnTo: '/services' });
  assert.equal(signedIn.status, 303);
  const forged = await client.request('POST', '/services/sign-out', new URLSearchParams({ _csrf: 'wrong' }).toString(), { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' });
  assert.equal(forged.status, 403);
  assert.match(String(forged.body), /<html lang="en">/);
  assert.match(String(forged.body), /<h1 class="page-title" id="error-title">You may not do this<\/h1>/);
  assert.doesNotMatch(/<p class="notice-lead" role="alert">([^<]*)</.exec(String(forged.body))?.[1] ?? '是', CHINESE, 'the message in the same language as the page');

  const missing = await client.get('/no-such-page', { accept: 'text/html' });
  assert.equal(missing.status, 404);
  assert.match(String(missing.body), /<h1 class="page-title">Page not found<\/h1>/);

  const back = await client.get('/services?lang=zh');
  assert.equal(back.headers.get('set-cookie'), 'zt_lang=zh; Path=/; SameSite=Lax; Max-Age=31536000');
  assert.match((await client.get('/services')).body as string, /<html lang="zh-CN">[\s\S]*<h1 id="hall-title" class="hall-title">网上办事大厅<\/h1>/);
});
