// The public service hall pages through HTTP: the hall home, the filtered item list, the complete guide,
// progress lookup by case number and query code, and the citizen sign-in page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { GUIDE_ELEMENTS } from '../../src/modules/services/guide-completeness.ts';
import { DEMO_PASSWORD } from '../../src/modules/identity/index.ts';
import { createTestApp, type ApiClient, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { applyFor, completeGuide, publishItem, uploadPdf } from './fixtures.ts';

let app: TestApp;
let itemId: string;
/** The blank form and sample of the first material: uploads of the editor that publishing makes public. */
let blankFormId: string;
let sampleId: string;
const on = testDialect();

before(async () => {
  app = await createTestApp();
  const editor = await app.signIn('chen.jing');
  blankFormId = await uploadPdf(editor, '申请书空白表格.pdf');
  sampleId = await uploadPdf(editor, '申请书示例样表.pdf');
  itemId = await publishItem(app, completeGuide({ name: '测试小餐饮经营许可', materials: [
    { key: 'application_form', name: '食品经营许可申请书', required: true, form: 'original', copies: 2, blankFormFileId: blankFormId, sampleFileId: sampleId },
    { key: 'site_plan', name: '经营场所平面布局图', required: true, licenceType: '不动产权证书' },
    { key: 'other', name: '其他说明材料', required: false },
  ] }));
});
after(() => app.close());

/** Posts a plain HTML form (application/x-www-form-urlencoded). */
function postForm(client: ApiClient, url: string, fields: Record<string, string>) {
  return client.request<string>('POST', url, new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded' });
}

/** Visible text of a page: tags dropped, whitespace collapsed. */
function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

test(`${on}: the hall home shows search, themes for 个人 and 法人 with counts, 一件事, departments and the lookup box`, async () => {
  const response = await app.client().get('/services');
  assert.equal(response.status, 200);
  const html: string = response.body;
  assert.match(html, /<h1 id="hall-title" class="hall-title">网上办事大厅<\/h1>/);
  assert.match(html, /<form class="hall-search" role="search" method="get" action="\/services\/items">/);
  assert.match(html, /<label class="hall-search-label" for="hall-q">/);
  assert.match(html, /<h2 id="person-title" class="panel-title">个人办事<\/h2>/);
  assert.match(html, /<h2 id="company-title" class="panel-title">法人办事<\/h2>/);
  assert.match(html, /href="\/services\/items\?theme=food_drug"[^>]*>[\s\S]*?食品药品[\s\S]*?\d+ 项/);
  assert.match(html, /href="\/services\/items\?lifeEvent=open_restaurant">我要开餐馆<\/a>/);
  assert.match(html, /<a class="unit-link" href="\/services\/items\?unit=[0-9a-f-]{36}"><span class="unit-name">县市场监督管理局<\/span><span class="unit-count">\d+ 项<\/span>/);
  assert.match(html, /<form class="lookup-form" method="post" action="\/services\/lookup"/);
  assert.match(html, /<label for="home-case-number">办件编号<\/label>/);
  assert.match(html, /href="\/services" aria-current="page"/, 'the navigation marks 网上办事');
  assert.ok(!html.includes('栏目建设中'), 'the stub is gone');
  assert.match(html, /href="\/services\/sign-in">个人\/法人登录<\/a>/);
});

test(`${on}: the item list filters by keyword, theme, department, audience and life event, and pages with links that keep them`, async () => {
  const client = app.client();
  const all = await client.get('/services/items');
  assert.equal(all.status, 200);
  const total = Number(/共找到 <strong>(\d+)<\/strong> 个事项/.exec(all.body)?.[1]);
  assert.ok(total >= 30, `the demo catalogue is listed (${total})`);
  assert.match(all.body, /<nav class="pager" aria-label="分页">/);
  assert.equal((all.body.match(/<li class="item-row">/g) ?? []).length, 10);

  const second = await client.get('/services/items?theme=food_drug&page=2');
  assert.equal(second.status, 200);
  const byKeyword = await client.get(`/services/items?q=${encodeURIComponent('小餐饮')}`);
  assert.match(byKeyword.body, /共找到 <strong>1<\/strong> 个事项/);
  assert.ok(byKeyword.body.includes(`href="/services/items/${itemId}">测试小餐饮经营许可</a>`));
  assert.match(byKeyword.body, /关键词：小餐饮 <a href="\/services\/items">取消/);

  const byTheme = await client.get('/services/items?theme=food_drug');
  assert.ok(byTheme.body.includes('测试小餐饮经营许可') && byTheme.body.includes('药品零售企业经营许可'));
  assert.ok(!byTheme.body.includes('居民身份证'), 'only the theme');
  assert.match(byTheme.body, /<option value="food_drug" selected>/);

  const unitId = /href="\/services\/items\?unit=([0-9a-f-]{36})"><span class="unit-name">县市场监督管理局/.exec((await client.get('/services')).body)?.[1];
  assert.ok(unitId);
  const byUnit = await client.get(`/services/items?unit=${unitId}&audience=person`);
  const units = [...byUnit.body.matchAll(/实施部门：([^<]+)<\/span>/g)].map((match) => match[1]);
  assert.ok(units.length > 0 && units.every((name) => name === '县市场监督管理局'), units.join());
  const audiences = [...byUnit.body.matchAll(/服务对象：([^<]+)<\/span>/g)].map((match) => match[1]!);
  assert.ok(audiences.every((names) => names.includes('自然人')));
  assert.match(byUnit.body, /<option value="person" selected>自然人<\/option>/);

  const restaurant = await client.get('/services/items?lifeEvent=open_restaurant');
  assert.match(restaurant.body, /共找到 <strong>3<\/strong> 个事项/);
  assert.match(restaurant.body, /<strong>我要开餐馆<\/strong>：/);
  assert.match(restaurant.body, /一件事：我要开餐馆/);

  const paged = await client.get('/services/items?audience=company');
  const next = /<a href="([^"]+)" rel="next">下一页<\/a>/.exec(paged.body)?.[1];
  assert.equal(next, '/services/items?audience=company&amp;page=2');
  const page2 = await client.get('/services/items?audience=company&page=2');
  assert.match(page2.body, /aria-current="page">第 2 页<\/a>/);

  const nothing = await client.get('/services/items?lifeEvent=no_such_event&theme=bogus&unit=x');
  assert.equal(nothing.status, 200);
  assert.match(nothing.body, /没有找到符合条件的事项/);
  assert.ok(!nothing.body.includes('value="bogus"'));
});

test(`${on}: the guide page shows all 17 elements, the materials table, the process steps, codes and the apply button`, async () => {
  const anonymous = app.client();
  const response = await anonymous.get(`/services/items/${itemId}`);
  assert.equal(response.status, 200);
  const html: string = response.body;
  const text = textOf(html);
  for (const [key, names] of Object.entries(GUIDE_ELEMENTS)) assert.ok(text.includes(names.zh), `element ${key} (${names.zh}) is shown`);
  assert.match(html, /<h1 class="guide-title">测试小餐饮经营许可<\/h1>/);
  for (const header of ['材料名称', '是否必需', '材料形式', '份数', '可免交的电子证照', '表格下载']) assert.ok(html.includes(`<th scope="col">${header}</th>`), header);
  assert.match(text, /食品经营许可申请书 必需 原件 2 份/);
  assert.match(text, /经营场所平面布局图 必需 电子材料 — 不动产权证书/);
  assert.match(text, /其他说明材料 非必需/);
  assert.ok(html.includes(`href="/api/files/${blankFormId}/content">空白表格`));
  assert.ok(html.includes(`href="/api/files/${sampleId}/content">示例样表`));
  assert.equal((await anonymous.get(`/api/files/${blankFormId}/content`)).status, 200, 'and anyone may download it');
  assert.match(html, /<ol class="step-flow">\s*<li><span class="step-name">受理<\/span>/);
  assert.match(text, /法定时限 20 个工作日/);
  assert.match(text, /承诺时限 10 个工作日/);
  assert.match(text, /基本编码 99\d{10}/);
  assert.match(text, /实施编码 \S*99\d{10}/);
  assert.match(text, /示范县政务服务中心一楼 8 号窗口/);
  assert.match(text, /12345 政务服务便民热线/);
  assert.match(html, /<span class="tag tag-green">不收费<\/span>/);
  assert.ok(html.includes(`href="/services/sign-in?returnTo=%2Fservices%2Fapply%2F${itemId}">在线办理</a>`), 'anonymous visitors sign in first');

  const citizen = app.client();
  await signInByPage(citizen, 'liu.yang');
  const signedIn = await citizen.get(`/services/items/${itemId}`);
  assert.ok(signedIn.body.includes(`href="/services/apply/${itemId}">在线办理</a>`));

  assert.equal((await anonymous.get('/services/items/0190f5b2-0000-7000-8000-000000000000')).status, 404);
  const bad = await anonymous.get('/services/items/not-an-id');
  assert.equal(bad.status, 404);
  assert.match(bad.body, /事项不存在/);
});

async function signInByPage(client: ApiClient, username: string, accountKind = 'citizen', returnTo = '/services') {
  const response = await postForm(client, '/services/sign-in', { username, password: DEMO_PASSWORD, accountKind, returnTo });
  assert.equal(response.status, 303, String(response.body).slice(0, 300));
  return response;
}

test(`${on}: progress lookup shows the form, refuses a wrong query code with the form again, and shows steps, deadlines and timeline`, async () => {
  const citizen = await app.signIn('liu.yang');
  const receipt = await applyFor(citizen, itemId);
  const client = app.client();
  const form = await client.get(`/services/lookup?caseNumber=${encodeURIComponent(receipt.caseNumber)}`);
  assert.equal(form.status, 200);
  assert.match(form.body, /<h1 class="page-title">办件进度查询<\/h1>/);
  assert.ok(form.body.includes(`value="${receipt.caseNumber}"`), 'the case number from the link is filled in');

  const wrongCode = receipt.queryCode === '000000' ? '111111' : '000000';
  const wrong = await postForm(client, '/services/lookup', { caseNumber: receipt.caseNumber, queryCode: wrongCode });
  assert.equal(wrong.status, 404);
  assert.match(wrong.body, /办件编号或查询码不正确/);
  assert.match(wrong.body, /<form class="lookup-form"/);
  assert.match(wrong.body, /aria-invalid="true"/);
  assert.ok(wrong.body.includes(`value="${receipt.caseNumber}"`), 'the case number is kept');

  const empty = await postForm(client, '/services/lookup', { caseNumber: '', queryCode: '' });
  assert.equal(empty.status, 400);
  assert.match(empty.body, /请填写办件编号/);

  const right = await postForm(client, '/services/lookup', { caseNumber: receipt.caseNumber.toLowerCase(), queryCode: receipt.queryCode });
  assert.equal(right.status, 200, String(right.body).slice(0, 500));
  const text = textOf(right.body);
  assert.ok(text.includes(receipt.caseNumber));
  assert.match(text, /测试小餐饮经营许可/);
  assert.match(text, /待受理/);
  assert.match(right.body, /<ol class="progress-steps">[\s\S]*?aria-current="step"[\s\S]*?受理/);
  assert.match(text, /计时状态：/);
  assert.match(right.body, /<ol class="timeline">\s*<li><time datetime="[^"]+">\d{4}-\d{2}-\d{2} \d{2}:\d{2}<\/time><span class="event">网上申请<\/span>/);
  assert.ok(!text.includes('刘洋'), 'no personal data in the public lookup');
  assert.ok(!text.includes('19912100001'));
});

test(`${on}: the sign-in page signs a citizen in, keeps what was typed on a wrong password, and returns only to local paths`, async () => {
  const client = app.client();
  const page = await client.get(`/services/sign-in?returnTo=${encodeURIComponent(`/services/apply/${itemId}`)}`);
  assert.equal(page.status, 200);
  for (const [id, label] of [['username', '账号'], ['password', '密码']]) assert.match(page.body, new RegExp(`<label for="${id}">${label}</label>`));
  assert.match(page.body, /<legend>账号类型<\/legend>/);
  assert.match(page.body, /<input type="radio" name="accountKind" value="company">法人/);

  const wrong = await postForm(client, '/services/sign-in', { username: 'liu.yang', password: 'wrong-password', accountKind: 'citizen', returnTo: `/services/apply/${itemId}` });
  assert.equal(wrong.status, 401);
  assert.match(wrong.body, /用户名或密码错误/);
  assert.match(wrong.body, /id="username"[^>]*value="liu.yang"/);
  assert.ok(wrong.body.includes(`name="returnTo" value="/services/apply/${itemId}"`));
  assert.equal(client.cookies.has('zt_session'), false);

  const asCompany = await postForm(client, '/services/sign-in', { username: 'liu.yang', password: DEMO_PASSWORD, accountKind: 'company', returnTo: '/services' });
  assert.equal(asCompany.status, 401, 'a citizen account is not a company account');

  const ok = await signInByPage(client, 'liu.yang', 'citizen', `/services/apply/${itemId}`);
  assert.equal(ok.headers.get('location'), `/services/apply/${itemId}`);
  assert.ok(client.cookies.has('zt_session'));
  const home = await client.get('/services');
  assert.match(home.body, /您好，刘洋/);
  assert.match(home.body, /<form class="inline-form" method="post" action="\/services\/sign-out">\s*<input type="hidden" name="_csrf" value="[^"]+">/);
  assert.equal((await client.get('/services/sign-in?returnTo=/services/my')).headers.get('location'), '/services/my', 'already signed in');

  const company = app.client();
  const companyResponse = await signInByPage(company, 'shifan.nongye', 'company', '//evil.example/steal');
  assert.equal(companyResponse.headers.get('location'), '/services', 'never leaves the site');
  assert.match((await company.get('/services')).body, /您好，示范县绿野农业发展有限公司/);

  const missing = await postForm(app.client(), '/services/sign-in', { username: '', password: '', accountKind: 'citizen' });
  assert.equal(missing.status, 400);
  assert.match(missing.body, /请填写账号/);
});

test(`${on}: 长者模式 works on the hall pages and the mode switch returns to the same page`, async () => {
  const client = app.client();
  const switched = await client.get(`/services/items/${itemId}?mode=elderly`);
  assert.equal(switched.status, 303);
  assert.equal(switched.headers.get('location'), `/services/items/${itemId}`);
  for (const url of ['/services', '/services/items', `/services/items/${itemId}`, '/services/lookup', '/services/sign-in']) {
    const response = await client.get(url);
    assert.equal(response.status, 200, url);
    assert.match(response.body, /<body class="mode-elderly">/, url);
    assert.match(response.body, /<a class="skip-link" href="#main">跳到主要内容<\/a>/, url);
    assert.match(response.body, /<link rel="stylesheet" href="\/assets\/portal\/services.css">/, url);
  }
  const css = await client.get('/assets/portal/services.css');
  assert.equal(css.status, 200);
  assert.ok(String(css.body).includes('.mode-elderly'));
});

test(`${on}: the JSON API still refuses form posts, while pages accept them`, async () => {
  const client = app.client();
  const api = await postForm(client, '/api/public/case-lookup', { caseNumber: 'X-20250101-00001', queryCode: '123456' });
  assert.equal(api.status, 415);
});

test(`${on}: hostile queries, paths and bodies on the hall pages answer 4xx or a page, never 5xx`, async () => {
  const client = app.client();
  const gets = ['/services/items?page=-1&q=' + '%E5%95%8A'.repeat(500), '/services/items?page=abc&theme[]=a&unit=%27%20or%201=1--', '/services/items/..%2F..%2Fetc%2Fpasswd', `/services/items/${'x'.repeat(3000)}`, '/services/apply/%3Cscript%3E', '/services/my/not-a-case', '/services/lookup?caseNumber=%3Cscript%3E', '/services/sign-in?returnTo=%2F%2Fevil.example'];
  for (const url of gets) {
    const response = await client.get(url);
    assert.ok(response.status < 500, `${url.slice(0, 60)} → ${response.status}`);
    assert.doesNotMatch(String(response.body), /<script>|at .+\.ts:\d+/);
  }
  const posts: Array<[string, string, string]> = [
    ['/services/lookup', 'caseNumber=a&caseNumber=b&queryCode[x]=1', 'application/x-www-form-urlencoded'],
    ['/services/lookup', JSON.stringify({ caseNumber: { $gt: '' }, queryCode: [1] }), 'application/json'],
    ['/services/sign-in', 'username[]=a&password=b&accountKind=staff&returnTo=javascript:alert(1)', 'application/x-www-form-urlencoded'],
    [`/services/apply/${itemId}`, 'form.shop_name=x', 'application/x-www-form-urlencoded'],
    ['/services/my/0190f5b2-0000-7000-8000-000000000000/withdraw', 'reason=x', 'application/x-www-form-urlencoded'],
  ];
  for (const [url, body, type] of posts) {
    const response = await client.request('POST', url, body, { 'content-type': type });
    assert.ok(response.status < 500, `POST ${url} → ${response.status}`);
  }
});
